package io.plumbline.detect;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.model.Ticket;
import io.plumbline.model.TicketTable;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.resolve.AccountOutcome;
import io.plumbline.resolve.AccountResolution;
import io.plumbline.resolve.Resolution;
import io.plumbline.resolve.UserResolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tickets in the lookback window whose organization disagrees with the requester's expected org, or
 * whose requester's account is blocked upstream. Detection only: tickets are never written.
 */
final class TicketIssueDetector implements Detector {

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

    /**
     * The issue for one ticket, or null when it is fine, outside the window, deleted (an export lists a
     * deleted ticket with status {@code deleted}; a live pull leaves it out), or has no expectation.
     */
    static Issue check(Ticket t, Resolution resolution) {
        if (!t.inWindow(resolution.ticketWindowStart()) || t.requesterId() == null) {
            return null;
        }
        UserResolution u = resolution.users().get(t.requesterId());
        if (u == null || !u.mapped()) {
            return null;
        }
        Set<ZendeskOrgId> expectedOrgs = new TreeSet<>();
        List<AccountResolution> blocked = new ArrayList<>();
        boolean someUnresolved = false;
        for (SalesforceAccountId id : u.accounts()) {
            AccountResolution a = resolution.account(id);
            if (a.resolved()) {
                expectedOrgs.add(a.org().id());
            } else {
                someUnresolved = true;
                if (a.outcome() == AccountOutcome.BLOCKED_DUPLICATE) {
                    blocked.add(a);
                }
            }
        }
        if (t.organizationId() != null && expectedOrgs.contains(t.organizationId())) {
            return null;
        }
        AccountResolution decisive = u.primary() != null ? resolution.account(u.primary()) : null;
        if (decisive != null ? decisive.outcome() == AccountOutcome.BLOCKED_DUPLICATE : !blocked.isEmpty()) {
            return blockedIssue(t, u, decisive != null ? decisive : blocked.get(0));
        }
        // without a primary, a ticket may be any of the requester's accounts': one whose org is not known
        // (no org, or a conflict) may be the ticket's, so the ticket cannot be judged
        if (decisive != null ? !decisive.resolved() : someUnresolved || expectedOrgs.isEmpty()) {
            return null;
        }
        AccountResolution expected = decisive != null ? decisive : firstResolved(u, resolution);
        List<ZendeskOrgId> expectedIds =
                decisive != null ? List.of(decisive.org().id()) : List.copyOf(expectedOrgs);
        String expectedValue = expectedIds.stream().map(ZendeskOrgId::toString).collect(Collectors.joining(" "));
        return IssueBuilder.of(IssueCode.TICKET_ORG_MISMATCH, expected.account())
                .org(t.organizationId())
                .user(t.requesterId())
                .ticket(t.id())
                .current(t.organizationId() == null ? "" : t.organizationId().toString())
                .expected(expectedValue)
                .relatedOrgs(expectedIds)
                .evidence(
                        "requester %s maps to %s; ticket is on %s",
                        u.user().email(),
                        expected.account().id(),
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
