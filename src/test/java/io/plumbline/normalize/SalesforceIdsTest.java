package io.plumbline.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SalesforceIdsTest {

    @Test
    void to18_documentedExample_appendsIAU() {
        assertThat(SalesforceIds.to18("001M000000qfPyS")).isEqualTo("001M000000qfPySIAU");
    }

    /** Each chunk of five sets bit k when its character k is A-Z; the sum indexes A-Z then 0-5. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "001000000000000, AAA",
        "aaaaaaaaaaaaaaa, AAA",
        "AAAAAAAAAAAAAAA, 555",
        "A0000B0000C0000, BBB",
        "0A0000B0000C000, CCC",
        "0000A0000A0000A, QQQ",
        "ZZZZZ00000zzzzz, 5AA",
        "001M000000qfPys, IAE"
    })
    void to18_checksum_followsTheBitRule(String id15, String checksum) {
        assertThat(SalesforceIds.to18(id15)).isEqualTo(id15 + checksum);
    }

    @Test
    void to18_wrongLength_throws() {
        assertThatThrownBy(() -> SalesforceIds.to18("001M000000qfPySIAU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a 15-character Salesforce id: 001M000000qfPySIAU");
    }

    @Test
    void canonical_fifteenCharacterAccountId_becomesEighteen() {
        assertThat(SalesforceIds.canonical("001M000000qfPyS").value()).isEqualTo("001M000000qfPySIAU");
    }

    @Test
    void canonical_otherKeys_passThrough() {
        assertThat(SalesforceIds.canonical("001M000000qfPySIAU").value()).isEqualTo("001M000000qfPySIAU");
        assertThat(SalesforceIds.canonical("003M000000qfPyS").value()).isEqualTo("003M000000qfPyS");
        assertThat(SalesforceIds.canonical("001ACME001").value()).isEqualTo("001ACME001");
        assertThat(SalesforceIds.canonical("001M000000qfP-S").value()).isEqualTo("001M000000qfP-S");
    }

    @Test
    void canonical_invalidKey_throwsNamingTheProblem() {
        assertThatThrownBy(() -> SalesforceIds.canonical("001 M"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whitespace");
    }

    @Test
    void isAccountId15_onlyAccountPrefixAndAlphanumerics() {
        assertThat(SalesforceIds.isAccountId15("001M000000qfPyS")).isTrue();
        assertThat(SalesforceIds.isAccountId15("003M000000qfPyS")).isFalse();
        assertThat(SalesforceIds.isAccountId15("001M000000qfPy")).isFalse();
        assertThat(SalesforceIds.isAccountId15(null)).isFalse();
    }

    @Test
    void names_externalIdInTheOtherUnicodeForm_namesTheAccount() {
        assertThat(SalesforceIds.names("kunde-a\u03081", "KUNDE-\u00c41")).isTrue();
        assertThat(SalesforceIds.names("KUNDE-\u00c41", "kunde-a\u03081")).isTrue();
        assertThat(SalesforceIds.names("kunde-a1", "KUNDE-\u00c41")).isFalse();
    }
}
