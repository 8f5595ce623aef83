package io.plumbline.apply;

import io.plumbline.model.ActionCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the four repairs: how to re-check it just before writing, how to write it, and the exact
 * inverse for undo (re-checked the same way). One implementation per {@link ActionCode}.
 */
interface ActionHandler {
    /**
     * An undo's reason for a receipt result that is not what its repair writes (a set external_id whose
     * before was not blank, a domain the org already held): the receipt was not written by apply as it
     * stands, so no inverse is derived from it.
     */
    String NOT_AS_APPLIED = "receipt_not_as_applied";

    Check check(ActionTarget target, ZendeskWrites zendesk);

    /** Writes; returns the outcome and, on success, the final after-state (e.g. a created membership id). */
    Written write(ActionTarget target, ZendeskWrites zendesk, Check check);

    /**
     * Whether Zendesk has a bulk form of this write whose items keep the single write's meaning. The
     * actions of one batch never share a {@link BulkBatch#conflictKeys conflict key} (the record written,
     * and for org updates the domain or external_id set), so no item's re-checked state is changed by
     * another's; an action that shares one waits for a later batch.
     */
    default boolean bulk() {
        return false;
    }

    /**
     * Whether this kind's bulk form writes a whole field as the batch's re-check read it, while the job
     * itself runs later, in Zendesk's queue: a change made to the record between the two (a domain a
     * person adds) is overwritten. Such kinds go in bulk only when the apply is told to ({@link
     * ApplyOptions#bulkOrgUpdates}); one at a time, each write follows its own re-check at once.
     */
    default boolean bulkOverwrites() {
        return false;
    }

    /**
     * When the record this action's inverse writes last changed, as Zendesk stamps it ({@code updated_at}),
     * read through {@code zendesk}; empty when it is not known.
     */
    default Optional<Instant> lastChanged(ActionTarget target, ZendeskWrites zendesk) {
        return Optional.empty();
    }

    /**
     * Whether the inverse's effect alone shows whether it landed: true when a record the inverse removes
     * never comes back under its id (a deleted membership), so one still there was not removed.
     */
    default boolean inverseShows() {
        return false;
    }

    /**
     * The state this action's write leaves, when that is what Zendesk holds now (read through
     * {@code zendesk}): how an item of a bulk job whose answer left it open, or a single write whose
     * answer was lost, is confirmed. Empty when the effect is not there.
     */
    default Optional<Map<String, Object>> found(ActionTarget target, ZendeskWrites zendesk) {
        return Optional.empty();
    }

    /**
     * When Zendesk made the record that holds the effect {@link #found} found ({@code found}), as it stamps
     * it ({@code created_at}), read through {@code zendesk}: a write's effect cannot be in a record made after
     * that write landed. Empty when the write changes a record that existed before it (an org's external_id
     * or domains, which Zendesk does not stamp value by value), or when the time is not known.
     */
    default Optional<Instant> madeAt(ActionTarget target, Map<String, Object> found, ZendeskWrites zendesk) {
        return Optional.empty();
    }

    /** Writes many ready actions of this kind; one {@link Written} per action, in order. */
    default List<Written> writeAll(List<ActionTarget> targets, ZendeskWrites zendesk, List<Check> checks) {
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            out.add(write(targets.get(i), zendesk, checks.get(i)));
        }
        return out;
    }

    /** Re-checks that the state is still what the write left, before reversing it. */
    Check checkUndo(ActionTarget target, Map<String, Object> before, Map<String, Object> after, ZendeskWrites zendesk);

    /** Reverses the write, restoring {@code check.after()} (the state {@link #checkUndo} decided on). */
    Written undo(ActionTarget target, ZendeskWrites zendesk, Check check);

    /** A write's outcome and the state it left. */
    record Written(WriteOutcome outcome, Map<String, Object> after) {
        /** Each outcome of a batch with the state its check expected after it, in order. */
        static List<Written> of(List<WriteOutcome> outcomes, List<Check> checks) {
            List<Written> out = new ArrayList<>(outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                out.add(new Written(outcomes.get(i), checks.get(i).after()));
            }
            return out;
        }
    }

    static ActionHandler of(ActionCode code) {
        return switch (code) {
            case SET_ORG_EXTERNAL_ID -> new SetOrgExternalId();
            case ADD_ORG_DOMAIN -> new AddOrgDomain();
            case ASSIGN_USER_TO_ORG -> new AssignUserToOrg();
            case MOVE_USER_TO_ORG -> new MoveUserToOrg();
        };
    }
}
