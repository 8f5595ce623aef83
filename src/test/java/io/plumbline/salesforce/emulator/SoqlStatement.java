package io.plumbline.salesforce.emulator;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A parsed query of the emulator's SOQL subset: {@code SELECT fields|COUNT() FROM object [WHERE
 * condition] [LIMIT n]}, with the condition compiled to a predicate over the object's rows.
 */
record SoqlStatement(
        String object, List<String> fields, boolean count, Predicate<Map<String, String>> where, int limit) {
    /** The matching rows, in insertion order, up to the limit. */
    List<Map<String, String>> run(OrgData data) {
        return data.rows(object).stream().filter(where).limit(limit).toList();
    }
}
