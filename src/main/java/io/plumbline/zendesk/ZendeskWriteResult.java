package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one write: the HTTP status, Zendesk's answer (the record written, or its validation
 * error, secrets masked), and the request id Zendesk gave it for the receipt. Rejections that are facts about the data
 * (404, 409, 422) are results, not exceptions, so that an apply can record them and go on.
 *
 * <p>{@code resent} says that an earlier attempt of the same request failed in a way that does not rule
 * out that Zendesk acted on it (a 5xx, or a connection lost before the answer): a refusal of the retry
 * (a 404 for a membership already deleted, a 422 for one already created) may then be the first
 * attempt's own effect, and a write that gave up (status 0) may have landed all the same.
 */
public record ZendeskWriteResult(int status, JsonNode data, String requestId, String error, boolean resent) {
    static ZendeskWriteResult of(ZendeskResponse r, SecretRedactor redactor, boolean resent) {
        return new ZendeskWriteResult(
                r.status(), r.body(), r.requestId(), r.ok() ? "" : redactor.redact(ZendeskErrors.detail(r)), resent);
    }

    /** A write given up after an attempt that may have reached Zendesk: {@code why} says how it ended. */
    static ZendeskWriteResult unanswered(String why) {
        return new ZendeskWriteResult(0, null, "", why, true);
    }

    public boolean applied() {
        return status >= 200 && status < 300;
    }

    public boolean notFound() {
        return status == 404;
    }

    /**
     * Zendesk refused to create a membership because the user already belongs to the org: a 422 that
     * {@link MembershipErrors#alreadyMember} recognises.
     */
    public boolean alreadyMember() {
        return status == 422 && MembershipErrors.alreadyMember(data);
    }
}
