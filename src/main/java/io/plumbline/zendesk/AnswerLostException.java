package io.plumbline.zendesk;

import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;

/**
 * A write's attempt may have reached Zendesk, but its answer does not say what became of it (a 5xx, a 503,
 * or a connection that broke or timed out after it was made), and the wait before the next attempt is
 * over. The write is not sent again as it was built, since the state it was built from may have changed
 * while Plumbline waited: its caller settles it from Zendesk's records, and when nothing of it is there,
 * re-checks the action and sends the write that check builds (see {@link ZendeskHttp#write}).
 */
public final class AnswerLostException extends PlumblineException {
    private static final long serialVersionUID = 1L;

    AnswerLostException(String message) {
        super(ExitCodes.REMOTE, message);
    }
}
