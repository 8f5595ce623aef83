package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.Cli;
import org.junit.jupiter.api.Test;

/** {@code trace} as a user meets it: the record named in errors, what a miss suggests, the help. */
class TraceCommandTest {
    @Test
    void trace_zeroIds_exit2NamingTheKindOfRecord() {
        Cli.Result ticket = Cli.run("trace", "--demo", "--zendesk-ticket-id", "0");
        assertThat(ticket.exitCode()).isEqualTo(2);
        assertThat(ticket.err()).isEqualTo("error: Zendesk ticket 0: zendesk ticket id must be positive: 0\n");

        Cli.Result org = Cli.run("trace", "--demo", "--zendesk-org-id", "0");
        assertThat(org.exitCode()).isEqualTo(2);
        assertThat(org.err()).isEqualTo("error: Zendesk org 0: zendesk org id must be positive: 0\n");
    }

    @Test
    void trace_accountKeyOnlyAnOrgCarries_suggestsTracingTheOrg() {
        Cli.Result r = Cli.run("trace", "--demo", "--sf-account-id", "zd-legacy-4471");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: Salesforce account zd-legacy-4471 is not in the demo input\n"
                        + "  org 9010 'Westside Hospital Group' carries external_id ZD-LEGACY-4471, but no account in "
                        + "the accounts input has that id: trace the org with --zendesk-org-id 9010\n");
    }

    @Test
    void trace_15CharacterIdInTheWrongCase_suggestsTheAccountWithThoseCharacters() {
        Cli.Result r = Cli.run("trace", "--demo", "--sf-account-id", "001dn00000nsmdq");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: Salesforce account 001dn00000nsmdq is not in the demo input\n"
                        + "  did you mean account 001Dn00000NsMdQIAV 'Northshore Medical Network'? It has the same "
                        + "first 15 characters in another case, and Salesforce tells ids apart by the case of those 15 "
                        + "(the last 3 characters encode it), so 001dn00000nsmdqAAA is another id: trace "
                        + "--sf-account-id 001Dn00000NsMdQIAV\n");
    }

    @Test
    void trace_emailOneLetterOff_suggestsTheNearAddress() {
        Cli.Result r = Cli.run("trace", "--demo", "--user-email", "maria.lopez@acmehealth.exmaple");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: user maria.lopez@acmehealth.exmaple is not in the demo input\n"
                        + "  did you mean maria.lopez@acmehealth.example (user 7001)? trace --user-email "
                        + "maria.lopez@acmehealth.example\n");
    }

    @Test
    void trace_unknownAccountNothingNear_saysOnlyThatItIsNotThere() {
        Cli.Result r = Cli.run("trace", "--demo", "--sf-account-id", "001NOPE");
        assertThat(r.err()).isEqualTo("error: Salesforce account 001NOPE is not in the demo input\n");
    }

    @Test
    void help_namesTheTicketExampleEmailMatchingThePartsOfATraceAndTheExitCodes() {
        Cli.Result help = Cli.run("trace", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("  plumbline trace --demo --zendesk-ticket-id 10003\n")
                .contains("--user-email ignores case")
                .contains("every user with the address")
                .contains("  Resolution   each step that matched the record")
                .contains("  Decided by   the rule that settled an account")
                .contains("  Issues (N)   each issue that names the record")
                .contains("  Actions (N)  the planned fixes on the record")
                .contains("Exit codes: 0 the record was traced; 2 it is not in the input")
                .contains("3 an input file")
                .contains("a run folder's receipt.json is damaged")
                .doesNotContain("of the ticket window");

        // the parts the help names are the headings a trace prints
        assertThat(Cli.run("trace", "--demo", "--sf-account-id", "001ACME002")
                        .out()
                        .lines())
                .contains("Resolution")
                .anyMatch(l -> l.startsWith("  Decided by: "))
                .anyMatch(l -> l.startsWith("Issues ("))
                .anyMatch(l -> l.startsWith("Actions ("));
    }
}
