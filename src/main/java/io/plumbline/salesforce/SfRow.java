package io.plumbline.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of a query result as text by field path: a REST record's nested relationship objects
 * become dotted paths ({@code Contact.Email}), as the query wrote them.
 * Field names match case-insensitively (Salesforce answers with its own casing); a null or absent
 * field reads as the empty string, booleans as {@code true}/{@code false}, integral numbers without
 * a decimal point.
 */
record SfRow(Map<String, String> values) {
    SfRow {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    String get(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }

    /** Flattens one REST query record, skipping the {@code attributes} metadata. */
    static SfRow fromJson(JsonNode record) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        flatten("", record, out);
        return new SfRow(out);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            String key = prefix + e.getKey();
            if (e.getKey().equals("attributes") || v.isNull() || v.isMissingNode()) {
                continue;
            }
            if (v.isObject()) {
                flatten(key + ".", v, out);
            } else if (v.isNumber()) {
                out.put(key, plain(v.decimalValue()));
            } else if (v.isValueNode()) {
                out.put(key, v.asText());
            }
        }
    }

    private static String plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toPlainString() : d.toPlainString();
    }
}
