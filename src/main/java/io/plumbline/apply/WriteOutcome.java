package io.plumbline.apply;

import io.plumbline.model.MembershipId;
import io.plumbline.model.Texts;

/**
 * What one Zendesk write returned: success or the error text (never a secret), the request id for
 * support, and for a created membership its id. {@code alreadyMember} marks Zendesk's 422 for an
 * existing membership, which is a skip, not a failure.
 */
public record WriteOutcome(
        boolean ok, String requestId, String error, MembershipId createdMembership, boolean alreadyMember) {
    public WriteOutcome {
        requestId = Texts.orEmpty(requestId);
        error = Texts.orEmpty(error);
    }

    public static WriteOutcome success(String requestId) {
        return new WriteOutcome(true, requestId, "", null, false);
    }

    public static WriteOutcome created(String requestId, MembershipId id) {
        return new WriteOutcome(true, requestId, "", id, false);
    }

    public static WriteOutcome failure(String requestId, String error) {
        return new WriteOutcome(false, requestId, error, null, false);
    }

    public static WriteOutcome existingMembership(String requestId) {
        return new WriteOutcome(false, requestId, "user is already a member", null, true);
    }
}
