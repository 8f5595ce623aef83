package io.plumbline.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SOQL read over one object: validated field names, and a WHERE clause in which the only
 * user-authored part is the account filter, kept in {@link #filter()} so errors can point at it.
 * Fields repeated in any letter case are selected once.
 *
 * @param where the whole WHERE clause (empty for none)
 * @param filter the user's account filter as written (empty for none)
 */
record SoqlQuery(String object, List<String> fields, String where, String filter) {
    SoqlQuery {
        String problem = SoqlNames.fieldProblem(object);
        if (problem != null || object.contains(".")) {
            throw new IllegalArgumentException("not an sObject name: " + object);
        }
        fields = distinct(fields);
        where = where == null ? "" : where.strip();
        filter = filter == null ? "" : filter.strip();
    }

    /** {@code SELECT fields FROM object [WHERE ...]}. */
    String select() {
        return "SELECT " + String.join(", ", fields) + " FROM " + object + whereClause();
    }

    /** {@code SELECT COUNT() FROM object [WHERE ...]}: the row count of {@link #select()}. */
    String count() {
        return "SELECT COUNT() FROM " + object + whereClause();
    }

    private String whereClause() {
        return where.isEmpty() ? "" : " WHERE " + where;
    }

    private static List<String> distinct(List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a query needs at least one field");
        }
        Set<String> seen = new TreeSet<>();
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            String problem = SoqlNames.fieldProblem(f);
            if (problem != null) {
                throw new IllegalArgumentException("not a field name (" + problem + "): " + f);
            }
            if (seen.add(f.toLowerCase(Locale.ROOT))) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }
}
