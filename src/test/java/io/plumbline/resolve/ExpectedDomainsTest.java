package io.plumbline.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Account;
import io.plumbline.model.Domain;
import io.plumbline.model.SalesforceAccountId;
import io.plumbline.normalize.PersonalDomains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectedDomainsTest {
    @ParameterizedTest
    @ValueSource(strings = {"n/a", "-", "gmail.com"})
    void of_overrideWithNoDomain_leavesTheAccountsOwnDomainsAndReportsIt(String override) {
        ExpectedDomains e = ExpectedDomains.of(account(override), PersonalDomains.builtIn());

        assertThat(e.domains()).containsExactly(new Domain("acme.example"), new Domain("www-acme.example"));
        assertThat(e.fromOverride()).isFalse();
        assertThat(e.corrupted()).extracting(CorruptedToken::field).containsExactly("zendesk_domain_override");
    }

    @ParameterizedTest
    @ValueSource(strings = {"support.acme.example", "n/a support.acme.example"})
    void of_overrideWithADomain_replacesTheOthers(String override) {
        ExpectedDomains e = ExpectedDomains.of(account(override), PersonalDomains.builtIn());

        assertThat(e.domains()).containsExactly(new Domain("support.acme.example"));
        assertThat(e.fromOverride()).isTrue();
    }

    @Test
    void of_countrySecondLevelAlone_isReportedNotExpected() {
        ExpectedDomains e = ExpectedDomains.of(
                new Account(new SalesforceAccountId("001A"), "Acme", "co.uk acme.co.uk", "", "", "", "", 2),
                PersonalDomains.builtIn());

        assertThat(e.domains()).containsExactly(new Domain("acme.co.uk"));
        assertThat(e.corrupted()).extracting(CorruptedToken::token).containsExactly("co.uk");
    }

    private static Account account(String override) {
        return new Account(
                new SalesforceAccountId("001A"),
                "Acme",
                "acme.example",
                "https://www-acme.example",
                override,
                "",
                "",
                2);
    }
}
