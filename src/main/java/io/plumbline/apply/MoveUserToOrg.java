package io.plumbline.apply;

import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code move_user_to_org}: make an existing membership the user's default; adds and removes nothing. */
final class MoveUserToOrg implements ActionHandler {
    @Override
    public Check check(ActionTarget t, ZendeskWrites z) {
        Optional<UserState> user = z.user(t.user());
        if (user.isEmpty()) {
            return Check.changed("user_missing", Map.of());
        }
        Map<String, Object> before = defaults(user.get());
        Optional<String> changed = user.get().changedFrom(t.preconditions());
        if (changed.isPresent()) {
            return Check.changed(changed.get(), before);
        }
        Optional<Membership> target = user.get().memberships().stream()
                .filter(m -> m.id().equals(t.membership()))
                .findFirst();
        if (target.isEmpty() || !target.get().organizationId().equals(t.org())) {
            return Check.changed("membership_missing", before);
        }
        if (target.get().isDefault()) {
            return Check.skip("already_in_effect", before);
        }
        Optional<OrgState> org = z.org(t.org());
        if (org.isEmpty()) {
            return Check.changed("org_missing", before);
        }
        if (org.get().relinkedSince(t)) {
            return Check.changed(OrgState.EXTERNAL_ID, before);
        }
        Object planned = t.preconditions().get("default_org_id");
        if (!String.valueOf(planned).equals(String.valueOf(before.get("default_org_id")))) {
            return Check.changed("default_org", before);
        }
        return Check.ready(
                before,
                Map.of(
                        "default_org_id",
                        t.org().value(),
                        "default_membership_id",
                        t.membership().value()));
    }

    @Override
    public Written write(ActionTarget t, ZendeskWrites z, Check c) {
        return new Written(z.makeDefault(t.user(), t.membership()), c.after());
    }

    @Override
    public Optional<Map<String, Object>> found(ActionTarget t, ZendeskWrites z) {
        return z.user(t.user())
                .filter(u -> u.defaultMembership()
                        .map(m -> m.id().equals(t.membership()))
                        .orElse(false))
                .map(MoveUserToOrg::defaults);
    }

    @Override
    public Check checkUndo(ActionTarget t, Map<String, Object> before, Map<String, Object> after, ZendeskWrites z) {
        Optional<UserState> user = z.user(t.user());
        if (user.isEmpty()) {
            return Check.changed("user_missing", Map.of());
        }
        Map<String, Object> now = defaults(user.get());
        if (!(before.get("default_membership_id") instanceof Number previous)) {
            return Check.skip("no_previous_default_recorded", now);
        }
        if (!(after.get("default_membership_id") instanceof Number made)
                || made.longValue() != t.membership().value()
                || previous.longValue() == made.longValue()) {
            // the repair makes the action's membership the default in place of another: nothing else is its record
            return Check.skip(NOT_AS_APPLIED, now);
        }
        if (String.valueOf(now.get("default_membership_id")).equals(String.valueOf(previous.longValue()))) {
            return Check.skip("already_in_effect", now);
        }
        if (!String.valueOf(now.get("default_membership_id"))
                .equals(String.valueOf(after.get("default_membership_id")))) {
            return Check.changed("default_org", now);
        }
        if (user.get().memberships().stream().noneMatch(m -> m.id().value() == previous.longValue())) {
            return Check.changed("previous_membership_missing", now);
        }
        return Check.ready(now, before);
    }

    @Override
    public Written undo(ActionTarget t, ZendeskWrites z, Check c) {
        long previous = ((Number) c.after().get("default_membership_id")).longValue();
        return new Written(z.makeDefault(t.user(), new MembershipId(previous)), c.after());
    }

    private static Map<String, Object> defaults(UserState user) {
        Map<String, Object> out = new TreeMap<>();
        Optional<Membership> d = user.defaultMembership();
        out.put(
                "default_org_id",
                d.map(m -> (Object) m.organizationId().value()).orElse(null));
        out.put("default_membership_id", d.map(m -> (Object) m.id().value()).orElse(null));
        return out;
    }
}
