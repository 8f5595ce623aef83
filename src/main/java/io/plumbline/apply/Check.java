package io.plumbline.apply;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict of re-checking one action against current Zendesk state: ready to write (with the state
 * before and after the write), or skipped with a reason such as {@code precondition_changed_<what>}.
 */
public record Check(boolean ready, String reason, Map<String, Object> before, Map<String, Object> after) {
    public Check {
        before = Collections.unmodifiableMap(new TreeMap<>(before));
        after = Collections.unmodifiableMap(new TreeMap<>(after));
    }

    public static Check ready(Map<String, Object> before, Map<String, Object> after) {
        return new Check(true, "", before, after);
    }

    public static Check skip(String reason, Map<String, Object> before) {
        return new Check(false, reason, before, Map.of());
    }

    public static Check changed(String what, Map<String, Object> before) {
        return skip("precondition_changed_" + what, before);
    }
}
