package io.plumbline.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.ZendeskUserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Brings a previous pull's organization memberships up to date without re-listing them all (Zendesk
 * has no membership export), exactly in every field the audit reads ({@code id, user_id,
 * organization_id, default}):
 *
 * <ul>
 *   <li>a created membership takes an id above every existing one, so re-listing from the cursor of the
 *       previous listing's last page returns all of them, 100 a request, with that page's current state;
 *   <li>a default that moves (make default, a default membership deleted, a user's organization_id set)
 *       changes the user's {@code organization_id}, which the user export reports: the memberships of a
 *       reported user whose organization_id no longer matches the one default merged so far are re-read,
 *       one request each (a new user whose memberships all came with the new ones needs none), unless
 *       listing them all is cheaper;
 *   <li>the memberships of organizations and users deleted since are gone with them, and the users whose
 *       default was in a deleted org have their memberships re-read, since Zendesk makes another one
 *       default without the user export necessarily reporting them;
 *   <li>what no signal shows, chiefly a lone non-default membership deleted, changes Zendesk's total: the
 *       count is compared at the end, and when it differs (or the cursor is refused) the list is pulled
 *       in full, so the result is never silently wrong.
 * </ul>
 */
final class MembershipRefresher {
    private final ZendeskExporter exporter;
    private final ZendeskClient client;
    private final PageSink observer;

    /** What was done, and where the listing now ends. */
    record Result(ListPosition position, String note) {}

    MembershipRefresher(ZendeskExporter exporter, ZendeskClient client, PageSink observer) {
        this.exporter = exporter;
        this.client = client;
        this.observer = observer;
    }

    Result refresh(
            SortedMap<Long, JsonNode> memberships,
            Collection<JsonNode> changedUsers,
            Set<Long> goneUsers,
            Set<Long> deletedOrgs,
            Set<Long> lostDefault,
            ListPosition from) {
        OptionalLong expected = exporter.membershipCount();
        memberships.values().removeIf(m -> deletedOrgs.contains(org(m)) || goneUsers.contains(user(m)));
        List<JsonNode> listed = new ArrayList<>();
        Optional<ListPosition> tail = tail(memberships, from, listed);
        if (tail.isEmpty()) {
            return relist(memberships, "Zendesk refused the saved membership cursor");
        }
        Map<Long, List<Long>> byUser = new HashMap<>();
        memberships.forEach((id, m) ->
                byUser.computeIfAbsent(user(m), k -> new ArrayList<>()).add(id));
        TreeSet<Long> toReread = new TreeSet<>(movedDefaults(memberships, byUser, changedUsers, goneUsers));
        lostDefault.stream().filter(byUser::containsKey).forEach(toReread::add); // none left: nothing to read
        List<Long> moved = List.copyOf(toReread);
        long relistCost = memberships.size() / ZendeskExporter.PAGE_SIZE + 1;
        if (moved.size() > relistCost) {
            return relist(
                    memberships,
                    moved.size() + " users' default org moved; listing all costs about " + relistCost
                            + " requests, re-reading each of them more");
        }
        reread(memberships, byUser, moved);
        if (expected.isEmpty()) {
            return relist(memberships, "Zendesk gave no membership count to check the merge against");
        }
        if (expected.getAsLong() != memberships.size()) {
            return relist(
                    memberships,
                    "Zendesk counts " + expected.getAsLong() + " memberships, the merge " + memberships.size()
                            + " (a change no export shows, such as a removed non-default membership)");
        }
        return new Result(
                tail.get(),
                "memberships: " + listed.size() + " re-listed from the end of the previous list, " + moved.size()
                        + " users re-read (default moved, or in a deleted org), " + expected.getAsLong()
                        + " in all, as Zendesk counts");
    }

    /**
     * The users not gone whose default membership is in one of {@code deletedOrgs}: Zendesk makes another of
     * their memberships the default, which only a user export that reports them would show, so {@link
     * #refresh} re-reads their memberships (given as {@code lostDefault}).
     */
    static Set<Long> defaultsIn(Map<Long, JsonNode> memberships, Set<Long> deletedOrgs, Set<Long> goneUsers) {
        Set<Long> users = new TreeSet<>();
        memberships.values().forEach(m -> {
            if (deletedOrgs.contains(org(m)) && m.path("default").asBoolean(false) && !goneUsers.contains(user(m))) {
                users.add(user(m));
            }
        });
        return users;
    }

    /**
     * Users the export reports whose organization_id does not match the default among their memberships
     * as merged so far (exactly one default, in that org; or none and no org).
     */
    private static List<Long> movedDefaults(
            Map<Long, JsonNode> memberships,
            Map<Long, List<Long>> byUser,
            Collection<JsonNode> changedUsers,
            Set<Long> goneUsers) {
        TreeSet<Long> moved = new TreeSet<>();
        for (JsonNode u : changedUsers) {
            long id = u.path("id").asLong();
            long org = u.path("organization_id").asLong(0);
            List<Long> defaults = byUser.getOrDefault(id, List.of()).stream()
                    .map(memberships::get)
                    .filter(m -> m.path("default").asBoolean(false))
                    .map(MembershipRefresher::org)
                    .toList();
            boolean consistent = org == 0 ? defaults.isEmpty() : defaults.equals(List.of(org));
            if (!goneUsers.contains(id) && !consistent) {
                moved.add(id);
            }
        }
        return List.copyOf(moved);
    }

    /** Replaces the memberships above {@code from} with those Zendesk lists from there ({@code listed}). */
    private Optional<ListPosition> tail(
            SortedMap<Long, JsonNode> memberships, ListPosition from, List<JsonNode> listed) {
        Optional<ListPosition> end = exporter.membershipsAfter(from, page -> {
            listed.addAll(page);
            observer.page(page);
        });
        if (end.isPresent()) {
            memberships.tailMap(from.afterId() + 1).clear();
            listed.forEach(m -> memberships.put(SnapshotFiles.idOf(m, "organization_memberships"), m));
        }
        return end;
    }

    private void reread(SortedMap<Long, JsonNode> memberships, Map<Long, List<Long>> byUser, List<Long> users) {
        for (long user : users) {
            byUser.getOrDefault(user, List.of()).forEach(memberships::remove);
            List<JsonNode> now = client.userMemberships(new ZendeskUserId(user)).orElse(List.of());
            now.forEach(m -> memberships.put(SnapshotFiles.idOf(m, "organization_memberships"), m));
            observer.page(now);
        }
    }

    private Result relist(SortedMap<Long, JsonNode> memberships, String why) {
        memberships.clear();
        ListPosition end = exporter.memberships(page -> {
            page.forEach(m -> memberships.put(SnapshotFiles.idOf(m, "organization_memberships"), m));
            observer.page(page);
        });
        return new Result(end, "memberships re-listed in full: " + why);
    }

    private static long user(JsonNode m) {
        return m.path("user_id").asLong();
    }

    private static long org(JsonNode m) {
        return m.path("organization_id").asLong();
    }
}
