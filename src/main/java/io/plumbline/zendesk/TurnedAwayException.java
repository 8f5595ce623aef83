package io.plumbline.zendesk;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;

/**
 * Zendesk answered a write with 429 (nothing of it was written), or a bulk create with 503 and
 * Retry-After (which a proxy may give after the request went through), and the wait it asked for is
 * already held for the next request. The write is not sent again as it was: its body was built from a
 * state read before the wait (an org's whole {@code domain_names} list above all), which may have changed
 * during it, so the caller re-checks the action against Zendesk read afresh and sends what that check
 * builds. After a 503 the request may have landed, so its sender has been told so ({@code mayHaveLanded})
 * and it is settled from Zendesk's records instead (a single write answered 503 is an {@link
 * AnswerLostException}). Writes turned away more times in a row than the retry policy allows end in a
 * {@link RateLimitedException} instead.
 */
public final class TurnedAwayException extends PlumblineException {
    private static final long serialVersionUID = 1L;

    TurnedAwayException(String message) {
        super(ExitCodes.REMOTE, message);
    }
}
