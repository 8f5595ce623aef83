package io.plumbline.zendesk.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One request the emulator received: when (emulator time), method, path, decoded query, body, the
 * status answered (0 for a dropped connection), the {@code Retry-After} it carried (null if none), the
 * fault injected (empty if none) and which credential it came with (a label, never the secret).
 */
public record LoggedRequest(
        Instant at,
        String method,
        String path,
        String query,
        String body,
        int status,
        Duration retryAfter,
        String fault,
        String principal) {
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The instant before which the client was told not to come back (null without Retry-After). */
    public Instant retryAfterUntil() {
        return retryAfter == null ? null : at.plus(retryAfter);
    }

    @Override
    public String toString() {
        return at + " " + method + " " + pathAndQuery() + " -> " + status + (fault.isEmpty() ? "" : " [" + fault + "]");
    }
}
