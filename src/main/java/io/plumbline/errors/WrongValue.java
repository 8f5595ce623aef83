package io.plumbline.errors;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.plumbline.model.Texts;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the wrong kind for its key, in words: {@code audit.ticket_lookback_days must be a whole
 * number of days, not "thirty"}. The value itself is quoted only when a number or true/false was
 * wanted, and then short, so a secret pasted under the wrong key is never echoed.
 */
final class WrongValue {
    private static final List<Class<?>> WHOLE =
            List.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class, BigInteger.class);
    private static final Pattern LITERAL = Pattern.compile(".*? value \\(([-+.\\w]+)\\).*", Pattern.DOTALL);

    private WrongValue() {}

    static String describe(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof PlumblineException p) {
            return p.getMessage();
        }
        String key = path(e);
        String subject = key.isEmpty() ? "the top level" : key;
        Class<?> target = target(e);
        if (target == null) {
            return subject + " has a value of the wrong kind";
        }
        if (e.getCause() instanceof InputCoercionException) {
            return subject + " must be " + wanted(target, key) + " no larger than " + largest(target);
        }
        String found = found(e, target);
        return subject + " must be " + wanted(target, key) + (found.isEmpty() ? "" : ", not " + found);
    }

    /** The key's path from the top: {@code audit.ticket_lookback_days}, {@code list[2]}. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static Class<?> target(JsonMappingException e) {
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType();
        }
        return e.getCause() instanceof InputCoercionException c ? c.getTargetType() : null;
    }

    private static String wanted(Class<?> target, String key) {
        if (WHOLE.contains(target)) {
            return "a whole number"
                    + (key.endsWith("_days") ? " of days" : key.endsWith("_seconds") ? " of seconds" : "");
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "one text value";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        return "a mapping (indented key: value lines)";
    }

    private static String largest(Class<?> target) {
        return target == int.class || target == Integer.class
                ? String.valueOf(Integer.MAX_VALUE)
                : target == short.class || target == Short.class
                        ? String.valueOf(Short.MAX_VALUE)
                        : String.valueOf(Long.MAX_VALUE);
    }

    /** What was there instead: a list, a mapping, or (where a number or true/false was wanted) the value. */
    private static String found(JsonMappingException e, Class<?> target) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("from Array value")) {
            return "a list";
        }
        if (message.contains("from Object value")) {
            return "a mapping";
        }
        boolean scalarWanted = WHOLE.contains(target)
                || Number.class.isAssignableFrom(target)
                || target == Boolean.class
                || target.isPrimitive();
        if (!scalarWanted) {
            return "a single value";
        }
        if (e instanceof InvalidFormatException f && f.getValue() instanceof String text) {
            return text.length() <= 40 ? "\"" + Texts.shown(text) + "\"" : "a long text value";
        }
        if (message.contains("VALUE_TRUE") || message.contains("VALUE_FALSE")) {
            return message.contains("VALUE_TRUE") ? "true" : "false";
        }
        Matcher m = LITERAL.matcher(message);
        return m.matches() ? JsonErrors.shorten(m.group(1)) : "";
    }
}
