package io.plumbline.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where a snapshot's files come from: a folder on disk or the bundled demo fixtures. Paths are
 * relative, with {@code /} separators, as laid out in the contract.
 */
public interface InputSource {
    /** Opens a file, or returns null when it does not exist. */
    InputStream open(String relativePath) throws IOException;

    /** How to name a file in messages, e.g. {@code snapshot/zendesk/users.jsonl}. */
    String displayName(String relativePath);

    /**
     * The data files beside the layout's that it does not name ({@code zendesk/users-part2.jsonl}), relative
     * and sorted (see {@link UnreadFiles}): none where the source cannot list its files.
     */
    default List<String> unread() {
        return List.of();
    }
}
