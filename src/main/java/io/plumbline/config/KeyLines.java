package io.plumbline.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line of a YAML file that sets a key, for error messages. The parser's own location is the
 * token after a value, often the start of the next section; this walks the block mappings by their
 * indentation instead. Keys written inside a {@code {flow: mapping}} are found through the key that
 * holds the mapping.
 */
final class KeyLines {
    /** A block mapping's key, bare or quoted, and where it starts. */
    private static final Pattern KEY = Pattern.compile("^( *)(- +)?([\"']?)([A-Za-z0-9_-]+)\\3 *:(?:\\s|$)");

    private KeyLines() {}

    /**
     * The 1-based line and column of {@code key}, a dotted path from the top
     * ({@code zendesk.auth.api_token_env}; {@code audit} for a top-level key). Null when the file sets
     * no part of it.
     */
    static int[] find(List<String> lines, String key) {
        List<String> want = List.of(key.split("\\."));
        List<Integer> indents = new ArrayList<>();
        List<String> path = new ArrayList<>();
        int[] best = null;
        int bestDepth = 0;
        for (int i = 0; i < lines.size(); i++) {
            // a byte order mark before the first key is not part of it
            Matcher m = KEY.matcher(i == 0 ? lines.get(i).replaceFirst("^\uFEFF", "") : lines.get(i));
            if (!m.find()) {
                continue;
            }
            int indent = m.end(2) >= 0 ? m.end(2) : m.end(1);
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                path.remove(path.size() - 1);
            }
            indents.add(indent);
            path.add(m.group(4));
            int[] here = {i + 1, indent + 1};
            if (path.equals(want)) {
                return here;
            }
            if (path.size() > bestDepth
                    && path.size() < want.size()
                    && want.subList(0, path.size()).equals(path)) {
                best = here;
                bestDepth = path.size();
            }
        }
        return best;
    }
}
