package io.plumbline.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key the loader takes is in the README's reference, and the template's commented keys load. */
class ConfigReferenceTest {
    private static final Pattern COMMENTED_KEY = Pattern.compile("^(\\s*)# (\\s*)([a-z_]+):(.*)$");

    @TempDir
    Path dir;

    @Test
    void readme_namesEveryKeyTheLoaderTakes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> keys = keys(PlumblineConfig.class, "");

        assertThat(keys).hasSizeGreaterThan(30);
        assertThat(keys)
                .allSatisfy(k -> assertThat(readme).as("README names `%s`", k).contains("| `" + k + "` |"));
    }

    @Test
    void template_withEveryCommentedKeyUncommented_loads() throws IOException {
        // the name of every key and section (jwt, fields, store) a commented line may start with
        List<String> names = keys(PlumblineConfig.class, "").stream()
                .flatMap(k -> Arrays.stream(k.split("\\.")))
                .distinct()
                .toList();
        String template;
        try (InputStream in = getClass().getResourceAsStream("/io/plumbline/cli/plumbline.yaml.template")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = new ArrayList<>();
        int uncommented = 0;
        for (String line : template.replace("{{accounts_csv}}", "a.csv")
                .replace("{{contacts_csv}}", "null")
                .replace("{{subdomain}}", "acme")
                .lines()
                .toList()) {
            Matcher m = COMMENTED_KEY.matcher(line);
            boolean key = m.matches() && names.contains(m.group(3));
            lines.add(key ? m.group(1) + m.group(2) + m.group(3) + ":" + m.group(4) : line);
            uncommented += key ? 1 : 0;
        }
        Path file = dir.resolve("plumbline.yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");

        PlumblineConfig config = ConfigLoader.load(file);

        assertThat(uncommented).isGreaterThan(15);
        assertThat(config.salesforce().jwt()).isNotNull();
        assertThat(config.store().path()).isNotNull();
        assertThat(config.zendesk().auth().oauthScopes()).isEqualTo("read write");
    }

    /** The dotted keys of a config record, its nested config records' keys in place of theirs. */
    private static List<String> keys(Class<?> record, String prefix) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
            if (p == null) {
                p = fieldAnnotation(record, c.getName());
            }
            if (p == null) {
                continue; // not read from the file (the config's folder)
            }
            String key = prefix + p.value();
            if (c.getType().isRecord() && c.getType().getPackage().equals(record.getPackage())) {
                out.addAll(keys(c.getType(), key + "."));
            } else {
                out.add(key);
            }
        }
        return out;
    }

    private static JsonProperty fieldAnnotation(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
