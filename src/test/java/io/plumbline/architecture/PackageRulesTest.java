package io.plumbline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure is the architecture: dependencies point inward, and the pure core (model,
 * normalization, resolution, detection, planning) never touches files, network, clocks or the
 * environment. Checked on the sources so the shape cannot rot quietly.
 */
class PackageRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/plumbline");
    private static final Pattern IMPORT =
            Pattern.compile("^import (static )?io\\.plumbline\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Set<String> CORE = Set.of("model", "normalize", "resolve", "detect", "plan", "audit");

    /** For each package, the Plumbline packages it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("errors", Set.of("model")),
            Map.entry("parallel", Set.of()),
            Map.entry("files", Set.of()),
            Map.entry("http", Set.of()),
            Map.entry("normalize", Set.of("model")),
            Map.entry("resolve", Set.of("model", "normalize")),
            Map.entry("detect", Set.of("model", "normalize", "resolve")),
            Map.entry("plan", Set.of("model", "detect")),
            Map.entry("audit", Set.of("model", "normalize", "resolve", "detect", "plan")),
            Map.entry("artifacts", Set.of("model", "resolve", "detect", "plan", "audit", "errors", "parallel")),
            Map.entry("config", Set.of("model", "resolve", "errors")),
            Map.entry("snapshot", Set.of("model", "errors", "salesforce", "zendesk", "files")),
            Map.entry(
                    "zendesk",
                    Set.of("model", "normalize", "config", "errors", "snapshot", "parallel", "files", "http")),
            Map.entry("salesforce", Set.of("model", "normalize", "config", "errors", "snapshot", "files", "http")),
            Map.entry("store", Set.of("model", "detect", "plan", "audit", "config", "errors", "snapshot", "files")),
            Map.entry(
                    "apply", Set.of("model", "normalize", "plan", "zendesk", "config", "errors", "artifacts", "files")),
            Map.entry("cli", Set.of("*")));

    private static final List<String> IMPURE = List.of(
            "java.nio.file",
            "java.io.File",
            "java.net.http",
            "java.net.Socket",
            "java.net.URL",
            "java.time.Clock",
            "System.getenv",
            "System.currentTimeMillis",
            "Instant.now(",
            "LocalDateTime.now(",
            "new Random(");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file).getName(0).toString();
    }

    @Test
    void imports_pointOnlyInward() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            Set<String> allowed = ALLOWED.get(pkg);
            assertThat(allowed)
                    .as("package %s has no rule in this test; add one", pkg)
                    .isNotNull();
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(2);
                if (!target.equals(pkg) && !allowed.contains("*") && !allowed.contains(target)) {
                    violations.add(file + " imports io.plumbline." + target);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void core_neverTouchesFilesNetworkClockOrEnvironment() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (!CORE.contains(packageOf(file))) {
                continue;
            }
            String text = Files.readString(file);
            for (String impure : IMPURE) {
                if (text.contains(impure)) {
                    violations.add(file + " uses " + impure);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Text that reaches ids, artifacts or the plan hash is formatted the same on every machine: a default
     * locale of Arabic or Persian digits, or of decimal commas, must not change {@code A001} or {@code 1.5},
     * in a file or on the terminal.
     */
    @Test
    void formattingNamesItsLocale() throws IOException {
        Pattern unnamed = Pattern.compile(
                "(?<!\\{@code )(String\\.format|\\.printf|new Formatter)\\((?!\\s*Locale\\.ROOT)|\\.formatted\\(");
        Pattern lowerOrUpper = Pattern.compile("\\.to(Lower|Upper)Case\\(\\)");
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            if (unnamed.matcher(text).find() || lowerOrUpper.matcher(text).find()) {
                violations.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyMainCallsSystemExit() throws IOException {
        for (Path file : sources()) {
            if (Files.readString(file).contains("System.exit(")) {
                assertThat(file.getFileName().toString()).isEqualTo("Main.java");
            }
        }
    }
}
