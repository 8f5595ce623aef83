package io.plumbline.zendesk;

import java.util.Objects;

/**
 * Where a cursor-paginated listing (sorted by id) can be taken up again: the {@code page[after]}
 * cursor of its last page ({@code ""} for the first page) and the id that cursor points past, so that
 * re-listing from it returns exactly the records with a greater id.
 */
public record ListPosition(String after, long afterId) {
    public static final ListPosition START = new ListPosition("", 0);

    public ListPosition {
        Objects.requireNonNull(after, "after");
        if (afterId < 0) {
            throw new IllegalArgumentException("list position id must not be negative: " + afterId);
        }
    }
}
