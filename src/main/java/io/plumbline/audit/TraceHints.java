package io.plumbline.audit;

import io.plumbline.model.Organization;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.User;
import io.plumbline.model.ZendeskUserId;
import io.plumbline.normalize.SalesforceIds;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.ExternalIdKey;
import io.plumbline.resolve.Resolution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a trace that found no record suggests instead, as lines to add to its error: the records the
 * person may have meant. Only words: what a trace finds stays exact, as resolution is. At most {@link
 * #MAX} lines, none when nothing is near.
 */
public final class TraceHints {
    static final int MAX = 3;

    private final Resolution resolution;

    public TraceHints(Resolution resolution) {
        this.resolution = resolution;
    }

    /**
     * For an account key no account has: the orgs whose external_id is that key (the key may be known to
     * Zendesk only), and the accounts whose id is the same 15 characters in another case (a 15-character
     * id is case-sensitive, so typed in another case it converts to another 18-character id).
     */
    public List<String> account(SalesforceAccountId id) {
        List<String> out = new ArrayList<>();
        for (Organization org : resolution.snapshot().organizations()) {
            if (org.hasExternalId()
                    && ExternalIdKey.ofOrgExternalId(org.externalId()).key().equals(ExternalIdKey.ofAccount(id))) {
                out.add("  org " + org.id() + " '" + org.name() + "'" + (org.deleted() ? " (deleted)" : "")
                        + " carries external_id " + org.externalId()
                        + ", but no account in the accounts input has that id: trace the org with --zendesk-org-id "
                        + org.id());
            }
        }
        String typed = fifteen(id.value());
        for (AccountResolution r : resolution.accounts().values()) {
            SalesforceAccountId other = r.account().id();
            String own = fifteen(other.value());
            if (!other.equals(id) && typed != null && typed.equalsIgnoreCase(own)) {
                out.add("  did you mean account " + other + " '" + r.account().name() + "'? It has the same first 15 "
                        + "characters in another case, and Salesforce tells ids apart by the case of those 15 (the "
                        + "last 3 characters encode it), so " + id + " is another id: trace --sf-account-id "
                        + other);
            }
        }
        return out.size() > MAX ? List.copyOf(out.subList(0, MAX)) : List.copyOf(out);
    }

    /**
     * For an email address no user has (in any case): the addresses of users that differ from it only in
     * the domain or only in the part before the {@code @}, by one or two letters inserted, deleted or
     * replaced, nearest first, each with the users that have it.
     */
    public List<String> email(String email) {
        String key = Tracer.emailKey(email);
        Map<String, Near> near = new TreeMap<>();
        resolution.users().values().forEach(u -> {
            User user = u.user();
            if (user.email() == null || user.email().isBlank()) {
                return;
            }
            String other = Tracer.emailKey(user.email());
            int edits = edits(key, other);
            if (edits > 0 && edits <= 2) {
                near.computeIfAbsent(other, k -> new Near(k, edits, new ArrayList<>()))
                        .users()
                        .add(user.id());
            }
        });
        return near.values().stream()
                .sorted(Comparator.comparingInt(Near::edits).thenComparing(Near::email))
                .limit(MAX)
                .map(n -> "  did you mean " + n.email() + " (" + (n.users().size() == 1 ? "user " : "users ")
                        + String.join(
                                ", ",
                                n.users().stream()
                                        .sorted()
                                        .map(ZendeskUserId::toString)
                                        .toList())
                        + ")? trace --user-email " + n.email())
                .toList();
    }

    /** An address near the one asked for, {@code edits} letters away, and the ids of the users with it. */
    private record Near(String email, int edits, List<ZendeskUserId> users) {}

    /**
     * The letters to insert, delete or replace to turn address {@code a} into {@code b} when they differ in
     * one part only (the part before the {@code @}, or the domain); {@link Integer#MAX_VALUE} when both
     * differ, or either is no address.
     */
    static int edits(String a, String b) {
        int atA = a.lastIndexOf('@');
        int atB = b.lastIndexOf('@');
        if (atA < 0 || atB < 0) {
            return Integer.MAX_VALUE;
        }
        String localA = a.substring(0, atA);
        String localB = b.substring(0, atB);
        String domainA = a.substring(atA + 1);
        String domainB = b.substring(atB + 1);
        if (localA.equals(localB)) {
            return levenshtein(domainA, domainB);
        }
        return domainA.equals(domainB) ? levenshtein(localA, localB) : Integer.MAX_VALUE;
    }

    /** The letters between {@code a} and {@code b}; any value over 2 when they differ in length by more. */
    private static int levenshtein(String a, String b) {
        // nearer than that is all that is asked, and a long address is not compared in full
        return Math.abs(a.length() - b.length()) > 2 ? 3 : Texts.edits(a, b);
    }

    /**
     * The 15-character form of a Salesforce Account Id (its first 15 characters, when they are one), or null
     * for another key.
     */
    private static String fifteen(String id) {
        if (id.length() != 15 && id.length() != 18) {
            return null;
        }
        String head = id.substring(0, 15);
        return SalesforceIds.isAccountId15(head) ? head : null;
    }
}
