package io.plumbline.salesforce;

import java.util.regex.Pattern;

/**
 * The guards that keep configuration from changing a query's shape: field names must be plain SOQL
 * identifiers (optionally a relationship path such as {@code Parent.Domain__c}), and the account
 * filter must be a self-contained expression (terminated string literals, balanced parentheses, no
 * statement separators) so that, wrapped in parentheses, it can only narrow the WHERE clause.
 */
final class SoqlNames {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final Pattern SUBQUERY = Pattern.compile("\\(\\s*SELECT\\b", Pattern.CASE_INSENSITIVE);
    private static final int MAX_FIELD = 255;

    private SoqlNames() {}

    /** Why {@code name} is not a usable field name, or null when it is. */
    static String fieldProblem(String name) {
        if (name == null || name.isBlank()) {
            return "it is blank";
        }
        if (name.length() > MAX_FIELD) {
            return "it is longer than " + MAX_FIELD + " characters";
        }
        if (!FIELD.matcher(name).matches()) {
            return "a field API name has only letters, digits and underscores, like Domain__c";
        }
        return null;
    }

    /**
     * True when {@code filter} holds a subquery, a semi-join such as {@code Id IN (SELECT AccountId FROM
     * Opportunity)}, outside its string literals.
     */
    static boolean hasSubquery(String filter) {
        StringBuilder code = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
                code.append("''"); // a literal stands between what is before and after it, whatever it holds
            } else {
                code.append(c);
            }
        }
        return SUBQUERY.matcher(code).find();
    }

    /** Why {@code filter} cannot be used as a WHERE clause, or null when it can. */
    static String filterProblem(String filter) {
        if (filter.isBlank()) {
            return "it is blank; remove the key to read every account";
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return "a ')' at position " + (i + 1) + " closes a parenthesis that was never opened";
            } else if (c == ';' || Character.isISOControl(c) && !Character.isWhitespace(c)) {
                return "it contains '" + (c == ';' ? ";" : "a control character") + "' outside a string literal";
            }
        }
        if (quoted) {
            return "a string literal is not closed; SOQL strings use single quotes, like Type = 'Customer'";
        }
        return depth == 0 ? null : "it opens " + depth + " parenthesis(es) it does not close";
    }
}
