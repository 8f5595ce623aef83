package io.plumbline.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.plumbline.model.Texts;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words, and where, what a JSON or YAML reader refused: the one place where the
 * parser's own messages (which name its classes, tokens and settings) become Plumbline's. A syntax
 * error reads {@code malformed JSON: unexpected character 'x' where a key in double quotes should
 * start} or {@code not valid YAML: ...}; a value of the wrong type reads {@code
 * audit.ticket_lookback_days must be a whole number of days, not "thirty"}. Text from the input is
 * quoted only where it cannot be a secret, and then short.
 */
public final class JsonErrors {
    private static final Pattern LIMIT = Pattern.compile(
            "(String value length|Number value length|Name length|Document nesting depth) \\(\\d+\\) exceeds the maximum allowed "
                    + "\\((\\d{1,18})");
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile(
            "Unexpected character \\((?:'(.)' \\(code [^)]*\\)|\\(CTRL-CHAR, code (\\d+)\\))\\)( in numeric value)?: (.*)",
            Pattern.DOTALL);
    private static final Pattern CONTROL_CHARACTER =
            Pattern.compile("Illegal (?:unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): (.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED_TOKEN =
            Pattern.compile("(?:Unrecognized|Non-standard) token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected close marker '(.)': (?:expected '(.)' \\(for (Object|Array)|no open).*", Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.)'.*", Pattern.DOTALL);

    private JsonErrors() {}

    /** An input error (exit 3) for a JSON file that does not parse: {@code file:line:col: error: malformed JSON: ...}. */
    public static InputException malformed(String file, JacksonException e) {
        return new InputException(file, line(e), column(e), describe(e), e);
    }

    /** What is wrong, in plain words, without the position (see {@link #line} and {@link #column}). */
    public static String describe(JacksonException thrown) {
        JacksonException e = reader(thrown);
        if (YamlSyntax.is(e)) {
            return "not valid YAML: " + YamlSyntax.describe(e);
        }
        if (e instanceof JsonMappingException m && !trailing(e)) {
            return WrongValue.describe(m);
        }
        return "malformed JSON: " + syntax(String.valueOf(e.getOriginalMessage()));
    }

    /** The 1-based line the reader stopped on, or 0 when it is unknown. */
    public static long line(JacksonException thrown) {
        JacksonException e = reader(thrown);
        if (YamlSyntax.is(e)) {
            return YamlSyntax.line(e);
        }
        JsonLocation at = e.getLocation();
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    /** The 1-based column the reader stopped on, or 0 when it is unknown. */
    public static int column(JacksonException thrown) {
        JacksonException e = reader(thrown);
        if (YamlSyntax.is(e)) {
            return YamlSyntax.column(e);
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() <= 0 ? 0 : Math.max(0, at.getColumnNr());
    }

    /** The reader's own error when binding failed because the text did not parse; else {@code e}. */
    private static JacksonException reader(JacksonException e) {
        return e instanceof JsonMappingException && e.getCause() instanceof JsonParseException cause ? cause : e;
    }

    private static boolean trailing(JacksonException e) {
        return e instanceof MismatchedInputException
                && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token");
    }

    /** The parser's report of bad JSON text, in words; anything not recognized stays generic. */
    static String syntax(String message) {
        Matcher m = UNEXPECTED_CHARACTER.matcher(message);
        if (m.matches()) {
            String what = m.group(1) != null ? "character " + quote(shorten(m.group(1))) : controlCharacter(m.group(2));
            return "unexpected " + what + (m.group(3) != null ? " in a number" : expected(m.group(4)));
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return endOfInput(message);
        }
        if ((m = UNRECOGNIZED_TOKEN.matcher(message)).matches()) {
            return "unexpected word " + quote(shorten(m.group(1))) + " where a value should be "
                    + "(text in double quotes, a number, true, false, null, an object or an array)";
        }
        if ((m = CLOSE_MARKER.matcher(message)).matches()) {
            return m.group(2) == null
                    ? "unexpected " + quote(m.group(1)) + " with nothing open to close"
                    : "unexpected " + quote(m.group(1)) + " where " + quote(m.group(2)) + " should close the "
                            + ("Object".equals(m.group(3)) ? "object" : "array");
        }
        if ((m = CONTROL_CHARACTER.matcher(message)).matches()) {
            return controlCharacter(m.group(1))
                    + (m.group(2).contains("string value")
                            ? " inside text in double quotes; write it as an escape such as \\n or \\t"
                            : " between values");
        }
        if ((m = ESCAPE.matcher(message)).matches()) {
            return "unknown escape \\" + m.group(1) + " inside text in double quotes";
        }
        return otherSyntax(message);
    }

    private static String otherSyntax(String message) {
        Matcher twice = DUPLICATE_KEY.matcher(message);
        if (twice.lookingAt()) {
            return "the key '" + twice.group(1) + "' is given twice in one object";
        }
        if (message.startsWith("Trailing token")) {
            return "more text follows the end of the JSON value";
        }
        if (message.contains("Leading zeroes")) {
            return "a number with a leading zero";
        }
        if (message.startsWith("Invalid numeric value") || message.startsWith("Numeric value")) {
            return "a number that JSON cannot hold";
        }
        if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-")) {
            return "bytes that are not UTF-8 text";
        }
        // the reader's limits (StreamReadConstraints): far beyond any record Zendesk or Salesforce returns
        Matcher limit = LIMIT.matcher(message);
        if (limit.lookingAt()) {
            String most = String.format(Locale.ROOT, "%,d", Long.parseLong(limit.group(2)));
            return switch (limit.group(1)) {
                case "String value length" -> "a text value longer than " + most + " characters, the most read";
                case "Number value length" -> "a number longer than " + most + " characters, the most read";
                case "Name length" -> "a key longer than " + most + " characters, the most read";
                default -> "objects or arrays nested deeper than " + most + " levels, the most read";
            };
        }
        return "the text is not JSON here";
    }

    private static String expected(String comment) {
        if (comment.contains("start field name")) {
            return " where a key in double quotes should start";
        }
        if (comment.contains("separate Object entries")) {
            return " where a comma or } should follow a value";
        }
        if (comment.contains("separate Array entries")) {
            return " where a comma or ] should follow a value";
        }
        if (comment.contains("colon to separate")) {
            return " where a colon should follow the key";
        }
        if (comment.contains("expected a valid value") || comment.contains("expected a value")) {
            return " where a value should be";
        }
        return "";
    }

    private static String endOfInput(String message) {
        if (message.contains("closing quote") || message.contains("String value")) {
            return "the text ends inside text in double quotes";
        }
        if (message.contains("in field name")) {
            return "the text ends inside a key";
        }
        if (message.contains("Object")) {
            return "the text ends before the object is closed with }";
        }
        if (message.contains("Array")) {
            return "the text ends before the array is closed with ]";
        }
        return "the text ends before the JSON value is complete";
    }

    private static String controlCharacter(String code) {
        return "a control character (code " + code + ")";
    }

    private static String quote(String text) {
        return "'".equals(text) ? "\"'\"" : "'" + text + "'";
    }

    /** Input text as a diagnostic may quote it: printable, at most 40 characters. */
    static String shorten(String text) {
        String printable = Texts.shown(text);
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
}
