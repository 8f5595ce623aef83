package io.plumbline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.audit.Auditor;
import io.plumbline.model.Snapshot;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan hash: deterministic across runs, blind to run id and time, sensitive to any content change. */
class PlanHashTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static FixPlan demoPlan(String runId, Instant at) {
        Snapshot demo = SnapshotReader.read(ClasspathSource.DEMO, null);
        return new Auditor(ResolutionSettings.defaults(), List.of())
                .audit(demo, true, runId, at)
                .plan();
    }

    @Test
    void hash_sameInputsDifferentRunIdAndTime_sameHash() {
        FixPlan a = demoPlan("run-a", Instant.parse("2026-01-01T00:00:00Z"));
        FixPlan b = demoPlan("run-b", Instant.parse("2026-06-01T12:34:56Z"));
        assertThat(a.planHash()).hasSize(64).isEqualTo(b.planHash());
    }

    @Test
    void hash_matchesRecomputationFromWrittenJson() {
        ObjectNode json = PlanJson.toJson(demoPlan("r", Instant.EPOCH));
        assertThat(PlanHash.of(json)).isEqualTo(json.get("plan_hash").asText());
    }

    @Test
    void toJson_planWithoutHash_computesIt_planWithHash_writesItsOwn() {
        FixPlan plan = demoPlan("r", Instant.EPOCH);
        FixPlan unhashed = plan.withPlanHash("");
        assertThat(PlanJson.toJson(unhashed).get("plan_hash").asText()).isEqualTo(plan.planHash());
        assertThat(PlanJson.withHash(unhashed).planHash()).isEqualTo(plan.planHash());
        assertThat(PlanJson.toJson(plan).get("plan_hash").asText()).isEqualTo(plan.planHash());
    }

    @Test
    void hash_editingOneActionValue_changesHash() {
        ObjectNode json = PlanJson.toJson(demoPlan("r", Instant.EPOCH));
        String before = PlanHash.of(json);
        ((ObjectNode) json.withArray("actions").get(0)).put("value", "001EVIL");
        assertThat(PlanHash.of(json)).isNotEqualTo(before);
    }

    @Test
    void hash_flippingDemoFlag_changesHash() {
        ObjectNode json = PlanJson.toJson(demoPlan("r", Instant.EPOCH));
        String before = PlanHash.of(json);
        json.put("demo", false);
        assertThat(PlanHash.of(json)).isNotEqualTo(before);
    }

    @Test
    void hash_memberOrderAndWhitespace_doNotMatter() throws Exception {
        String a = "{\"b\":1,\"a\":[true,null,\"x\"],\"plan_hash\":\"ignored\"}";
        String b = "{ \"a\" : [ true , null , \"x\" ] , \"b\" : 1.0 }";
        assertThat(PlanHash.of(MAPPER.readTree(a))).isEqualTo(PlanHash.of(MAPPER.readTree(b)));
    }

    @Test
    void canonical_followsRfc8785() throws Exception {
        String in = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(PlanHash.canonical(MAPPER.readTree(in))).isEqualTo(expected);
    }

    @Test
    void json_roundTrip_preservesEveryAction() {
        FixPlan plan = demoPlan("r", Instant.parse("2026-04-17T22:15:30Z"));
        FixPlan back = PlanJson.fromJson(PlanJson.toJson(plan));
        assertThat(back.actions()).isEqualTo(plan.actions());
        assertThat(back.planHash()).isEqualTo(plan.planHash());
        assertThat(PlanHash.of(PlanJson.toJson(back))).isEqualTo(plan.planHash());
    }
}
