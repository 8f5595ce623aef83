package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which account filters hold a subquery of their own (the contacts query does not nest them). */
class SoqlNamesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Id IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)",
                "Type = 'Customer' AND Id NOT IN (select AccountId FROM Case)",
                "Id IN (\n  SELECT AccountId FROM Contact)",
                "Name = 'O\\'Brien' AND Id IN (SELECT AccountId FROM Contact)"
            })
    void hasSubquery_semiJoinOutsideLiterals_isTrue(String filter) {
        assertThat(SoqlNames.hasSubquery(filter)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Type = 'Customer'",
                "Name = '(SELECT x)'",
                "Name = 'a\\' (SELECT' OR Type = 'b'",
                "Id IN ('001A', '001B')",
                "(Type = 'Customer') OR (Selected__c = true)"
            })
    void hasSubquery_noSemiJoin_isFalse(String filter) {
        assertThat(SoqlNames.hasSubquery(filter)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Name = 'a)'", "Name = 'O\\'Brien' AND (Type = 'x;y')", "Name = 'ends with \\\\'"})
    void filterProblem_parenthesesQuotesAndSemicolonsInsideLiterals_areNotCode(String filter) {
        assertThat(SoqlNames.filterProblem(filter)).isNull();
    }

    @Test
    void filterProblem_namesWhatIsWrongOutsideTheLiterals() {
        assertThat(SoqlNames.filterProblem("Name = 'x")).startsWith("a string literal is not closed");
        assertThat(SoqlNames.filterProblem("Name = 'x\\'")).startsWith("a string literal is not closed");
        assertThat(SoqlNames.filterProblem("(Type = 'a'")).isEqualTo("it opens 1 parenthesis(es) it does not close");
        assertThat(SoqlNames.filterProblem("Type = 'a)')"))
                .isEqualTo("a ')' at position 12 closes a parenthesis that was never opened");
        assertThat(SoqlNames.filterProblem("Type = 'a'; DELETE")).contains("';' outside a string literal");
    }
}
