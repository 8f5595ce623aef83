package io.plumbline.apply;

import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.zendesk.MembershipRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code assign_user_to_org}: add the missing membership (never changing the default org). A membership
 * found at the re-check is {@code already_in_effect}; Zendesk's 422 for one created between the re-check
 * and the write is a skip ({@value #ALREADY_MEMBER}), not a failure.
 */
final class AssignUserToOrg implements ActionHandler {
    static final String ALREADY_MEMBER = "precondition_changed_user_already_member";

    @Override
    public Check check(ActionTarget t, ZendeskWrites z) {
        Optional<UserState> user = z.user(t.user());
        if (user.isEmpty()) {
            return Check.changed("user_missing", Map.of());
        }
        Optional<String> changed = user.get().changedFrom(t.preconditions());
        if (changed.isPresent()) {
            return Check.changed(changed.get(), Map.of());
        }
        Optional<OrgState> org = z.org(t.org());
        if (org.isEmpty()) {
            return Check.changed("org_missing", Map.of());
        }
        Optional<Membership> existing = user.get().membershipIn(t.org());
        if (existing.isPresent()) {
            // what the repair would do is done (by an earlier run, or by hand), as for the other repairs
            return Check.skip(
                    "already_in_effect",
                    Map.of("member", true, "membership_id", existing.get().id().value()));
        }
        if (org.get().relinkedSince(t)) {
            return Check.changed(OrgState.EXTERNAL_ID, Map.of("member", false));
        }
        return Check.ready(Map.of("member", false), Map.of("member", true));
    }

    @Override
    public Written write(ActionTarget t, ZendeskWrites z, Check c) {
        return written(z.createMembership(t.user(), t.org()), c);
    }

    @Override
    public boolean bulk() {
        return true;
    }

    @Override
    public boolean inverseShows() {
        return true; // the inverse deletes the membership apply created: a membership id never comes back
    }

    @Override
    public List<Written> writeAll(List<ActionTarget> targets, ZendeskWrites z, List<Check> checks) {
        List<WriteOutcome> outcomes = z.createMemberships(targets.stream()
                .map(t -> new MembershipRequest(t.user(), t.org()))
                .toList());
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            out.add(written(outcomes.get(i), checks.get(i)));
        }
        return out;
    }

    @Override
    public Optional<Map<String, Object>> found(ActionTarget t, ZendeskWrites z) {
        return z.user(t.user())
                .flatMap(u -> u.membershipIn(t.org()))
                .map(m -> Map.<String, Object>of("member", true, "membership_id", m.id().value()));
    }

    @Override
    public Optional<Instant> madeAt(ActionTarget t, Map<String, Object> found, ZendeskWrites z) {
        if (!(found.get("membership_id") instanceof Number id)) {
            return Optional.empty();
        }
        return z.user(t.user()).flatMap(u -> u.madeAt(new MembershipId(id.longValue())));
    }

    private static Written written(WriteOutcome out, Check c) {
        Map<String, Object> after = new TreeMap<>(c.after());
        if (out.createdMembership() != null) {
            after.put("membership_id", out.createdMembership().value());
        }
        return new Written(out, after);
    }

    @Override
    public Check checkUndo(ActionTarget t, Map<String, Object> before, Map<String, Object> after, ZendeskWrites z) {
        Object id = after.get("membership_id");
        if (!(id instanceof Number number)) {
            return Check.skip("no_membership_id_recorded", Map.of());
        }
        Optional<UserState> user = z.user(t.user());
        Optional<Membership> created = user.flatMap(u -> u.memberships().stream()
                .filter(m -> m.id().value() == number.longValue())
                .findFirst());
        if (created.isEmpty()) {
            return Check.skip("already_in_effect", Map.of("member", false));
        }
        if (!created.get().organizationId().equals(t.org())) {
            // the repair creates a membership in the action's org: one in another org is not its record
            return Check.skip(NOT_AS_APPLIED, Map.of("member", true, "membership_id", number.longValue()));
        }
        if (created.get().isDefault() && user.get().memberships().size() > 1) {
            // made the default since (the repair never does that): deleting it would move the user's default org
            return Check.changed("default_org", Map.of("member", true, "default", true));
        }
        return Check.ready(Map.of("member", true, "membership_id", number.longValue()), Map.of("member", false));
    }

    @Override
    public Written undo(ActionTarget t, ZendeskWrites z, Check c) {
        long id = ((Number) c.before().get("membership_id")).longValue();
        return new Written(z.deleteMembership(new MembershipId(id)), c.after());
    }
}
