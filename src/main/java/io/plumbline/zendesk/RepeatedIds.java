package io.plumbline.zendesk;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids a JSONL file gives on more than one line with different content, said in one warning. The
 * last line of each id is used, as an export's later page holds the later version; but in a file put
 * together by hand that line is only the order of the lines, which would then decide the plan unseen.
 * A line that repeats the content before it is not counted. Made only once an id is met a second time,
 * so a file without repeats costs nothing.
 */
final class RepeatedIds {
    private final String file;
    private final String noun;
    private final Set<Object> ids = new HashSet<>();
    private Object first;
    private long firstBefore;
    private long firstAt;

    RepeatedIds(String file, String noun) {
        this.file = file;
        this.noun = noun;
    }

    /** Records that {@code id}, last at position {@code before}, is at {@code at} with other content. */
    void differs(Object id, long before, long at) {
        if (ids.add(id) && first == null) {
            first = id;
            firstBefore = before;
            firstAt = at;
        }
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The positions given for the first id: lines, or records to be turned into lines. */
    long[] firstPositions() {
        return new long[] {firstBefore, firstAt};
    }

    /** The warning, where the positions given were line numbers. */
    String warning() {
        return warning(firstBefore, firstAt);
    }

    /** The warning, with the first id's two lines. */
    String warning(long lineBefore, long lineAt) {
        int n = ids.size();
        return file + ": " + n + " " + noun + (n == 1 ? " id appears" : " ids appear")
                + " on more than one line with different content (first: " + first + " on lines " + lineBefore
                + " and " + lineAt + "); the last line of each is used";
    }
}
