package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.ZendeskInstance;
import io.plumbline.plan.PlanHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/** The plans of run folders, compared across live and offline audits of the same data. */
final class RunPlans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunPlans() {}

    /** The plan_hash a run folder's fix_plan.json records. */
    static String hash(Path runDir) {
        return plan(runDir).path("plan_hash").asText();
    }

    /**
     * The hash the run's plan would have without its {@code source.zendesk}, which must name the Zendesk at
     * {@code base}: a live audit's plan is an offline audit's of the same data, plus the Zendesk it was read
     * from.
     */
    static String hashApartFromZendesk(Path runDir, URI base) {
        JsonNode plan = plan(runDir);
        assertThat(plan.path("source").path("zendesk").asText()).isEqualTo(ZendeskInstance.name(base));
        ((ObjectNode) plan.path("source")).remove("zendesk");
        return PlanHash.of(plan);
    }

    private static JsonNode plan(Path runDir) {
        try {
            return JSON.readTree(runDir.resolve("fix_plan.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
