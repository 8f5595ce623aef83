package io.plumbline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.plumbline.audit.Auditor;
import io.plumbline.model.Snapshot;
import io.plumbline.normalize.PersonalDomains;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotReader;
import java.time.Instant;
import java.util.List;
import java.util.Random;
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
    void hash_personalDomainsExtraInOtherSpellingsOrderOrRepeats_sameHashAndRecordedNormalized() {
        FixPlan a = demoPlanWithExtra(List.of("Shared.Example", "WWW.dup.example"));
        FixPlan b = demoPlanWithExtra(List.of("dup.example", "shared.example", "dup.example"));
        assertThat(a.source()).containsEntry("personal_domains_extra", List.of("dup.example", "shared.example"));
        assertThat(a.planHash()).isEqualTo(b.planHash());
    }

    private static FixPlan demoPlanWithExtra(List<String> extra) {
        Snapshot demo = SnapshotReader.read(ClasspathSource.DEMO, null);
        var settings =
                new ResolutionSettings(PersonalDomains.withExtra(extra), ResolutionSettings.DEFAULT_LOOKBACK_DAYS);
        return new Auditor(settings, extra)
                .audit(demo, true, "r", Instant.EPOCH)
                .plan();
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
    void hash_composedPartByPart_equalsHashOfWholeCanonicalText() {
        Random random = new Random(8785);
        for (int i = 0; i < 500; i++) {
            ObjectNode plan = MAPPER.createObjectNode();
            for (int m = random.nextInt(6); m >= 0; m--) {
                plan.set(key(random), value(random, 3));
            }
            ArrayNode actions = plan.putArray(key(random));
            for (int a = random.nextInt(40); a > 0; a--) {
                actions.add(value(random, 3));
            }
            plan.put("plan_hash", "x").put("run_id", "r").put("generated_at", "t");
            ObjectNode rest = plan.deepCopy();
            rest.remove(PlanHash.EXCLUDED);
            assertThat(PlanHash.of(plan)).as("plan %s", plan).isEqualTo(PlanHash.sha256Hex(PlanHash.canonical(rest)));
        }
        assertThat(PlanHash.of(MAPPER.createObjectNode())).isEqualTo(PlanHash.sha256Hex("{}"));
    }

    /** Names whose UTF-16 order differs from their code point order, escapes, and plain ones. */
    private static String key(Random random) {
        String[] parts = {"a", "b", "actions", "\uD83D\uDE00", "\uFFFD", "\u00E9", "\"", "\n", "\u0001", ""};
        return parts[random.nextInt(parts.length)] + parts[random.nextInt(parts.length)];
    }

    private static JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 5)) {
            case 0 -> NullNode.getInstance();
            case 1 -> BooleanNode.valueOf(random.nextBoolean());
            case 2 -> LongNode.valueOf(random.nextLong() >> random.nextInt(64));
            case 3 -> DoubleNode.valueOf(random.nextBoolean() ? random.nextDouble() * 1e30 : random.nextInt(9) / 4.0);
            case 4 -> TextNode.valueOf(key(random) + random.nextInt(100));
            case 5, 6 -> {
                ObjectNode o = MAPPER.createObjectNode();
                for (int m = random.nextInt(5); m > 0; m--) {
                    o.set(key(random), value(random, depth - 1));
                }
                yield o;
            }
            default -> {
                ArrayNode a = MAPPER.createArrayNode();
                for (int m = random.nextInt(5); m > 0; m--) {
                    a.add(value(random, depth - 1));
                }
                yield a;
            }
        };
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
