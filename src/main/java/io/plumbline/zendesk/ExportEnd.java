package io.plumbline.zendesk;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an incremental export stopped and how far it reaches: {@code resumeAt} is what the next request
 * starts from (the time-based export's {@code end_time}, a cursor-based export's {@code after_cursor},
 * null when Zendesk gave no cursor), and every change made before {@code completeBefore} is in what the
 * export returned. Zendesk's exports leave out the last minute, so that instant is the time the last
 * request was sent less {@link ZendeskExporter#LAG}.
 */
public record ExportEnd<T>(T resumeAt, Instant completeBefore) {
    public ExportEnd {
        Objects.requireNonNull(completeBefore, "completeBefore");
    }
}
