package io.plumbline.apply;

import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.model.Texts;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Zendesk user and their memberships as apply reads them just before a write, with when Zendesk made
 * each membership ({@code made}, its {@code created_at}) where that was read.
 */
public record UserState(User user, List<Membership> memberships, Map<MembershipId, Instant> made) {
    /** The plan's precondition naming the email its user action was mapped from. */
    static final String EMAIL = "user_email";

    public UserState {
        Objects.requireNonNull(user, "user");
        memberships = List.copyOf(memberships);
        made = Map.copyOf(made);
    }

    /** The user and their memberships, with no membership's creation time known. */
    public UserState(User user, List<Membership> memberships) {
        this(user, memberships, Map.of());
    }

    public ZendeskUserId id() {
        return user.id();
    }

    public Optional<Membership> membershipIn(ZendeskOrgId org) {
        return memberships.stream().filter(m -> m.organizationId().equals(org)).findFirst();
    }

    /** When Zendesk made the membership ({@code created_at}); empty when that was not read. */
    public Optional<Instant> madeAt(MembershipId membership) {
        return Optional.ofNullable(made.get(membership));
    }

    public Optional<Membership> defaultMembership() {
        return memberships.stream().filter(Membership::isDefault).findFirst();
    }

    /**
     * What no longer holds of the user that a planned user action relies on, as the {@code <what>} of
     * {@code precondition_changed_<what>}: still active, still an end-user, not suspended (only those
     * take part in resolution), and still with the email the audit mapped, when the plan recorded it.
     * Empty while all of it holds.
     */
    Optional<String> changedFrom(Map<String, Object> preconditions) {
        if (!user.active()) {
            return Optional.of("user_missing");
        }
        if (!User.END_USER.equals(user.role())) {
            return Optional.of("user_role");
        }
        if (user.suspended()) {
            return Optional.of("user_suspended");
        }
        Object email = preconditions.get(EMAIL);
        if (email != null && !Texts.sameCaseless(email.toString(), user.email())) {
            return Optional.of("user_email");
        }
        return Optional.empty();
    }
}
