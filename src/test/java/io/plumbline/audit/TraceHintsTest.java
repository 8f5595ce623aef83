package io.plumbline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.normalize.SalesforceIds;
import io.plumbline.testing.Snapshots;
import org.junit.jupiter.api.Test;

/** What a trace that finds nothing suggests: only records near the one asked for, at most three. */
class TraceHintsTest {
    @Test
    void email_nearInOnePartOnly_suggestedNearestFirstAtMostThree() {
        AuditResult r = Snapshots.with()
                .endUser(1, "ana@acme.example", null)
                .endUser(2, "ANA@acme.example", null)
                .endUser(3, "anna@acme.exmple", null)
                .endUser(4, "ana@acne.example", null)
                .endUser(5, "ann@acme.example", null)
                .endUser(6, "bob@acme.exmple", null)
                .endUser(7, "ana@acme.exmpel", null)
                .audit();

        // one letter away: 1 and 2 (one address in two cases), 3; two away: 7, then 4, left out; 5 differs
        // in both parts, 6 by three letters
        assertThat(new TraceHints(r.resolution()).email("ana@acme.exmple"))
                .containsExactly(
                        "  did you mean ana@acme.example (users 1, 2)? trace --user-email ana@acme.example",
                        "  did you mean anna@acme.exmple (user 3)? trace --user-email anna@acme.exmple",
                        "  did you mean ana@acme.exmpel (user 7)? trace --user-email ana@acme.exmpel");
        assertThat(new TraceHints(r.resolution()).email("zed@other.example")).isEmpty();
    }

    @Test
    void account_orgCarryingTheKeyEvenDeleted_isSuggested() {
        AuditResult r = Snapshots.with()
                .account("001A", "A", "a.example")
                .deletedOrg(5, "Old X", "KEY-9")
                .audit();

        assertThat(new TraceHints(r.resolution()).account(SalesforceIds.canonical("key-9")))
                .containsExactly("  org 5 'Old X' (deleted) carries external_id KEY-9, but no account in the accounts "
                        + "input has that id: trace the org with --zendesk-org-id 5");
    }
}
