package io.plumbline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The plan hash: SHA-256 (lowercase hex) of the RFC 8785 canonical JSON of a plan without its
 * {@code plan_hash}, {@code generated_at} and {@code run_id} members. Same content, same hash on every
 * machine; any other change, a different hash.
 */
public final class PlanHash {
    /** Members left out of the hash: the hash itself and what differs between runs of the same plan. */
    public static final Set<String> EXCLUDED = Set.of("plan_hash", "generated_at", "run_id");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanHash() {}

    /**
     * The hash of a plan given as a JSON object (as written, or as read back from a file). The
     * canonical text is put together from the canonical forms of the plan's members, and of a long
     * array's elements (on every core), as RFC 8785 composes them: members sorted by their names' UTF-16
     * code units, no whitespace. It is the text {@link #canonical} gives for the whole plan, digested
     * part by part rather than as one string (the elements' texts are held until they are digested).
     */
    public static String of(JsonNode plan) {
        if (!(plan instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a plan must be a JSON object");
        }
        MessageDigest sha256 = sha256();
        Map<String, JsonNode> members = new TreeMap<>();
        object.fields().forEachRemaining(m -> members.put(m.getKey(), m.getValue()));
        members.keySet().removeAll(EXCLUDED);
        String separator = "{";
        for (Map.Entry<String, JsonNode> m : members.entrySet()) {
            digest(sha256, separator + canonicalValue(TextNode.valueOf(m.getKey())) + ":");
            if (m.getValue() instanceof ArrayNode array && array.size() > 1) {
                List<String> elements = IntStream.range(0, array.size())
                        .parallel()
                        .mapToObj(i -> canonicalValue(array.get(i)))
                        .toList();
                digest(sha256, "[");
                for (int i = 0; i < elements.size(); i++) {
                    digest(sha256, i == 0 ? elements.get(i) : "," + elements.get(i));
                }
                digest(sha256, "]");
            } else {
                digest(sha256, canonicalValue(m.getValue()));
            }
            separator = ",";
        }
        digest(sha256, members.isEmpty() ? "{}" : "}");
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The RFC 8785 canonical form of a JSON value. */
    public static String canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalize JSON: " + e.getMessage(), e);
        }
    }

    /** As {@link #canonical}, for a scalar too (the canonicalizer takes only an object or array). */
    private static String canonicalValue(JsonNode node) {
        if (node.isContainerNode()) {
            return canonical(node);
        }
        String wrapped = canonical(MAPPER.createArrayNode().add(node));
        return wrapped.substring(1, wrapped.length() - 1);
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void digest(MessageDigest sha256, String part) {
        sha256.update(part.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
