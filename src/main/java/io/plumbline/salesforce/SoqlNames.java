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
        return SUBQUERY.matcher(outsideLiterals(filter)).find();
    }

    /** Why {@code filter} cannot be used as a WHERE clause, or null when it can. */
    static String filterProblem(String filter) {
        if (filter.isBlank()) {
            return "it is blank; remove the key to read every account";
        }
        String code = outsideLiterals(filter);
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return "a ')' at position " + (i + 1) + " closes a parenthesis that was never opened";
            } else if (c == ';' || Character.isISOControl(c) && !Character.isWhitespace(c)) {
                return "it contains '" + (c == ';' ? ";" : "a control character") + "' outside a string literal";
            }
        }
        if (code.chars().filter(c -> c == '\'').count() % 2 != 0) { // the quotes left are the delimiters
            return "a string literal is not closed; SOQL strings use single quotes, like Type = 'Customer'";
        }
        return depth == 0 ? null : "it opens " + depth + " parenthesis(es) it does not close";
    }

    /**
     * {@code filter} with what its string literals hold (escapes included) turned to spaces, each character
     * keeping its position, so that what is code can be read without a literal's text passing for code.
     * The quotes that open and close the literals are kept.
     */
    private static String outsideLiterals(String filter) {
        StringBuilder code = new StringBuilder(filter.length());
        boolean quoted = false;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (quoted && c == '\\' && i + 1 < filter.length()) {
                code.append("  ");
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
                code.append(c);
            } else {
                code.append(quoted ? ' ' : c);
            }
        }
        return code.toString();
    }
}
