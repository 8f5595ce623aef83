package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same records in another line order are the same inputs: the plan hash and every CSV artifact
 * come out identical (SPEC: same inputs, same hash on every machine; byte-identical artifacts).
 */
class InputOrderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-18T09:30:00Z"), ZoneOffset.UTC);
    private static final List<String> FILES = List.of(
            "salesforce_accounts.csv",
            "salesforce_contacts.csv",
            "snapshot.json",
            "zendesk/organizations.jsonl",
            "zendesk/users.jsonl",
            "zendesk/organization_memberships.jsonl",
            "zendesk/tickets.jsonl");
    private static final List<String> ARTIFACTS = List.of(
            "org_issues.csv",
            "user_issues.csv",
            "ticket_issues.csv",
            "all_exceptions.csv",
            "exceptions_by_account.csv",
            "fix_plan.csv",
            "fix_plan.json");

    @TempDir
    Path dir;

    @Test
    void audit_demoRecordsInShuffledLineOrder_sameHashAndSameArtifacts() throws IOException {
        audit(copyDemo(dir.resolve("as-shipped"), null), "a");
        for (long seed = 1; seed <= 3; seed++) {
            Path shuffled = copyDemo(dir.resolve("shuffled-" + seed), new Random(seed));
            audit(shuffled, "b" + seed);
            assertThat(dir.resolve("b" + seed + "/r/fix_plan.json")).exists();
            for (String artifact : ARTIFACTS) {
                assertThat(dir.resolve("b" + seed + "/r/" + artifact))
                        .as("%s with seed %d", artifact, seed)
                        .hasSameTextualContentAs(dir.resolve("a/r/" + artifact));
            }
        }
    }

    /** The demo's files; with {@code random}, the JSONL lines and CSV data rows shuffled. */
    private static Path copyDemo(Path to, Random random) throws IOException {
        for (String name : FILES) {
            String text;
            try (InputStream in = InputOrderTest.class.getResourceAsStream("/io/plumbline/demo/" + name)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (random != null && !name.endsWith(".json")) {
                List<String> lines = new ArrayList<>(text.lines().toList());
                int from = name.endsWith(".csv") ? 1 : 0;
                Collections.shuffle(lines.subList(from, lines.size()), random);
                text = String.join("\n", lines) + "\n";
            }
            Files.createDirectories(to.resolve(name).getParent());
            Files.writeString(to.resolve(name), text);
        }
        return to;
    }

    /** Audits into {@code OUT/r}, the same run id every time. */
    private void audit(Path snapshot, String out) {
        StringWriter err = new StringWriter();
        int code = new Main(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), CLOCK)
                .run(
                        "audit",
                        "--snapshot",
                        snapshot.toString(),
                        "--out",
                        dir.resolve(out).toString(),
                        "--run-id",
                        "r",
                        "--no-history",
                        "--quiet");
        assertThat(code).as(err.toString()).isZero();
    }
}
