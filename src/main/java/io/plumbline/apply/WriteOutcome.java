package io.plumbline.apply;

import io.plumbline.model.MembershipId;
import io.plumbline.model.Texts;
import java.util.Objects;

/**
 * What one Zendesk write returned: success or the error text (never a secret), the request id for
 * support, and for a created membership its id. {@code alreadyMember} marks Zendesk's 422 for an
 * existing membership, which is a skip, not a failure. A write done by a bulk job whose answer does not
 * say what became of this item is {@link Certainty#UNCONFIRMED} or {@link Certainty#MAY_STILL_LAND}: not
 * a result yet, but a question to put to Zendesk's records (the error says why it is open).
 */
public record WriteOutcome(
        boolean ok,
        String requestId,
        String error,
        MembershipId createdMembership,
        boolean alreadyMember,
        Certainty certainty) {
    /** Whether the outcome is known from Zendesk's answer. */
    public enum Certainty {
        /** Zendesk's answer said what became of the write. */
        KNOWN,
        /** The job is over but its answer does not say what it wrote for this item. */
        UNCONFIRMED,
        /** The job may not be over: the write may still land after the records are read. */
        MAY_STILL_LAND,
        /**
         * A single write's attempt may have reached Zendesk without a usable answer, and attempts are left:
         * when the records hold nothing of it, the action is re-checked and its write built again.
         */
        LOST
    }

    public WriteOutcome {
        requestId = Texts.orEmpty(requestId);
        error = Texts.orEmpty(error);
        Objects.requireNonNull(certainty, "certainty");
    }

    public static WriteOutcome success(String requestId) {
        return new WriteOutcome(true, requestId, "", null, false, Certainty.KNOWN);
    }

    public static WriteOutcome created(String requestId, MembershipId id) {
        return new WriteOutcome(true, requestId, "", id, false, Certainty.KNOWN);
    }

    public static WriteOutcome failure(String requestId, String error) {
        return new WriteOutcome(false, requestId, error, null, false, Certainty.KNOWN);
    }

    public static WriteOutcome existingMembership(String requestId) {
        return new WriteOutcome(false, requestId, "user is already a member", null, true, Certainty.KNOWN);
    }

    /**
     * A write whose fate Zendesk's answer leaves open (a job's item, or a single write whose answer was
     * lost), with why; {@code mayStillLand} when a job may run on.
     */
    public static WriteOutcome unconfirmed(String requestId, String why, boolean mayStillLand) {
        return new WriteOutcome(
                false, requestId, why, null, false, mayStillLand ? Certainty.MAY_STILL_LAND : Certainty.UNCONFIRMED);
    }

    /** A single write whose answer was lost, with attempts left (see {@link Certainty#LOST}). */
    public static WriteOutcome lost(String requestId, String why) {
        return new WriteOutcome(false, requestId, why, null, false, Certainty.LOST);
    }

    /** Whether the write may be re-checked and sent again when Zendesk's records hold nothing of it. */
    public boolean recheckable() {
        return certainty == Certainty.LOST;
    }

    public boolean confirmed() {
        return certainty == Certainty.KNOWN;
    }
}
