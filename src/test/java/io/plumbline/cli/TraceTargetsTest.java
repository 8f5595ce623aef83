package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.testing.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** What {@code trace} takes as pasted: ids with spaces, record page addresses, emails as mail clients copy them. */
class TraceTargetsTest {
    @Test
    void zendeskId_numberOrAddressOfTheRecordsPage() {
        assertThat(TraceTargets.zendeskId(" 9008 ", "organizations")).isEqualTo(9008L);
        assertThat(TraceTargets.zendeskId("https://acme.zendesk.com/agent/organizations/9008", "organizations"))
                .isEqualTo(9008L);
        assertThat(TraceTargets.zendeskId("https://acme.zendesk.com/agent/organizations/9008/tickets", "organizations"))
                .isEqualTo(9008L);
        assertThat(TraceTargets.zendeskId("https://acme.zendesk.com/api/v2/users/7010.json", "users"))
                .isEqualTo(7010L);
        assertThat(TraceTargets.zendeskId("HTTPS://acme.zendesk.com/agent/users/7010?tab=orgs", "users"))
                .isEqualTo(7010L);
    }

    @Test
    void zendeskId_addressOfAnotherKindOfRecordOrNoId_saysWhatItIs() {
        assertThatThrownBy(() -> TraceTargets.zendeskId("https://a.zendesk.com/agent/users/7010", "organizations"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is the address of a Zendesk user (7010)")
                .hasMessageContaining("--zendesk-user-id 7010");
        assertThatThrownBy(() -> TraceTargets.zendeskId("https://a.zendesk.com/agent/tickets/10003", "users"))
                .hasMessageContaining(
                        "a Zendesk ticket (10003), not of a user; trace it with --zendesk-ticket-id 10003");
        assertThat(TraceTargets.zendeskId("https://a.zendesk.com/agent/tickets/10003", "tickets"))
                .isEqualTo(10003L);
        for (String bad : new String[] {"abc", "", "9008x", "organizations/9008", "https://a.zendesk.com/agent/"}) {
            assertThatThrownBy(() -> TraceTargets.zendeskId(bad, "organizations"))
                    .as(bad)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("is not a Zendesk organization id");
        }
    }

    @Test
    void accountId_fromLightningOrClassicPagesOrAsGiven() {
        assertThat(TraceTargets.accountId(
                        "https://acme.lightning.force.com/lightning/r/Account/001Dn00000NsMdQIAV/view"))
                .isEqualTo("001Dn00000NsMdQIAV");
        assertThat(TraceTargets.accountId("https://acme.lightning.force.com/lightning/r/001Dn00000NsMdQIAV/view"))
                .isEqualTo("001Dn00000NsMdQIAV");
        assertThat(TraceTargets.accountId("https://acme.my.salesforce.com/001Dn00000NsMdQ?srPos=0"))
                .isEqualTo("001Dn00000NsMdQ");
        assertThat(TraceTargets.accountId("  ACME-KEY-7 ")).isEqualTo("ACME-KEY-7");
        assertThatThrownBy(() -> TraceTargets.accountId("https://acme.my.salesforce.com/home/home.jsp"))
                .hasMessageContaining("is not the address of a Salesforce account's page");
    }

    @Test
    void email_asMailClientsCopyIt() {
        assertThat(TraceTargets.email("Riley Jones <riley@acme.example>")).isEqualTo("riley@acme.example");
        assertThat(TraceTargets.email(" mailto:riley@acme.example?subject=hi ")).isEqualTo("riley@acme.example");
        assertThat(TraceTargets.email("riley@acme.example")).isEqualTo("riley@acme.example");
    }

    @Test
    void pastedValues_noBreakSpacesAround_areStrippedAsOtherSpaces() {
        assertThat(TraceTargets.zendeskId("9001\u00A0", "organizations")).isEqualTo(9001L);
        assertThat(TraceTargets.zendeskId("\u202F7010\u2007", "users")).isEqualTo(7010L);
        assertThat(TraceTargets.accountId("001ACME001\u00A0")).isEqualTo("001ACME001");
        assertThat(TraceTargets.email("\u00A0maria.lopez@acmehealth.example"))
                .isEqualTo("maria.lopez@acmehealth.example");
        assertThat(TraceTargets.email("Maria <\u00A0maria.lopez@acmehealth.example\u00A0>"))
                .isEqualTo("maria.lopez@acmehealth.example");
        assertThat(TraceTargets.email("mailto:\u00A0maria.lopez@acmehealth.example"))
                .isEqualTo("maria.lopez@acmehealth.example");
    }

    @Test
    void trace_valuesPastedWithNoBreakSpaces_traceTheRecord() {
        Cli.Result account = Cli.run("trace", "--demo", "--sf-account-id", "001ACME001\u00A0");
        assertThat(account.exitCode()).as(account.err()).isZero();
        assertThat(account.out()).startsWith("Salesforce account 001ACME001 ");

        Cli.Result org = Cli.run("trace", "--demo", "--zendesk-org-id", "9001\u00A0");
        assertThat(org.exitCode()).as(org.err()).isZero();
        assertThat(org.out()).startsWith("Zendesk org 9001 ");

        Cli.Result user = Cli.run("trace", "--demo", "--user-email", "\u00A0maria.lopez@acmehealth.example");
        assertThat(user.exitCode()).as(user.err()).isZero();
        assertThat(user.out()).startsWith("Zendesk user ");
    }

    @Test
    void trace_pastedAddresses_traceTheRecord() {
        Cli.Result org =
                Cli.run("trace", "--demo", "--zendesk-org-id", "https://demo.zendesk.com/agent/organizations/9008");
        assertThat(org.exitCode()).as(org.err()).isZero();
        assertThat(org.out()).startsWith("Zendesk org 9008 ");

        Cli.Result account = Cli.run(
                "trace",
                "--demo",
                "--sf-account-id",
                "https://demo.lightning.force.com/lightning/r/Account/001Dn00000NsMdQIAV/view");
        assertThat(account.exitCode()).as(account.err()).isZero();
        assertThat(account.out()).startsWith("Salesforce account 001Dn00000NsMdQIAV ");

        Cli.Result wrongKind =
                Cli.run("trace", "--demo", "--zendesk-org-id", "https://demo.zendesk.com/agent/users/7010");
        assertThat(wrongKind.exitCode()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("trace it with --zendesk-user-id 7010");

        Cli.Result email = Cli.run("trace", "--demo", "--user-email", "Riley <riley.jones@acmestudios.example>");
        assertThat(email.out()).startsWith("Zendesk user 7010 ");
    }

    @Test
    void trace_ticketOfTheWindow_explainsItsRequesterAndIssue() {
        Cli.Result r =
                Cli.run("trace", "--demo", "--zendesk-ticket-id", "https://demo.zendesk.com/agent/tickets/10003");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("Zendesk ticket 10003 (status solved)\n  requester: user 7010 | org: 9001 | created ")
                .contains("  in the ticket window (activity from 2026-03-18T22:15:30Z on)\n")
                .contains("  requester riley.jones@acmestudios.example maps to 001ACME006 'Acme Studios': resolved to "
                        + "org 9006 'Acme Studios' (rule 2, external id)\n")
                .contains("  Decided: expected org 9006, but the ticket is on org 9001\n")
                .contains(
                        "Issues (1)\n  I0013 ticket_org_mismatch [medium, detected] org 9001 user 7010 ticket 10003\n");

        Cli.Result missing = Cli.run("trace", "--demo", "--zendesk-ticket-id", "1");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("Zendesk ticket 1 is not among the tickets of the ticket window in the demo input: it is not "
                        + "in the tickets export, or it was last active before 2026-03-18T22:15:30Z, and such a ticket "
                        + "is not checked");
    }
}
