package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each case under {@code src/test/resources/golden/<case>/} has an input (a snapshot
 * folder {@code input/}, or a file {@code demo} meaning the bundled fixtures) and the exact expected
 * run folder {@code expected/}. Run with {@code -Dgolden.update=true} to rewrite expectations, then
 * review the diff. A run records its snapshot folder as an absolute path, which differs from checkout
 * to checkout: the expectations write the golden folder's absolute path as {@code ${golden}}.
 */
class GoldenArtifactsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final String GOLDEN_ABSOLUTE =
            GOLDEN.toAbsolutePath().normalize().toString();

    /** The artifact's text with this checkout's absolute path of the golden folder as {@code ${golden}}. */
    private static String portable(Path file) throws IOException {
        return Files.readString(file).replace(GOLDEN_ABSOLUTE, "${golden}");
    }

    static List<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    private static Path runCase(String name, String runId) throws IOException {
        Path caseDir = GOLDEN.resolve(name);
        Path out = Path.of("target/golden-out", name);
        RunFolderWriter.deleteQuietly(out.resolve(runId));
        List<String> args = new ArrayList<>(
                List.of("audit", "--out", out.toString(), "--run-id", runId, "--quiet", "--no-history"));
        if (Files.exists(caseDir.resolve("demo"))) {
            args.add("--demo");
        } else {
            args.addAll(List.of("--snapshot", caseDir.resolve("input").toString()));
        }
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out.resolve(runId);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void audit_matchesGoldenArtifacts(String name) throws IOException {
        Path actual = runCase(name, "golden");
        Path expected = GOLDEN.resolve(name).resolve("expected");
        if (UPDATE) {
            RunFolderWriter.deleteQuietly(expected);
            Files.createDirectories(expected);
            for (String file : RunFolderWriter.ARTIFACTS) {
                Files.writeString(expected.resolve(file), portable(actual.resolve(file)));
            }
        }
        assertThat(expected)
                .as("case %s has no expected/ folder: run with -Dgolden.update=true and review", name)
                .isDirectory();
        for (String file : RunFolderWriter.ARTIFACTS) {
            assertThat(portable(actual.resolve(file)))
                    .as(name + "/" + file)
                    .isEqualTo(Files.readString(expected.resolve(file)));
        }
        try (Stream<Path> files = Files.list(actual)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(RunFolderWriter.ARTIFACTS);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void audit_twiceWithDifferentRunIds_identicalApartFromRunId(String name) throws IOException {
        Path first = runCase(name, "repeat-a");
        Path second = runCase(name, "repeat-b");
        for (String file : RunFolderWriter.ARTIFACTS) {
            assertThat(Files.readString(second.resolve(file)).replace("repeat-b", "repeat-a"))
                    .as(file)
                    .isEqualTo(Files.readString(first.resolve(file)));
        }
    }

    @Test
    void golden_everyCaseHasAnInput() throws IOException {
        for (String name : cases()) {
            Path dir = GOLDEN.resolve(name);
            assertThat(Files.exists(dir.resolve("demo")) || Files.isDirectory(dir.resolve("input")))
                    .as(name)
                    .isTrue();
        }
    }
}
