package io.plumbline.bench;

/** Builds one JSON object on one line, the way the Zendesk API serializes records. */
final class JsonLine {
    private final StringBuilder sb = new StringBuilder(512);
    private boolean first = true;

    JsonLine start() {
        sb.setLength(0);
        sb.append('{');
        first = true;
        return this;
    }

    private void key(String name) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        sb.append('"').append(name).append("\":");
    }

    JsonLine num(String name, long value) {
        key(name);
        sb.append(value);
        return this;
    }

    /** A number, or {@code null} when {@code value} is 0 (ids are positive). */
    JsonLine id(String name, long value) {
        key(name);
        if (value == 0) {
            sb.append("null");
        } else {
            sb.append(value);
        }
        return this;
    }

    JsonLine bool(String name, boolean value) {
        key(name);
        sb.append(value);
        return this;
    }

    /** A string, or {@code null} when {@code value} is null. */
    JsonLine str(String name, String value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonLine strings(String name, String... values) {
        key(name);
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(values[i]);
        }
        sb.append(']');
        return this;
    }

    JsonLine raw(String name, String json) {
        key(name);
        sb.append(json);
        return this;
    }

    String end() {
        sb.append("}\n");
        return sb.toString();
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
