package io.plumbline.detect;

import io.plumbline.model.MembershipId;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a prepared or blocked issue needs from the planner beyond its columns: the value to write,
 * the membership it concerns, and the preconditions apply must find still true before writing.
 * Precondition values are strings, numbers, booleans, null or lists of those.
 */
public record ActionDraft(MembershipId membershipId, String value, Map<String, Object> preconditions) {
    public ActionDraft {
        preconditions = Collections.unmodifiableMap(new TreeMap<>(preconditions));
    }
}
