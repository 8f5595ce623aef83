package io.plumbline.zendesk;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The fields of one JSONL record that a record mapping reads, in the order the line gives them, from
 * Jackson's streaming parser ({@link ParserFields}) or straight from the bytes ({@link
 * JsonLineScanner}). Each value reader takes the value of the field just named and accepts only what
 * {@link ZendeskRecords} maps without complaint; anything else throws {@link
 * JsonlStreamReader#FALLBACK}.
 */
interface FieldReader {
    /** What {@link #nextField} returns after the record's closing brace. */
    int END = -1;

    /**
     * The index, in the mapping's keys, of the next key the mapping reads (the value of any other key
     * is skipped), or {@link #END}.
     */
    int nextField() throws IOException;

    /** A positive integer id, or 0 for null. */
    long id() throws IOException;

    /** A string, or "" for null. */
    String text() throws IOException;

    /** As {@link #text()}, returning the element of {@code known} equal to the string if there is one. */
    String text(String[] known) throws IOException;

    /** A string, or an integer as its decimal text, or "" for null. */
    String scalarText() throws IOException;

    /** An array of strings, or an empty list for null. */
    List<String> strings() throws IOException;

    /** True or false; null reads as {@code ifNull}. */
    boolean bool(boolean ifNull) throws IOException;

    /** An ISO 8601 timestamp, or null for null or "". */
    Instant instant() throws IOException;
}
