package io.plumbline.zendesk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.plumbline.model.Texts;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A record's fields as Jackson's streaming parser gives them; the parser is past the opening brace. */
final class ParserFields implements FieldReader {
    private final String[] keys;
    private final JsonParser p;
    private JsonToken t;

    ParserFields(JsonParser p, String[] keys) {
        this.p = p;
        this.keys = keys;
    }

    @Override
    public int nextField() throws IOException {
        String f;
        while ((f = p.nextFieldName()) != null) {
            t = p.nextToken();
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(f)) {
                    return i;
                }
            }
            p.skipChildren();
        }
        return END;
    }

    @Override
    public long id() throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw JsonlStreamReader.FALLBACK;
        }
        long v = p.getLongValue();
        if (v <= 0 || v > ZendeskRecords.MAX_ID) {
            throw JsonlStreamReader.FALLBACK;
        }
        return v;
    }

    @Override
    public String text() throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t != JsonToken.VALUE_STRING) {
            throw JsonlStreamReader.FALLBACK;
        }
        return Texts.wellFormed(p.getText());
    }

    @Override
    public String text(String[] known) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            char[] chars = p.getTextCharacters();
            int off = p.getTextOffset();
            int len = p.getTextLength();
            for (String k : known) {
                if (sameChars(k, chars, off, len)) {
                    return k;
                }
            }
        }
        return text();
    }

    @Override
    public String scalarText() throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Long.toString(p.getLongValue());
        }
        return text();
    }

    @Override
    public List<String> strings() throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw JsonlStreamReader.FALLBACK;
        }
        List<String> out = new ArrayList<>(4);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e != JsonToken.VALUE_STRING) {
                throw JsonlStreamReader.FALLBACK;
            }
            out.add(Texts.wellFormed(p.getText()));
        }
        return out;
    }

    @Override
    public boolean bool(boolean ifNull) {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> ifNull;
            default -> throw JsonlStreamReader.FALLBACK;
        };
    }

    @Override
    public Instant instant() throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw JsonlStreamReader.FALLBACK;
        }
        // parsed from the parser's buffer: no String for the tens of millions of ticket timestamps
        int len = p.getTextLength();
        if (len == 0) {
            return null;
        }
        try {
            return IsoInstants.parse(p.getTextCharacters(), p.getTextOffset(), len);
        } catch (DateTimeParseException e) {
            throw JsonlStreamReader.FALLBACK;
        }
    }

    private static boolean sameChars(String s, char[] chars, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != chars[off + i]) {
                return false;
            }
        }
        return true;
    }
}
