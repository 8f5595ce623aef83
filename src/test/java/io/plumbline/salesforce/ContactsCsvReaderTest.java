package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.plumbline.errors.InputException;
import io.plumbline.model.Contact;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsCsvReaderTest {
    private static final String HEADER = "email,sf_account_id,is_primary\n";

    private static List<Contact> read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Contact> read(byte[] csv) {
        return ContactsCsvReader.read(new ByteArrayInputStream(csv), "contacts.csv");
    }

    private static List<Contact> read(String csv, List<String> warnings) {
        return ContactsCsvReader.read(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "contacts.csv", warnings::add);
    }

    private static void assertFails(String csv, String message) {
        assertThatThrownBy(() -> read(csv)).isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void read_validRows_mapsEmailAccountAndPrimary() {
        assertThat(read(HEADER + " jane@acme.example ,001ACME001,true\njoe@beta.example,001BETA001,false\n"))
                .extracting(c -> c.email(), c -> c.accountId().value(), Contact::primary, Contact::sourceLine)
                .containsExactly(
                        tuple("jane@acme.example", "001ACME001", true, 2L),
                        tuple("joe@beta.example", "001BETA001", false, 3L));
    }

    @Test
    void read_isPrimarySpelledAnotherWay_isAnErrorNotEveryContactNonPrimary() {
        assertFails(
                "email,sf_account_id,IsPrimary\njane@acme.example,001A,true\n",
                "contacts.csv:1:3: error: column 'IsPrimary' looks like 'is_primary' but is not spelled so, and would "
                        + "be ignored; rename it to is_primary (the columns read are: email, sf_account_id, is_primary)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"is_primry", "Primary", "isprimery"})
    void read_isPrimaryMisspelled_isAnErrorNotEveryContactNonPrimary(String column) {
        assertFails(
                "email,sf_account_id," + column + "\njane@acme.example,001A,true\n",
                "contacts.csv:1:3: error: column '" + column + "' looks like 'is_primary' but is not spelled so, and "
                        + "would be ignored; rename it to is_primary, or remove the column if it holds something "
                        + "else (the columns read are: email, sf_account_id, is_primary)");
    }

    @Test
    void read_contactExportWithManyOtherColumns_loadsAndNotesThemOnce() {
        List<String> warnings = new ArrayList<>();
        List<Contact> contacts = read(
                "Id,FirstName,LastName,Email,AccountId,sf_account_id,HasOptedOutOfEmail,Email Bounced Reason,Title\n"
                        + "003A,Jane,Doe,jane@acme.example,001A,001A,false,,CTO\n",
                warnings);

        assertThat(contacts).extracting(Contact::email).containsExactly("jane@acme.example");
        assertThat(warnings)
                .containsExactly("contacts.csv: 7 columns are not used: Id, FirstName, LastName, AccountId, "
                        + "HasOptedOutOfEmail, Email Bounced Reason, Title (the columns read are: email, "
                        + "sf_account_id, is_primary)");
    }

    @Test
    void read_emailMissingBesideSeveralColumnsNamingEmail_namesNoneOfThemAsTheEmail() {
        assertFails(
                "Mail,sf_account_id,Emails\njane@acme.example,001A,x\n",
                "contacts.csv:1:1: error: missing required column email (the header has: mail, sf_account_id, "
                        + "emails)");
        assertFails(
                "E-Mail Adress,sf_account_id,HasOptedOutOfEmail\njane@acme.example,001A,false\n",
                "contacts.csv:1:1: error: missing required column email (the header has: e-mail adress, "
                        + "sf_account_id, hasoptedoutofemail)");
        assertFails(
                "Emial,sf_account_id,HasOptedOutOfEmail\njane@acme.example,001A,false\n",
                "contacts.csv:1:1: error: missing required column email (the header has: emial, sf_account_id, "
                        + "hasoptedoutofemail); if they are these columns, rename 'emial' to email");
    }

    @Test
    void read_samePersonOnSeveralAccounts_keepsOneRowPerAccount() {
        assertThat(read(HEADER + "jane@acme.example,001A,true\njane@acme.example,001B,false\n"))
                .extracting(c -> c.accountId().value())
                .containsExactly("001A", "001B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "1", "yes", "YES", "y", " Y "})
    void read_isPrimaryTruthy_isTrue(String value) {
        assertThat(read(HEADER + "jane@acme.example,001A," + value + "\n"))
                .singleElement()
                .extracting(Contact::primary)
                .isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "0", "no", "No", "n", "", "  "})
    void read_isPrimaryFalsyOrBlank_isFalse(String value) {
        assertThat(read(HEADER + "jane@acme.example,001A," + value + "\n"))
                .singleElement()
                .extracting(Contact::primary)
                .isEqualTo(false);
    }

    @Test
    void read_isPrimaryColumnAbsent_isFalse() {
        assertThat(read("email,sf_account_id\njane@acme.example,001A\n"))
                .singleElement()
                .extracting(Contact::primary)
                .isEqualTo(false);
    }

    @Test
    void read_isPrimaryUnrecognized_failsWithLineAndColumn() {
        assertFails(
                HEADER + "jane@acme.example,001A,maybe\n",
                "contacts.csv:2:3: error: is_primary must be true or false, found 'maybe'");
    }

    @Test
    void read_blankEmail_skipsTheRow() {
        assertThat(read(HEADER + ",001A,true\njoe@beta.example,001B,\n"))
                .extracting(Contact::email)
                .containsExactly("joe@beta.example");
    }

    @Test
    void read_fifteenCharacterAccountId_isConvertedToEighteen() {
        assertThat(read(HEADER + "jane@acme.example,001M000000qfPyS,\n"))
                .extracting(c -> c.accountId().value())
                .containsExactly("001M000000qfPySIAU");
    }

    @Test
    void read_dataLoaderHeader_namesOnlyTheContactsRenames() {
        assertThatThrownBy(() -> read("Id,AccountId,Email\n003A,001A,a@acme.example\n"))
                .hasMessageEndingWith("(the header has: id, accountid, email); if they are these columns, rename "
                        + "'accountid' to sf_account_id");
    }

    @Test
    void read_blankAccountId_skipsTheRowAsAContactOfNoAccount() {
        assertThat(read(HEADER + "jane@acme.example,,true\nkim@acme.example,  ,\nlee@acme.example,001ACME001,\n"))
                .extracting(c -> c.email())
                .containsExactly("lee@acme.example");
    }

    @Test
    void read_everyAccountIdBlank_isTheWrongColumnNotAFileOfPrivateContacts() {
        // a row with an account but no email says the column is right, though it maps nobody
        assertThat(read(HEADER + "jane@acme.example,,true\n,001ACME001,\n")).isEmpty();
        assertFails(
                HEADER + "jane@acme.example,,true\nkim@acme.example,,\n",
                "contacts.csv:2:2: error: every contact's sf_account_id is blank, so no contact maps anyone to an "
                        + "account; is the account id in another column of the export?");
    }

    @Test
    void read_malformedAccountId_failsWithLineAndColumn() {
        assertFails(
                HEADER + "jane@acme.example,001 A,true\n",
                "contacts.csv:2:2: error: malformed sf_account_id '001 A': "
                        + "contains whitespace or a control character at position 4");
    }

    @Test
    void read_missingHeaderColumn_listsWhatIsMissingAndWhatTheHeaderHas() {
        assertFails(
                "email,account\njane@acme.example,001A\n",
                "contacts.csv:1:1: error: missing required column sf_account_id (the header has: email, account)");
    }

    @Test
    void read_emptyFile_failsAskingForHeader() {
        assertFails("", "contacts.csv:1:1: error: empty file: expected a header row with email, sf_account_id");
    }

    @Test
    void read_utf8BomAndQuotedFields_areHandled() {
        assertThat(read("\uFEFF" + HEADER + "\"jane@acme.example\",\"001A\",\"yes\"\n"))
                .extracting(Contact::email, Contact::primary)
                .containsExactly(tuple("jane@acme.example", true));
    }

    @Test
    void read_extraFieldsBeyondHeader_failsWithLineAndColumn() {
        assertFails(
                HEADER + "jane@acme.example,001A,true,extra\n",
                "contacts.csv:2:4: error: row has 4 fields but the header has 3; quote values that contain commas");
    }

    @Test
    void read_fewerFieldsThanHeader_failsWithLineAndColumnOfTheFirstMissingField() {
        assertFails(
                HEADER + "jane@acme.example,001A,true\njoe@beta.example,001B\n",
                "contacts.csv:3:3: error: row has 2 fields but the header has 3; "
                        + "keep the commas of empty values and quote values that contain line breaks");
    }

    @Test
    void read_blankAndWhitespaceOnlyLines_areSkipped() {
        assertThat(read(HEADER + "\njane@acme.example,001A,true\n  \r\n\r\n"))
                .extracting(Contact::email, Contact::sourceLine)
                .containsExactly(tuple("jane@acme.example", 3L));
    }

    @Test
    void read_invalidUtf8_failsNamingLineAndCharacterOfTheByte() {
        byte[] csv = new byte[] {'e', 'm', 'a', 'i', 'l', (byte) 0xff, '\n'};

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(InputException.class)
                .hasMessage("contacts.csv:1: error: not valid UTF-8 text (byte 0xFF at character 6 of the line); "
                        + "save the file as UTF-8");
    }

    @Test
    void read_isPrimaryWithControlCharacter_failsShowingItEscaped() {
        assertFails(
                HEADER + "jane@acme.example,001A,\"tr\u0007ue\"\n",
                "contacts.csv:2:3: error: is_primary must be true or false, found 'tr\\u0007ue'");
    }
}
