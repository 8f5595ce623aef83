package io.plumbline.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;

/** Pretty JSON as Plumbline writes it everywhere: two-space indent, {@code \n}, trailing newline. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final ObjectWriter PRETTY_TO_STREAM = PRETTY.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {}

    /** Writes {@code node} to {@code out} (which stays open) as {@link #pretty(JsonNode)} renders it. */
    public static void pretty(JsonNode node, Writer out) throws IOException {
        PRETTY_TO_STREAM.writeValue(out, node);
        out.write('\n');
    }

    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
