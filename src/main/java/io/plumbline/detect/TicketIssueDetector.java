package io.plumbline.detect;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Texts;
import io.plumbline.model.Ticket;
import io.plumbline.model.TicketTable;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.resolve.AccountOutcome;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.Resolution;
import io.plumbline.resolve.UserResolution;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Tickets in the lookback window whose organization disagrees with the requester's expected org, or
 * whose requester's account is blocked upstream. Detection only: tickets are never written.
 */
public final class TicketIssueDetector implements Detector {

    @Override
    public List<Issue> detect(Resolution resolution) {
        List<Ticket> tickets = resolution.snapshot().tickets();
        IntStream candidates;
        if (tickets instanceof TicketTable table) {
            // a compact table answers the window question without building the tickets outside it
            IntStream.Builder inWindow = IntStream.builder();
            table.forEachInWindow(resolution.ticketWindowStart(), inWindow::add);
            candidates = inWindow.build();
        } else {
            candidates = IntStream.range(0, tickets.size());
        }
        // tickets are checked independently of each other; the detector's caller sorts the issues
        return candidates
                .parallel()
                .mapToObj(i -> check(tickets.get(i), resolution))
                .filter(Objects::nonNull)
                .toList();
    }

    /** How the detector judges one ticket. */
    public enum Verdict {
        /** Outside the window, or deleted: not checked. */
        NOT_CHECKED,
        /** No requester, or one that maps to no account: no expected org. */
        NO_EXPECTATION,
        /** On one of the orgs its requester's accounts resolve to. */
        ON_EXPECTED_ORG,
        /** The deciding account's org is ambiguous (a duplicate external_id): review-only. */
        BLOCKED,
        /** The account that decides (the requester's only, or primary, one) has no known org. */
        NO_KNOWN_ORG,
        /** The requester maps to several accounts, no primary decides, and one has no known org. */
        UNDECIDED,
        /** On another org than the expected one(s). */
        MISMATCH
    }

    /**
     * The verdict on one ticket, with the orgs it may carry ({@code expected}) and the account that
     * decided it ({@code account}: the blocked one, the one without a known org, or the expected one).
     */
    public record Judgement(Verdict verdict, List<ZendeskOrgId> expected, AccountResolution account) {}

    /**
     * The issue for one ticket, or null when it is fine, outside the window, deleted (an export lists a
     * deleted ticket with status {@code deleted}; a live pull leaves it out), or has no expectation.
     */
    static Issue check(Ticket t, Resolution resolution) {
        Judgement j = judge(t, resolution);
        return switch (j.verdict()) {
            case BLOCKED -> blockedIssue(t, resolution.users().get(t.requesterId()), j.account());
            case MISMATCH -> mismatch(t, resolution.users().get(t.requesterId()), j);
            default -> null;
        };
    }

    /**
     * Judges one ticket, as {@link #check} reports it: a ticket is of one of its requester's accounts;
     * without a primary contact to decide which, it may carry the org of any of them, and when one of them
     * has no known org (none, or a conflict) the ticket may rightly be that account's: it is not judged.
     */
    public static Judgement judge(Ticket t, Resolution resolution) {
        if (!t.inWindow(resolution.ticketWindowStart())) {
            return new Judgement(Verdict.NOT_CHECKED, List.of(), null);
        }
        UserResolution u = t.requesterId() == null ? null : resolution.users().get(t.requesterId());
        if (u == null || !u.mapped()) {
            return new Judgement(Verdict.NO_EXPECTATION, List.of(), null);
        }
        Set<ZendeskOrgId> expectedOrgs = new TreeSet<>();
        AccountResolution blocked = null;
        AccountResolution unresolved = null;
        for (SalesforceAccountId id : u.accounts()) {
            AccountResolution a = resolution.account(id);
            if (a.resolved()) {
                expectedOrgs.add(a.org().id());
            } else if (a.outcome() == AccountOutcome.BLOCKED_DUPLICATE) {
                blocked = blocked == null ? a : blocked;
            } else {
                unresolved = unresolved == null ? a : unresolved;
            }
        }
        if (t.organizationId() != null && expectedOrgs.contains(t.organizationId())) {
            return new Judgement(Verdict.ON_EXPECTED_ORG, List.copyOf(expectedOrgs), null);
        }
        AccountResolution decisive = u.primary() != null ? resolution.account(u.primary()) : null;
        if (decisive != null ? decisive.outcome() == AccountOutcome.BLOCKED_DUPLICATE : blocked != null) {
            return new Judgement(Verdict.BLOCKED, List.of(), decisive != null ? decisive : blocked);
        }
        if (decisive != null && !decisive.resolved()) {
            return new Judgement(Verdict.NO_KNOWN_ORG, List.of(), decisive);
        }
        if (decisive == null && (unresolved != null || expectedOrgs.isEmpty())) {
            return new Judgement(Verdict.UNDECIDED, List.of(), unresolved);
        }
        AccountResolution expected = decisive != null ? decisive : firstResolved(u, resolution);
        return new Judgement(
                Verdict.MISMATCH,
                decisive != null ? List.of(decisive.org().id()) : List.copyOf(expectedOrgs),
                expected);
    }

    private static Issue mismatch(Ticket t, UserResolution u, Judgement j) {
        // a requester of thousands of accounts (one contact email on all of them) would make each of its
        // tickets' rows name every org: the first are named, the rest counted, and the lists kept only while
        // short enough to name
        String expectedValue = Texts.listed(
                j.expected().stream().map(ZendeskOrgId::toString).toList(), " ", AccountIssueDetector.NAMED);
        boolean few = j.expected().size() <= AccountIssueDetector.NAMED + 1;
        return IssueBuilder.of(IssueCode.TICKET_ORG_MISMATCH, j.account().account())
                .org(t.organizationId())
                .user(t.requesterId())
                .ticket(t.id())
                .current(t.organizationId() == null ? "" : t.organizationId().toString())
                .expected(expectedValue)
                .relatedOrgs(few ? j.expected() : List.of())
                // without a primary the ticket may be of any of the requester's accounts: the row is filed
                // under the first, and names the others so that their traces list it too
                .relatedAccounts(
                        u.primary() == null && u.accounts().size() <= AccountIssueDetector.NAMED + 1
                                ? u.accounts()
                                : List.of())
                .evidence(
                        "requester %s maps to %s; ticket is on %s",
                        u.user().email(),
                        j.account().account().id(),
                        t.organizationId() == null ? "no org" : "org " + t.organizationId())
                .build();
    }

    private static Issue blockedIssue(Ticket t, UserResolution u, AccountResolution account) {
        return IssueBuilder.of(IssueCode.TICKET_RESOLUTION_BLOCKED_DUPLICATE_EXTERNAL_ID, account.account())
                .org(t.organizationId())
                .user(t.requesterId())
                .ticket(t.id())
                .current(t.organizationId() == null ? "" : t.organizationId().toString())
                .evidence(
                        "requester %s maps to %s, whose org is ambiguous (%d orgs carry its external_id)",
                        u.user().email(),
                        account.account().id(),
                        account.externalIdMatches().size())
                .build();
    }

    private static AccountResolution firstResolved(UserResolution u, Resolution resolution) {
        return u.accounts().stream()
                .map(resolution::account)
                .filter(AccountResolution::resolved)
                .findFirst()
                .orElseThrow();
    }
}
