package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.zendesk.emulator.LoggedRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assertions over an emulator request log that hold for any well-behaved pull. */
public final class RequestLogChecks {
    private RequestLogChecks() {}

    /** No GET was answered with success twice: a page once fetched is never fetched again. */
    public static void noPageFetchedTwiceAfterSuccess(List<LoggedRequest> log) {
        Set<String> fetched = new HashSet<>();
        for (LoggedRequest r : log) {
            if (r.method().equals("GET") && r.succeeded()) {
                assertThat(fetched.add(r.pathAndQuery()))
                        .as("fetched again after a success: %s", r)
                        .isTrue();
            }
        }
    }

    /**
     * After an answer with Retry-After, nothing arrives before that time has passed but what the other
     * listings of a pull had already sent: at most one request each of the {@code sideBySide - 1} others,
     * none to the path that was refused.
     */
    public static void nothingSentWhileRetryAfterPending(List<LoggedRequest> log, int sideBySide) {
        nothingSentWhileRetryAfterPending(log, sideBySide, Duration.ZERO);
    }

    /**
     * As {@link #nothingSentWhileRetryAfterPending(List, int)}, not counting the requests of other
     * listings that arrive within {@code grace} of the answer: on a busy machine the thread that met it
     * may take a few real milliseconds to hold the others back, which an emulated clock running a
     * thousand times faster turns into seconds. None to the refused path may arrive early at all.
     */
    public static void nothingSentWhileRetryAfterPending(List<LoggedRequest> log, int sideBySide, Duration grace) {
        for (int i = 0; i < log.size(); i++) {
            LoggedRequest limited = log.get(i);
            if (limited.retryAfter() == null) {
                continue;
            }
            List<LoggedRequest> early = log.subList(i + 1, log.size()).stream()
                    .filter(later -> later.at().isBefore(limited.retryAfterUntil()))
                    .toList();
            assertThat(early)
                    .as("arrived while the Retry-After of %s was pending", limited)
                    .noneMatch(later -> later.path().equals(limited.path()));
            assertThat(early)
                    .filteredOn(later -> !later.at().isBefore(limited.at().plus(grace)))
                    .as("arrived while the Retry-After of %s was pending, after %s", limited, grace)
                    .hasSizeLessThan(sideBySide);
        }
    }
}
