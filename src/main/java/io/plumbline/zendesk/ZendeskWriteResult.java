package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one write: the HTTP status, Zendesk's answer (the record written, or its validation
 * error, secrets masked), and the request id Zendesk gave it for the receipt. Rejections that are facts
 * about the data (404, 409, 422) are results, not exceptions, so that an apply can record them and go on.
 *
 * <p>Status 0 is a write whose attempt may have reached Zendesk without a usable answer ({@link
 * #unanswered}): it may have landed, so its fate is for Zendesk's records to settle. {@code recheck} says
 * that the attempts it may take are not used up: when the records hold nothing of it, the action may be
 * re-checked and its write built and sent again; else it gave up.
 */
public record ZendeskWriteResult(int status, JsonNode data, String requestId, String error, boolean recheck) {
    static ZendeskWriteResult of(ZendeskResponse r, SecretRedactor redactor) {
        return new ZendeskWriteResult(
                r.status(), r.body(), r.requestId(), r.ok() ? "" : redactor.redact(ZendeskErrors.detail(r)), false);
    }

    /** A write whose attempt may have reached Zendesk unanswered: {@code why} says how it ended. */
    static ZendeskWriteResult unanswered(String why, boolean recheck) {
        return new ZendeskWriteResult(0, null, "", why, recheck);
    }

    /** Whether an attempt may have reached Zendesk without a usable answer (see {@link #unanswered}). */
    public boolean unanswered() {
        return status == 0;
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
