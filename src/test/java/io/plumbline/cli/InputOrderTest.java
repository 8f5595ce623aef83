package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.testing.DemoFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
    /** The run's CSVs and its plan: the artifacts that hold no run id, path or timestamp outside the plan's. */
    private static final List<String> ARTIFACTS = RunFolderWriter.ARTIFACTS.stream()
            .filter(a -> a.endsWith(".csv") || a.equals("fix_plan.json"))
            .toList();

    @TempDir
    Path dir;

    @Test
    void audit_demoRecordsInShuffledLineOrder_sameHashAndSameArtifacts() throws IOException {
        audit(DemoFolder.copy(dir.resolve("as-shipped")), "a");
        for (long seed = 1; seed <= 3; seed++) {
            Path shuffled = shuffledDemo(dir.resolve("shuffled-" + seed), new Random(seed));
            audit(shuffled, "b" + seed);
            assertThat(dir.resolve("b" + seed + "/r/fix_plan.json")).exists();
            for (String artifact : ARTIFACTS) {
                assertThat(dir.resolve("b" + seed + "/r/" + artifact))
                        .as("%s with seed %d", artifact, seed)
                        .hasSameTextualContentAs(dir.resolve("a/r/" + artifact));
            }
        }
    }

    @Test
    void audit_onAMachineWhoseLocaleWritesOtherDigitsOrCommas_sameHashAndSameArtifacts() throws IOException {
        Path demo = DemoFolder.copy(dir.resolve("demo"));
        audit(demo, "root");
        Locale before = Locale.getDefault();
        try {
            for (Locale l : List.of(Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("fa-IR"), Locale.GERMANY)) {
                Locale.setDefault(l);
                audit(demo, l.toLanguageTag());
                for (String artifact : ARTIFACTS) {
                    assertThat(dir.resolve(l.toLanguageTag() + "/r/" + artifact))
                            .as("%s under %s", artifact, l)
                            .hasSameTextualContentAs(dir.resolve("root/r/" + artifact));
                }
                assertThat(Files.readString(dir.resolve(l.toLanguageTag() + "/r/summary.md"))
                                .replace(l.toLanguageTag() + "/r", "root/r"))
                        .as("summary.md under %s", l)
                        .isEqualTo(Files.readString(dir.resolve("root/r/summary.md")));
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    /** The demo's files with their JSONL lines and CSV data rows shuffled. */
    private static Path shuffledDemo(Path to, Random random) throws IOException {
        return DemoFolder.copy(to, (name, text) -> {
            if (name.endsWith(".json")) {
                return text;
            }
            List<String> lines = new ArrayList<>(text.lines().toList());
            Collections.shuffle(lines.subList(name.endsWith(".csv") ? 1 : 0, lines.size()), random);
            return String.join("\n", lines) + "\n";
        });
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
