package io.plumbline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
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

    /** The hash of a plan given as a JSON object (as written, or as read back from a file). */
    public static String of(JsonNode plan) {
        if (!(plan instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a plan must be a JSON object");
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(EXCLUDED);
        return sha256Hex(canonical(copy));
    }

    /** The RFC 8785 canonical form of a JSON value. */
    public static String canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalize JSON: " + e.getMessage(), e);
        }
    }

    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
