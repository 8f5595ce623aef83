package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one write: the HTTP status, Zendesk's answer (the record written, or its validation
 * error, secrets masked), and the request id Zendesk gave it for the receipt. Rejections that are facts about the data
 * (404, 409, 422) are results, not exceptions, so that an apply can record them and go on.
 */
public record ZendeskWriteResult(int status, JsonNode data, String requestId, String error) {
    static ZendeskWriteResult of(ZendeskResponse r, SecretRedactor redactor) {
        return new ZendeskWriteResult(
                r.status(), r.body(), r.requestId(), r.ok() ? "" : redactor.redact(ZendeskErrors.detail(r)));
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
