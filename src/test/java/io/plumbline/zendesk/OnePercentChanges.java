package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.zendesk.emulator.AccountEdits;
import io.plumbline.zendesk.emulator.ZendeskEmulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Changes about 1% of each kind of record of a tenant written by {@link SeedSnapshots}, the way a day of
 * support work does: users edited, a few deleted and created, memberships added for existing users
 * (never default) and for new ones, a few defaults moved, orgs edited, one deleted and one created,
 * tickets updated (some to another org), created and deleted. Deterministic for a given seed. Works
 * on any tenant given its ids ({@link #of}); new records take ids from 700,000 (tickets), 800,000 (orgs)
 * and 900,000 (users), which must be free.
 */
public final class OnePercentChanges {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Long> orgIds;
    private final Set<Long> deletedOrgs;
    private final List<Long> userIds;
    private final int users;
    private final int tickets;
    private final Random random;
    private final Deque<Long> freshUsers;
    private final Deque<Long> freshTickets;
    private long nextUserId;
    private long nextOrgId;
    private long nextTicketId;

    /** For a tenant written by {@link SeedSnapshots#write} with these counts. */
    public OnePercentChanges(int orgs, int users, int tickets, long seed) {
        this(
                LongStream.rangeClosed(1001, 1000 + orgs).boxed().toList(),
                LongStream.rangeClosed(1, orgs / 50)
                        .map(i -> 1000 + 50 * i)
                        .boxed()
                        .collect(Collectors.toSet()),
                LongStream.rangeClosed(20_001, 20_000 + users).boxed().toList(),
                LongStream.rangeClosed(300_001, 300_000 + tickets).boxed().toList(),
                seed);
    }

    /**
     * For any tenant: its org ids ({@code deletedOrgs} among them are left alone), user ids and ticket ids,
     * each list in ascending order.
     */
    public static OnePercentChanges of(
            List<Long> orgIds, Set<Long> deletedOrgs, List<Long> userIds, List<Long> ticketIds, long seed) {
        return new OnePercentChanges(orgIds, deletedOrgs, userIds, ticketIds, seed);
    }

    private OnePercentChanges(
            List<Long> orgIds, Set<Long> deletedOrgs, List<Long> userIds, List<Long> ticketIds, long seed) {
        this.orgIds = List.copyOf(orgIds);
        this.deletedOrgs = new HashSet<>(deletedOrgs);
        this.userIds = List.copyOf(userIds);
        this.users = userIds.size();
        this.tickets = ticketIds.size();
        this.random = new Random(seed);
        this.freshUsers = shuffled(userIds);
        this.freshTickets = shuffled(ticketIds);
        this.nextUserId = 900_000;
        this.nextOrgId = 800_000;
        this.nextTicketId = 700_000;
    }

    /** Applies one day of changes; each record is changed at most once across all days. */
    public void apply(ZendeskEmulator z) {
        z.change(this::apply);
    }

    private void apply(AccountEdits e) {
        int orgs = orgIds.size();
        int onePercentOfUsers = Math.max(1, users / 100);
        for (int i = 0; i < onePercentOfUsers * 6 / 10; i++) {
            e.updateUser(freshUsers.pop(), u -> u.put("name", u.path("name").asText() + " (edited)"));
        }
        for (int i = 0; i < Math.max(1, users / 1000); i++) {
            e.deleteUser(freshUsers.pop());
            long id = nextUserId++;
            long org = liveOrg();
            e.createUser(user(id, org));
            e.addMembership(id, org);
        }
        for (int i = 0; i < Math.max(1, users / 1000); i++) {
            moveDefault(e);
        }
        for (int i = 0; i < Math.max(1, users / 200); i++) {
            long user = freshUsers.pop();
            long org = liveOrg();
            boolean member = e.membershipsOfUser(user).stream()
                    .anyMatch(m -> m.path("organization_id").asLong() == org);
            if (!member && !e.membershipsOfUser(user).isEmpty()) {
                e.addMembership(user, org);
            }
        }
        for (int i = 0; i < Math.max(1, orgs / 100); i++) {
            long org = liveOrg();
            e.updateOrganization(org, o -> o.withArray("domain_names").add("extra-" + org + ".example.com"));
        }
        long doomed = liveOrg();
        deletedOrgs.add(doomed);
        e.deleteOrganization(doomed);
        e.createOrganization(org(nextOrgId++));
        for (int i = 0; i < Math.max(1, tickets / 100); i++) {
            e.updateTicket(freshTickets.pop(), t -> t.put("organization_id", liveOrg()));
        }
        for (int i = 0; i < Math.max(1, tickets / 500); i++) {
            e.createTicket(ticket(nextTicketId++));
            e.deleteTicket(freshTickets.pop());
        }
    }

    /** Makes another membership default for a user who has two (every fourth seeded user). */
    private void moveDefault(AccountEdits e) {
        while (true) {
            long user = freshUsers.pop();
            var ms = e.membershipsOfUser(user);
            if (ms.size() >= 2) {
                e.makeDefault(ms.get(1).path("id").asLong());
                return;
            }
        }
    }

    /** A seeded org that is not deleted (the seed deletes some; each day deletes one more). */
    private long liveOrg() {
        while (true) {
            long id = orgIds.get(random.nextInt(orgIds.size()));
            if (!deletedOrgs.contains(id)) {
                return id;
            }
        }
    }

    private ObjectNode user(long id, long org) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id);
        u.put("url", "https://acme.zendesk.com/api/v2/users/" + id + ".json");
        u.put("name", "New user " + id);
        u.put("email", "new" + id + "@org" + (org - 1000) + ".example.com");
        u.put("role", "end-user");
        u.putNull("organization_id");
        u.put("active", true);
        u.put("suspended", false);
        return u;
    }

    private ObjectNode org(long id) {
        ObjectNode o = JSON.createObjectNode();
        o.put("url", "https://acme.zendesk.com/api/v2/organizations/" + id + ".json");
        o.put("id", id);
        o.put("name", "New org " + id);
        o.putArray("domain_names").add("new" + id + ".example.com");
        o.putNull("external_id");
        return o;
    }

    private ObjectNode ticket(long id) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id);
        t.put("requester_id", userIds.get(random.nextInt(users)));
        t.put("organization_id", liveOrg());
        t.put("status", "new");
        t.put("subject", "Ticket " + id);
        return t;
    }

    /** The ids in a random order seeded by the first of them (the order is the same for the same ids). */
    private static Deque<Long> shuffled(List<Long> sorted) {
        List<Long> ids = new ArrayList<>(sorted);
        Collections.shuffle(ids, new Random(sorted.isEmpty() ? 0 : sorted.get(0)));
        return new ArrayDeque<>(ids);
    }
}
