package io.plumbline.snapshot;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a snapshot's files come from: a folder on disk or the bundled demo fixtures. Paths are
 * relative, with {@code /} separators, as laid out in the contract.
 */
public interface InputSource {
    /** Opens a file, or returns null when it does not exist. */
    InputStream open(String relativePath) throws IOException;

    /** How to name a file in messages, e.g. {@code snapshot/zendesk/users.jsonl}. */
    String displayName(String relativePath);
}
