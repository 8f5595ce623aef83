package io.plumbline.salesforce.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the emulator's SOQL subset: SELECT fields or COUNT(), FROM one object, WHERE with AND, OR,
 * NOT, parentheses, comparisons ({@code = != <> < > <= >=}) against string, number, boolean and null
 * literals, LIKE, and IN / NOT IN over a literal list or an {@code (SELECT Id FROM ...)} semi-join;
 * an optional LIMIT. Errors read like Salesforce's: MALFORMED_QUERY with the row and column (also for
 * a semi-join inside another one, which Salesforce refuses), INVALID_FIELD "No such column",
 * INVALID_TYPE for an object the org does not have.
 */
final class SoqlParser {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:('(?:\\\\.|[^'\\\\])*')|(\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)|(!=|<>|<=|>=|[=<>(),]))");
    private static final Set<String> KEYWORDS = Set.of(
            "select", "from", "where", "and", "or", "not", "in", "like", "limit", "null", "true", "false", "count",
            "order", "by", "group");

    private record Token(String text, int column, boolean string) {
        boolean is(String keyword) {
            return !string && text.equalsIgnoreCase(keyword);
        }
    }

    private final String soql;
    private final OrgData data;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean inSemiJoin;

    private SoqlParser(String soql, OrgData data) {
        this.soql = soql;
        this.data = data;
        Matcher m = TOKEN.matcher(soql);
        int at = 0;
        while (at < soql.length() && !soql.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                throw malformed(
                        at + 1 + leadingSpace(at), "unexpected token: '" + soql.charAt(at + leadingSpace(at)) + "'");
            }
            int start = m.start(1) >= 0
                    ? m.start(1)
                    : m.start(2) >= 0 ? m.start(2) : m.start(3) >= 0 ? m.start(3) : m.start(4);
            tokens.add(new Token(soql.substring(start, m.end()), start + 1, m.group(1) != null));
            at = m.end();
        }
    }

    static SoqlStatement parse(String soql, OrgData data) {
        return new SoqlParser(soql, data).query(false);
    }

    private SoqlStatement query(boolean nested) {
        expect("select");
        List<Token> fields = new ArrayList<>();
        boolean count = false;
        if (peek().is("count")) {
            next();
            expect("(");
            expect(")");
            count = true;
        } else {
            do {
                fields.add(identifier());
            } while (accept(","));
        }
        expect("from");
        Token objectToken = identifier();
        if (!data.hasObject(objectToken.text())) {
            throw new EmulatorError(
                    400,
                    "INVALID_TYPE",
                    "\n" + soql + "\nERROR at Row:1:Column:" + objectToken.column() + "\nsObject type '"
                            + objectToken.text() + "' is not supported.");
        }
        String object = data.objectName(objectToken.text());
        List<String> names = new ArrayList<>();
        for (Token f : fields) {
            names.add(checkField(object, f));
        }
        Predicate<Map<String, String>> where = r -> true;
        if (accept("where")) {
            where = or(object);
        }
        int limit = Integer.MAX_VALUE;
        if (accept("limit")) {
            limit = Integer.parseInt(next().text());
        }
        if (pos < tokens.size() && !(nested && peek().is(")"))) {
            throw malformed(peek().column(), "unexpected token: '" + peek().text() + "'");
        }
        return new SoqlStatement(object, List.copyOf(names), count, where, limit);
    }

    private Predicate<Map<String, String>> or(String object) {
        Predicate<Map<String, String>> p = and(object);
        while (accept("or")) {
            p = p.or(and(object));
        }
        return p;
    }

    private Predicate<Map<String, String>> and(String object) {
        Predicate<Map<String, String>> p = not(object);
        while (accept("and")) {
            p = p.and(not(object));
        }
        return p;
    }

    private Predicate<Map<String, String>> not(String object) {
        if (accept("not")) {
            return not(object).negate();
        }
        if (accept("(")) {
            Predicate<Map<String, String>> p = or(object);
            expect(")");
            return p;
        }
        return comparison(object);
    }

    private Predicate<Map<String, String>> comparison(String object) {
        String field = checkField(object, identifier());
        boolean negate = accept("not");
        if (accept("in")) {
            Set<String> values = inValues();
            Predicate<Map<String, String>> in = r -> {
                String v = data.value(object, r, field);
                return v != null && values.contains(v.toLowerCase(Locale.ROOT));
            };
            return negate ? in.negate() : in;
        }
        if (accept("like")) {
            Pattern like = Pattern.compile(
                    Pattern.quote(literal()).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q"),
                    Pattern.CASE_INSENSITIVE);
            return r -> data.value(object, r, field) != null
                    && like.matcher(data.value(object, r, field)).matches();
        }
        Token op = next();
        String value = literal();
        return r -> compare(data.value(object, r, field), op, value);
    }

    private Set<String> inValues() {
        expect("(");
        Set<String> values = new HashSet<>();
        if (peek().is("select")) {
            if (inSemiJoin) {
                throw new EmulatorError(
                        400,
                        "MALFORMED_QUERY",
                        "\n" + soql + "\nERROR at Row:1:Column:" + peek().column()
                                + "\nSemi join sub-selects are only allowed at the top level WHERE expressions and"
                                + " not in nested WHERE expressions.");
            }
            inSemiJoin = true;
            SoqlStatement sub = query(true);
            inSemiJoin = false;
            String field = sub.fields().get(0);
            sub.run(data)
                    .forEach(r -> values.add(Objects.toString(data.value(sub.object(), r, field), "")
                            .toLowerCase(Locale.ROOT)));
        } else {
            do {
                values.add(literal().toLowerCase(Locale.ROOT));
            } while (accept(","));
        }
        expect(")");
        return values;
    }

    private static boolean compare(String actual, Token op, String literal) {
        if (literal == null) {
            boolean isNull = actual == null;
            return op.text().equals("=") ? isNull : !isNull;
        }
        if (actual == null) {
            return op.text().equals("!=") || op.text().equals("<>");
        }
        int c = actual.compareToIgnoreCase(literal);
        return switch (op.text()) {
            case "=" -> c == 0;
            case "!=", "<>" -> c != 0;
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalStateException(op.text());
        };
    }

    private String literal() {
        Token t = next();
        if (t.string()) {
            return t.text().substring(1, t.text().length() - 1).replaceAll("\\\\(.)", "$1");
        }
        if (t.is("null")) {
            return null;
        }
        if (t.is("true") || t.is("false") || t.text().matches("\\d+(\\.\\d+)?")) {
            return t.text().toLowerCase(Locale.ROOT);
        }
        throw malformed(t.column(), "unexpected token: '" + t.text() + "'");
    }

    private String checkField(String object, Token field) {
        if (data.typeOf(object, field.text()) == null) {
            throw new EmulatorError(
                    400,
                    "INVALID_FIELD",
                    "\n" + soql + "\nERROR at Row:1:Column:" + field.column()
                            + "\nNo such column '" + field.text() + "' on entity '" + object
                            + "'. If you are attempting to"
                            + " use a custom field, be sure to append the '__c' after the custom field name.");
        }
        return field.text();
    }

    private Token identifier() {
        Token t = next();
        if (t.string()
                || !Character.isLetter(t.text().charAt(0))
                || KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
            throw malformed(t.column(), "unexpected token: '" + t.text() + "'");
        }
        return t;
    }

    private void expect(String text) {
        Token t = next();
        if (!t.is(text)) {
            throw malformed(t.column(), "unexpected token: '" + t.text() + "'");
        }
    }

    private boolean accept(String text) {
        if (pos < tokens.size() && tokens.get(pos).is(text)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : new Token("<EOF>", soql.length() + 1, false);
    }

    private Token next() {
        Token t = peek();
        pos++;
        return t;
    }

    private int leadingSpace(int at) {
        int n = 0;
        while (at + n < soql.length() && Character.isWhitespace(soql.charAt(at + n))) {
            n++;
        }
        return n;
    }

    private EmulatorError malformed(int column, String message) {
        return new EmulatorError(
                400,
                "MALFORMED_QUERY",
                "\n" + soql + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\n" + "ERROR at Row:1:Column:" + column
                        + "\n" + message);
    }
}
