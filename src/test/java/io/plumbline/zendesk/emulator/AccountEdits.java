package io.plumbline.zendesk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Changes to the emulated account as its agents and admins make them in Zendesk itself (not through the
 * API Plumbline uses), with Zendesk's side effects: every changed record gets {@code updated_at} now;
 * deleting an org or a user removes its memberships (a user who loses the default gets the oldest
 * remaining one, or none); a deleted user leaves the user lists but stays in the user export with
 * {@code active: false}; a deleted ticket stays in the ticket export with status {@code deleted}.
 */
public final class AccountEdits {
    private final EmulatorState state;
    private final Instant now;

    AccountEdits(EmulatorState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    public void updateUser(long id, Consumer<ObjectNode> edit) {
        ObjectNode u = state.users.get(id);
        edit.accept(u);
        touch(u);
    }

    public void createUser(ObjectNode user) {
        user.put("created_at", EmulatorState.stamp(now));
        state.users.put(user.path("id").asLong(), touch(user));
    }

    public void deleteUser(long id) {
        ObjectNode u = state.users.remove(id);
        state.memberships.values().removeIf(m -> m.path("user_id").asLong() == id);
        u.put("active", false);
        state.deletedUsers.put(id, touch(u));
    }

    public void updateOrganization(long id, Consumer<ObjectNode> edit) {
        ObjectNode o = state.organizations.get(id);
        edit.accept(o);
        touch(o);
    }

    public void createOrganization(ObjectNode org) {
        org.put("created_at", EmulatorState.stamp(now));
        state.organizations.put(org.path("id").asLong(), touch(org));
    }

    public void deleteOrganization(long id) {
        ObjectNode o = state.organizations.get(id);
        o.put("deleted_at", EmulatorState.stamp(now));
        touch(o);
        for (ObjectNode m : List.copyOf(state.membershipsOfOrganization(id))) {
            state.deleteMembership(m, now);
        }
    }

    /**
     * Deletes an org as Zendesk may without the user export seeing its users change: its memberships go,
     * and a user who loses the default gets the oldest remaining one as default and as its {@code
     * organization_id}, but keeps its {@code updated_at}.
     */
    public void deleteOrganizationUnseenByTheUserExport(long id) {
        ObjectNode o = state.organizations.get(id);
        o.put("deleted_at", EmulatorState.stamp(now));
        touch(o);
        for (ObjectNode m : List.copyOf(state.membershipsOfOrganization(id))) {
            state.memberships.remove(m.path("id").asLong());
            long userId = m.path("user_id").asLong();
            List<ObjectNode> rest = state.membershipsOfUser(userId);
            if (m.path("default").asBoolean(false) && !rest.isEmpty()) {
                touch(rest.get(0).put("default", true));
                ObjectNode user = state.users.get(userId);
                if (user != null) {
                    user.put(
                            "organization_id",
                            rest.get(0).path("organization_id").asLong());
                }
            }
        }
    }

    /** Adds the user to the org (default if it is the user's first); answers the new membership's id. */
    public long addMembership(long userId, long orgId) {
        Object m = state.createMembership(userId, orgId, now);
        if (!(m instanceof ObjectNode created)) {
            throw new IllegalStateException("cannot add user " + userId + " to org " + orgId + ": " + m);
        }
        return created.path("id").asLong();
    }

    /** Edits a membership's fields as Zendesk holds them (its {@code created_at}, say). */
    public void updateMembership(long membershipId, Consumer<ObjectNode> edit) {
        ObjectNode m = state.memberships.get(membershipId);
        edit.accept(m);
        touch(m);
    }

    public void makeDefault(long membershipId) {
        state.makeDefault(state.memberships.get(membershipId), now);
    }

    public void removeMembership(long membershipId) {
        state.deleteMembership(state.memberships.get(membershipId), now);
    }

    /** The user's memberships, default first (copies). */
    public List<ObjectNode> membershipsOfUser(long userId) {
        return state.membershipsOfUser(userId).stream()
                .map(ObjectNode::deepCopy)
                .toList();
    }

    public void updateTicket(long id, Consumer<ObjectNode> edit) {
        ObjectNode t = state.tickets.get(id);
        edit.accept(t);
        touch(t);
    }

    public void createTicket(ObjectNode ticket) {
        ticket.put("created_at", EmulatorState.stamp(now));
        state.tickets.put(ticket.path("id").asLong(), touch(ticket));
    }

    public void deleteTicket(long id) {
        updateTicket(id, t -> t.put("status", "deleted"));
    }

    private ObjectNode touch(ObjectNode record) {
        record.put("updated_at", EmulatorState.stamp(now));
        return record;
    }
}
