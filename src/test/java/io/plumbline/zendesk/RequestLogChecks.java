package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.zendesk.emulator.LoggedRequest;
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

    /** After an answer with Retry-After, nothing arrives before that time has passed. */
    public static void nothingSentWhileRetryAfterPending(List<LoggedRequest> log) {
        for (int i = 0; i < log.size(); i++) {
            LoggedRequest limited = log.get(i);
            if (limited.retryAfter() == null) {
                continue;
            }
            for (LoggedRequest later : log.subList(i + 1, log.size())) {
                assertThat(later.at())
                        .as("%s arrived while the Retry-After of %s was pending", later, limited)
                        .isAfterOrEqualTo(limited.retryAfterUntil());
            }
        }
    }
}
