package io.plumbline.zendesk;

import io.plumbline.errors.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The line numbers of records a JSONL file was read into by {@link JsonlStreamReader}, which keeps no
 * line numbers (it would cost every record of a large file): the file is read again and its lines
 * counted as {@link JsonlReader} counts them ({@code \n}, {@code \r\n} or {@code \r} ends a line, a line
 * of spaces and tabs holds no record), so the n-th record is on the n-th line that is not blank.
 */
final class RecordLines {
    private RecordLines() {}

    /** The 1-based line of each 0-based record {@code ordinals}, which ascend strictly. */
    static long[] of(JsonlStreamReader.Opener open, String file, long... ordinals) {
        long[] lines = new long[ordinals.length];
        try (InputStream in = new BufferedInputStream(open.open())) {
            long line = 1;
            long record = 0;
            int found = 0;
            boolean content = false;
            int b = skipBom(in);
            while (b != -1 && found < ordinals.length) {
                if (b == '\n' || b == '\r') {
                    if (content && record++ == ordinals[found]) {
                        lines[found++] = line;
                    }
                    line++;
                    content = false;
                    int next = in.read();
                    b = b == '\r' && next == '\n' ? in.read() : next;
                    continue;
                }
                content |= b != ' ' && b != '\t';
                b = in.read();
            }
            if (content && found < ordinals.length && record == ordinals[found]) {
                lines[found] = line;
            }
        } catch (IOException e) {
            throw new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return lines;
    }

    private static int skipBom(InputStream in) throws IOException {
        in.mark(3);
        if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
            return in.read();
        }
        in.reset();
        return in.read();
    }
}
