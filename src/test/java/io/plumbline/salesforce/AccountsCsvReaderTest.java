package io.plumbline.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.plumbline.errors.InputException;
import io.plumbline.model.Account;
import io.plumbline.normalize.SalesforceIds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsCsvReaderTest {
    private static final String HEADER = "sf_account_id,account_name,account_domains\n";

    private static List<Account> read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Account> read(byte[] csv) {
        return AccountsCsvReader.read(new ByteArrayInputStream(csv), "accounts.csv");
    }

    private static List<Account> read(String csv, List<String> warnings) {
        return AccountsCsvReader.read(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "accounts.csv", warnings::add);
    }

    private static void assertFails(String csv, String message) {
        assertThatThrownBy(() -> read(csv)).isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void read_exportSavedAnotherWay_saysWhatTheFileLooksLike() {
        String csv = "sf_account_id,account_name,account_domains\n001A,Acme,acme.example\n";
        assertThatThrownBy(() -> read(csv.getBytes(StandardCharsets.UTF_16)))
                .hasMessageContaining("(it starts as UTF-16 text does, as Excel's \"Unicode Text\" saves it");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThatThrownBy(() -> read(gz.toByteArray())).hasMessageContaining("(it starts as a gzip file does");
        assertThatThrownBy(() -> read(csv.replace(',', ';')))
                .hasMessageEndingWith("; the header looks ';'-separated: save the file with commas between fields");
        assertThatThrownBy(() -> read(csv.replace(',', '\t'))).hasMessageContaining("the header looks tab-separated");
        assertThatThrownBy(() -> read("sep=,\n" + csv))
                .hasMessageEndingWith("; the first line is Excel's 'sep=' line: remove it");
        assertFails(
                "Id,Name,Domain\n001A,Acme,acme.example\n",
                "accounts.csv:1:1: error: missing required columns sf_account_id, account_name, account_domains (the "
                        + "header has: id, name, domain); if they are these columns, rename 'id' to sf_account_id, "
                        + "'name' to account_name, 'domain' to account_domains");
    }

    @Test
    void read_formattedReportExportFooter_saysItIsTheReportsFooter() {
        assertFails(
                "sf_account_id,account_name,account_domains\n001A,Acme,acme.example\n\n\"Grand Totals (1 record)\"\n",
                "accounts.csv:4:2: error: row has 1 field but the header has 3; it is the footer a Salesforce report "
                        + "export adds: export the report's details only, or delete the lines from this one on");
    }

    @Test
    void read_allColumns_mapsEveryField() {
        List<Account> accounts = read("sf_account_id,account_name,account_domains,website,zendesk_domain_override,"
                + "zendesk_org_id,parent_account_id\n"
                + "001ACME001, Acme Healthcare ,acme.example; acmehealth.example,https://www.acme.example,"
                + "override.example, 9001 ,001ACME000\n");

        assertThat(accounts)
                .containsExactly(new Account(
                        SalesforceIds.canonical("001ACME001"),
                        "Acme Healthcare",
                        "acme.example; acmehealth.example",
                        "https://www.acme.example",
                        "override.example",
                        "9001",
                        "001ACME000",
                        2));
    }

    @Test
    void read_optionalColumnsAbsent_leavesThemBlank() {
        Account account = read(HEADER + "001ACME001,Acme,acme.example\n").get(0);

        assertThat(account.website()).isEmpty();
        assertThat(account.domainOverride()).isEmpty();
        assertThat(account.storedOrgId()).isEmpty();
        assertThat(account.parentAccountId()).isEmpty();
    }

    @Test
    void read_headerOnly_returnsNoAccounts() {
        assertThat(read(HEADER)).isEmpty();
    }

    @Test
    void read_headerNamesInAnyCaseAndPadded_areMatched() {
        assertThat(read(" SF_Account_Id , Account_Name ,ACCOUNT_DOMAINS\n001A,Acme,a.example\n"))
                .extracting(a -> a.id().value())
                .containsExactly("001A");
    }

    @Test
    void read_unknownColumns_areIgnored() {
        assertThat(read("region,sf_account_id,account_name,account_domains\nEMEA,001A,Acme,a.example\n"))
                .extracting(Account::name)
                .containsExactly("Acme");
    }

    @Test
    void read_missingHeaderColumn_listsWhatIsMissingAndWhatTheHeaderHas() {
        assertFails(
                "sf_account_id,account_name,website\n001A,Acme,\n",
                "accounts.csv:1:1: error: missing required column account_domains "
                        + "(the header has: sf_account_id, account_name, website)");
    }

    @Test
    void read_knownColumnSpelledAnotherWay_isAnErrorNotASilentlyBlankColumn() {
        assertFails(
                "sf_account_id,account_name,account_domains,Zendesk Org Id\n001A,Acme,acme.com,9001\n",
                "accounts.csv:1:4: error: column 'Zendesk Org Id' looks like 'zendesk_org_id' but is not spelled so, "
                        + "and would be ignored; rename it to zendesk_org_id (the columns read are: sf_account_id, "
                        + "account_name, account_domains, website, zendesk_domain_override, zendesk_org_id, "
                        + "parent_account_id)");
        // the managed package's field as an export by API name heads it: every stored org id would be blank
        assertFails(
                "sf_account_id,account_name,account_domains,Zendesk__Zendesk_Organization_Id__c\n001A,Acme,acme.com,"
                        + "9001\n",
                "accounts.csv:1:4: error: column 'Zendesk__Zendesk_Organization_Id__c' is Salesforce's name for "
                        + "'zendesk_org_id' but is not read under it, and would be ignored; rename it to zendesk_org_id "
                        + "(the columns read are: sf_account_id, account_name, account_domains, website, "
                        + "zendesk_domain_override, zendesk_org_id, parent_account_id)");
        assertFails(
                "SF-Account-ID,account_name,account_domains\n001A,Acme,acme.com\n",
                "accounts.csv:1:1: error: column 'SF-Account-ID' looks like 'sf_account_id' but is not spelled so, "
                        + "and would be ignored; rename it to sf_account_id (the columns read are: sf_account_id, "
                        + "account_name, account_domains, website, zendesk_domain_override, zendesk_org_id, "
                        + "parent_account_id)");
    }

    @Test
    void read_unrelatedExtraColumns_areStillIgnored() {
        assertThat(read("sf_account_id,account_name,account_domains,Owner,zendesk_org_id,Zendesk Org Name\n"
                        + "001A,Acme,acme.com,Ann,9001,Acme Inc\n"))
                .extracting(Account::storedOrgId)
                .containsExactly("9001");
    }

    @ParameterizedTest
    @CsvSource({
        "websit, website",
        "wesbite, website",
        "zendesk_domain_overide, zendesk_domain_override",
        "zendesk_org, zendesk_org_id",
        "zd_org_id, zendesk_org_id",
        "zendesk_org_ids, zendesk_org_id",
        "ZendeskOrgId__c, zendesk_org_id"
    })
    void read_optionalColumnMisspelled_isAnErrorNotASilentlyBlankColumn(String column, String known) {
        assertFails(
                "sf_account_id,account_name,account_domains," + column + "\n001A,Acme,acme.com,x\n",
                "accounts.csv:1:4: error: column '" + column + "' looks like '" + known + "' but is not spelled so, "
                        + "and would be ignored; rename it to " + known + ", or remove the column if it holds "
                        + "something else (the columns read are: sf_account_id, account_name, account_domains, "
                        + "website, zendesk_domain_override, zendesk_org_id, parent_account_id)");
    }

    @Test
    void read_misspelledColumnBesideTheColumnItself_isReadAndTheOtherNotedAsNotUsed() {
        List<String> warnings = new ArrayList<>();
        List<Account> accounts = read(
                "sf_account_id,account_name,account_domains,zendesk_org_id,zendesk_org_ids\n001A,Acme,acme.com,9001,"
                        + "9002\n",
                warnings);

        assertThat(accounts).extracting(Account::storedOrgId).containsExactly("9001");
        assertThat(warnings)
                .containsExactly("accounts.csv: 1 column is not used: zendesk_org_ids (the columns read are: "
                        + "sf_account_id, account_name, account_domains, website, zendesk_domain_override, "
                        + "zendesk_org_id, parent_account_id)");
    }

    @Test
    void read_salesforceReportWithManyOtherColumns_loadsAndNotesThemOnce() {
        List<String> warnings = new ArrayList<>();
        List<Account> accounts = read(
                "Account Owner,Id,Name,sf_account_id,account_name,account_domains,Industry,Billing City,Type,Phone,"
                        + "Description,ParentId,Parent Account,Account Site,Zendesk Organization,Zendesk Org Name,"
                        + "Email Domain,Account Number\n"
                        + "Ann,001A,Acme,001A,Acme,acme.com,Health,Oslo,Customer,555,Big,001P,Acme Group,HQ,Acme,"
                        + "Acme,acme.com,42\n",
                warnings);

        assertThat(accounts).extracting(Account::name).containsExactly("Acme");
        assertThat(warnings)
                .containsExactly("accounts.csv: 15 columns are not used: Account Owner, Id, Name, Industry, "
                        + "Billing City, Type, Phone, Description and 7 more (the columns read are: sf_account_id, "
                        + "account_name, account_domains, website, zendesk_domain_override, zendesk_org_id, "
                        + "parent_account_id)");
    }

    @Test
    void read_longerNamesHoldingAKnownColumnsName_loadAndAreOnlyNoted() {
        List<String> warnings = new ArrayList<>();
        List<Account> accounts = read(
                "sf_account_id,account_name,account_domains,Website_URL__c,Ultimate_Parent_Account_Id__c,"
                        + "parent_acount_id\n001A,Acme,acme.com,acme.com,001U,001P\n",
                warnings);

        assertThat(accounts).extracting(Account::website).containsExactly("");
        assertThat(warnings)
                .containsExactly("accounts.csv: 3 columns are not used: Website_URL__c, Ultimate_Parent_Account_Id__c, "
                        + "parent_acount_id (the columns read are: sf_account_id, account_name, account_domains, "
                        + "website, zendesk_domain_override, zendesk_org_id, parent_account_id)");
    }

    @Test
    void read_everyColumnUsed_warnsNothing() {
        List<String> warnings = new ArrayList<>();
        read(HEADER + "001A,Acme,acme.com\n", warnings);

        assertThat(warnings).isEmpty();
    }

    @Test
    void read_requiredColumnMisspelled_saysWhichColumnToRename() {
        assertFails(
                "sf_acount_id,account_name,account_domain\n001A,Acme,acme.com\n",
                "accounts.csv:1:1: error: missing required columns sf_account_id, account_domains (the header has: "
                        + "sf_acount_id, account_name, account_domain); if they are these columns, rename "
                        + "'sf_acount_id' to sf_account_id, 'account_domain' to account_domains");
    }

    @Test
    void read_severalMissingHeaderColumns_listsThemAll() {
        assertFails(
                "id,name\n",
                "accounts.csv:1:1: error: missing required columns sf_account_id, account_name, account_domains "
                        + "(the header has: id, name); if they are these columns, rename 'id' to sf_account_id, "
                        + "'name' to account_name");
    }

    @Test
    void read_duplicateHeaderColumn_failsNamingIt() {
        assertFails(
                "sf_account_id,account_name,account_domains,Account_Name\n",
                "accounts.csv:1:4: error: duplicate column 'account_name' in the header");
    }

    @Test
    void read_emptyFile_failsAskingForHeader() {
        assertFails(
                "",
                "accounts.csv:1:1: error: empty file: expected a header row with "
                        + "sf_account_id, account_name, account_domains");
    }

    @Test
    void read_onlyBlankLines_failsAskingForHeader() {
        assertThatThrownBy(() -> read("\n\n\r\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void read_blankId_failsWithLineAndColumn() {
        assertFails(
                HEADER + "001A,Acme,a.example\n  ,Blank,b.example\n",
                "accounts.csv:3:1: error: blank sf_account_id; every row needs the account's Salesforce id");
    }

    @Test
    void read_blankIdInLaterColumn_namesThatColumn() {
        assertFails(
                "account_name,account_domains,sf_account_id\nAcme,a.example,\n",
                "accounts.csv:2:3: error: blank sf_account_id; every row needs the account's Salesforce id");
    }

    @Test
    void read_idWithInnerWhitespace_failsAsMalformed() {
        assertFails(
                HEADER + "001 ACME,Acme,a.example\n",
                "accounts.csv:2:1: error: malformed sf_account_id '001 ACME': "
                        + "contains whitespace or a control character at position 4");
    }

    @Test
    void read_idWithNoBreakSpace_failsShowingItEscaped() {
        assertFails(
                HEADER + "001\u00a0ACME,Acme,a.example\n",
                "accounts.csv:2:1: error: malformed sf_account_id '001\\u00A0ACME': "
                        + "contains whitespace or a control character at position 4");
    }

    @Test
    void read_idWithControlCharacter_failsShowingItEscaped() {
        assertFails(
                HEADER + "001\u001b[31mACME,Acme,a.example\n",
                "accounts.csv:2:1: error: malformed sf_account_id '001\\u001B[31mACME': "
                        + "contains whitespace or a control character at position 4");
    }

    @Test
    void read_idLongerThan255_failsAsMalformed() {
        String id = "K".repeat(256);

        assertFails(
                HEADER + id + ",Acme,a.example\n",
                "accounts.csv:2:1: error: malformed sf_account_id '" + "K".repeat(80)
                        + "...': longer than 255 characters");
    }

    @Test
    void read_idOf255Characters_isAccepted() {
        String id = "K".repeat(255);

        assertThat(read(HEADER + id + ",Acme,a.example\n"))
                .extracting(a -> a.id().value())
                .containsExactly(id);
    }

    @Test
    void read_anyStableKey_isAcceptedAsIs() {
        assertThat(read(HEADER + "ACME-EU/42,Acme,a.example\n"))
                .extracting(a -> a.id().value())
                .containsExactly("ACME-EU/42");
    }

    @Test
    void read_duplicateId_failsNamingBothLines() {
        assertFails(
                HEADER + "001ACME001,Acme,a.example\n001ACME002,Beta,b.example\n001ACME001,Again,c.example\n",
                "accounts.csv:4:1: error: duplicate sf_account_id 001ACME001 (first seen on line 2)");
    }

    @Test
    void read_duplicateIdDifferingOnlyInCase_failsAsDuplicate() {
        assertFails(
                HEADER + "001ACME001,Acme,a.example\n001acme001,Again,c.example\n",
                "accounts.csv:3:1: error: duplicate sf_account_id 001acme001 (first seen on line 2)");
    }

    @Test
    void read_fifteenCharacterIdDuplicatingItsEighteenCharacterForm_failsAsDuplicate() {
        assertFails(
                HEADER + "001M000000qfPySIAU,Acme,a.example\n001M000000qfPyS,Again,\n",
                "accounts.csv:3:1: error: duplicate sf_account_id 001M000000qfPyS, the 15-character form of "
                        + "001M000000qfPySIAU (first seen on line 2)");
    }

    @Test
    void read_fifteenCharacterIdsDifferingOnlyInCase_areDifferentAccounts() {
        assertThat(read(HEADER + "001M000000qfPyS,Acme,\n001M000000qfPys,Other,\n"))
                .extracting(a -> a.id().value())
                .containsExactly("001M000000qfPySIAU", "001M000000qfPysIAE");
    }

    @Test
    void read_fifteenCharacterAccountId_isConvertedToEighteen() {
        assertThat(read(HEADER + "001M000000qfPyS,Acme,a.example\n"))
                .extracting(a -> a.id().value())
                .containsExactly("001M000000qfPySIAU");
    }

    @Test
    void read_fifteenCharacterNonAccountId_isKeptAsIs() {
        assertThat(read(HEADER + "003M000000qfPyS,Acme,a.example\n"))
                .extracting(a -> a.id().value())
                .containsExactly("003M000000qfPyS");
    }

    @Test
    void read_utf8Bom_isSkipped() {
        assertThat(read("\uFEFF" + HEADER + "001A,Acme,a.example\n"))
                .extracting(a -> a.id().value())
                .containsExactly("001A");
    }

    @Test
    void read_quotedCommaInField_staysInTheField() {
        assertThat(read(HEADER + "001A,\"Acme, Inc.\",\"a.example, b.example\"\n"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.name()).isEqualTo("Acme, Inc.");
                    assertThat(a.accountDomains()).isEqualTo("a.example, b.example");
                });
    }

    @Test
    void read_quotedNewlineAndQuoteInField_staysInTheFieldAndLinesStillCount() {
        String csv = HEADER + "001A,\"Acme\nLabs \"\"West\"\"\",a.example\n001B,Beta,b.example\n001a,Dup,\n";

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(InputException.class)
                .hasMessage("accounts.csv:5:1: error: duplicate sf_account_id 001a (first seen on line 2)");
        assertThat(read(HEADER + "001A,\"Acme\nLabs \"\"West\"\"\",a.example\n001B,Beta,b.example\n"))
                .extracting(Account::name, Account::sourceLine)
                .containsExactly(tuple("Acme\nLabs \"West\"", 2L), tuple("Beta", 4L));
    }

    @Test
    void read_crlfLineEndings_areAccepted() {
        assertThat(read("sf_account_id,account_name,account_domains\r\n001A,Acme,a.example\r\n001B,Beta,\r\n"))
                .extracting(Account::sourceLine)
                .containsExactly(2L, 3L);
    }

    @Test
    void read_blankLinesBetweenRows_areSkipped() {
        assertThat(read(HEADER + "\n001A,Acme,a.example\n\n001B,Beta,\n"))
                .extracting(Account::sourceLine)
                .containsExactly(3L, 5L);
    }

    @Test
    void read_extraFieldsBeyondHeader_failsWithLineAndColumn() {
        assertFails(
                HEADER + "001A,Acme,a.example\n001B,Acme, Inc.,b.example\n",
                "accounts.csv:3:4: error: row has 4 fields but the header has 3; quote values that contain commas");
    }

    @Test
    void read_fewerFieldsThanHeader_failsWithLineAndColumnOfTheFirstMissingField() {
        assertFails(
                HEADER + "001A,Acme,a.example\n001B,Beta\n",
                "accounts.csv:3:3: error: row has 2 fields but the header has 3; "
                        + "keep the commas of empty values and quote values that contain line breaks");
    }

    @Test
    void read_rowCutShortInAFullHeader_failsInsteadOfLeavingTheAccountWithoutDomains() {
        assertFails(
                "sf_account_id,account_name,account_domains,website,zendesk_domain_override,zendesk_org_id,"
                        + "parent_account_id\n001ACME003,Acme Biotech\n",
                "accounts.csv:2:3: error: row has 2 fields but the header has 7; "
                        + "keep the commas of empty values and quote values that contain line breaks");
    }

    @Test
    void read_rowOfOneField_failsSayingOneField() {
        assertFails(
                HEADER + "001A\n",
                "accounts.csv:2:2: error: row has 1 field but the header has 3; "
                        + "keep the commas of empty values and quote values that contain line breaks");
    }

    @Test
    void read_unquotedLineBreakInAValue_failsOnTheFirstHalf() {
        assertFails(
                HEADER + "001A,Acme\nLabs,a.example\n",
                "accounts.csv:2:3: error: row has 2 fields but the header has 3; "
                        + "keep the commas of empty values and quote values that contain line breaks");
    }

    @Test
    void read_emptyFieldsWithTheirCommas_areAccepted() {
        assertThat(read(HEADER + "001A,,\n")).singleElement().satisfies(a -> {
            assertThat(a.name()).isEmpty();
            assertThat(a.accountDomains()).isEmpty();
        });
    }

    @Test
    void read_trailingBlankLines_areSkipped() {
        assertThat(read(HEADER + "001A,Acme,a.example\n\n\n"))
                .extracting(Account::sourceLine)
                .containsExactly(2L);
        assertThat(read(HEADER + "001A,Acme,a.example\r\n\r\n"))
                .extracting(Account::sourceLine)
                .containsExactly(2L);
    }

    @Test
    void read_rowsOfOnlyEmptyFields_areSkippedAsSpreadsheetsWriteEmptyRows() {
        assertThat(read(HEADER + "001A,Acme,a.example\n,,\n\"\",,\n,,\n"))
                .extracting(Account::sourceLine)
                .containsExactly(2L);
    }

    @Test
    void read_linesOfOnlyWhitespace_areSkippedLikeBlankLines() {
        assertThat(read("  \n" + HEADER + "001A,Acme,a.example\n \t \r\n001B,Beta,\n   "))
                .extracting(Account::sourceLine)
                .containsExactly(3L, 5L);
    }

    @Test
    void read_invalidUtf8_failsNamingLineAndCharacterOfTheByte() {
        byte[] csv = (HEADER + "001A,Acme,a.example\n001B,Caf\u00e9,b.example\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(InputException.class)
                .hasMessage("accounts.csv:3: error: not valid UTF-8 text (byte 0xE9 at character 9 of the line); "
                        + "save the file as UTF-8");
    }

    @Test
    void read_invalidUtf8FarIntoTheFile_namesItsLine() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 2000; i++) {
            csv.append("001A")
                    .append(i)
                    .append(",Acme ")
                    .append(i)
                    .append(",a")
                    .append(i)
                    .append(".example\r\n");
        }
        byte[] bytes =
                (csv + "001B,Caf\u00e9,b.example\r\n001C,Later,c.example\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("accounts.csv:2002: error: not valid UTF-8 text (byte 0xE9 at character 9 ");
    }

    @Test
    void read_invalidUtf8InQuotedMultiLineField_namesThePhysicalLine() {
        byte[] csv = (HEADER + "001A,\"Acme\nLabs \u00c9ast\",a.example\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("accounts.csv:3: error: not valid UTF-8 text (byte 0xC9 at character 6 ");
    }

    @Test
    void read_truncatedUtf8AtEndOfFile_namesLineAndCharacter() {
        byte[] csv = concat(HEADER + "001A,\ud83d\ude00 Caf", new byte[] {(byte) 0xC3});

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(InputException.class)
                .hasMessage("accounts.csv:2: error: not valid UTF-8 text (byte 0xC3 at character 11 of the line); "
                        + "save the file as UTF-8");
    }

    @Test
    void read_invalidUtf8AfterBom_countsCharactersWithoutTheBom() {
        byte[] csv = concat("\uFEFFsf_account_id,", new byte[] {(byte) 0x80});

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("accounts.csv:1: error: not valid UTF-8 text (byte 0x80 at character 15 ");
    }

    @Test
    void read_errorOnALineBeforeTheInvalidByte_isReportedFirst() {
        byte[] csv = concat(HEADER + "001A,Acme,a.example\n001A,Again,\n001B,Caf", new byte[] {(byte) 0xE9, '\n'});

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(InputException.class)
                .hasMessage("accounts.csv:3:1: error: duplicate sf_account_id 001A (first seen on line 2)");
    }

    private static byte[] concat(String text, byte[] tail) {
        byte[] head = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void read_unclosedQuote_failsNamingTheRecordLine() {
        assertFails(
                HEADER + "001A,Acme,a.example\n001B,\"Beta,b.example\n001C,Gamma,c.example\n",
                "accounts.csv:3: error: malformed CSV (Unclosed quoted field at end of input "
                        + "(record starting at line 3)); check quoting");
    }

    @Test
    void read_textAfterClosingQuote_failsNamingTheRecordLine() {
        assertThatThrownBy(() -> read(HEADER + "001A,\"Acme\" Inc,a.example\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("accounts.csv:2: error: malformed CSV (")
                .hasMessageEndingWith("); check quoting");
    }

    @Test
    void read_quoteInsideUnquotedField_isKeptLiterally() {
        assertThat(read(HEADER + "001A,Acme 5\" Pipe,a.example\n"))
                .extracting(Account::name)
                .containsExactly("Acme 5\" Pipe");
    }

    @Test
    void read_headerWithControlCharacter_listsItEscaped() {
        assertFails(
                "sf_account_id,no\u001btes\n",
                "accounts.csv:1:1: error: missing required columns account_name, account_domains "
                        + "(the header has: sf_account_id, no\\u001Btes)");
        // a known column with a control character inside is named as the column it looks like
        assertFails(
                "sf_account_id,acc\u001bount_name,account_domains\n",
                "accounts.csv:1:2: error: column 'acc\\u001Bount_name' looks like 'account_name' but is not spelled "
                        + "so, and would be ignored; rename it to account_name (the columns read are: sf_account_id, "
                        + "account_name, account_domains, website, zendesk_domain_override, zendesk_org_id, "
                        + "parent_account_id)");
    }

    @Test
    void read_idWithInvisibleFormatCharacter_failsShowingItEscaped() {
        assertFails(
                HEADER + "001ACME001\u200b,Acme,a.example\n",
                "accounts.csv:2:1: error: malformed sf_account_id '001ACME001\\u200B': "
                        + "contains whitespace or a control character at position 11");
    }

    @Test
    void read_secondBomPrefixedHeaderInsideTheFile_failsAsMalformedId() {
        assertFails(
                "\uFEFF" + HEADER + "001A,Acme,a.example\n\uFEFF" + HEADER + "001B,Beta,b.example\n",
                "accounts.csv:3:1: error: malformed sf_account_id '\\uFEFFsf_account_id': "
                        + "contains whitespace or a control character at position 1");
    }
}
