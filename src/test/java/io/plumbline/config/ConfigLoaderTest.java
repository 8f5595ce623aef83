package io.plumbline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.errors.ConfigException;
import io.plumbline.errors.ExitCodes;
import io.plumbline.model.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config that cannot be used is refused with file, line, column and the key, in the product's words. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private String error(String yaml) throws IOException {
        Path file = dir.resolve("plumbline.yaml");
        Files.writeString(file, yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
        assertThat(e).as("config should be refused:%n%s", yaml).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
        return e.getMessage().replace(file.toString(), "plumbline.yaml");
    }

    @Test
    void load_platformHostAsAPersonalDomain_isAccepted() throws IOException {
        Path file = Files.writeString(dir.resolve("plumbline.yaml"), "audit:\n  personal_domains_extra: [github.io]\n");

        assertThat(ConfigLoader.load(file).audit().personalDomainsExtra()).containsExactly("github.io");
    }

    @Test
    void load_yamlProblemWithoutAPlainWording_saysSoWithoutTheParsersText() throws IOException {
        String message = error("%YAML 2.0 secret\n---\noutput:\n  root: here\n");
        assertThat(message)
                .contains("not valid YAML: unexpected text here")
                .doesNotContain("secret")
                .doesNotContain("mapping values");
    }

    @Test
    void load_controlCharacter_isSaidAtItsLineNotAsMalformedJson() throws IOException {
        assertThat(error("zendesk:\n  subdomain: acme\n\f\n"))
                .isEqualTo("plumbline.yaml:3:1: error: a control character (U+000C) YAML does not allow; remove it");
    }

    @Test
    void load_noBreakOrZeroWidthSpaces_areSaidWhereTheyAre() throws IOException {
        assertThat(error("zendesk:\n\u00A0\u00A0subdomain: acme\n"))
                .startsWith("plumbline.yaml:2:1: error: a no-break space (U+00A0) where YAML needs a plain space");
        assertThat(error("zendesk:\n  subdomain:\u00A0acme\n"))
                .startsWith("plumbline.yaml:2:13: error: a no-break space (U+00A0)");
        assertThat(error("zendesk:\n  \u200Bsubdomain: acme\n"))
                .startsWith("plumbline.yaml:2:3: error: an invisible character (U+200B)");
        // in a comment, or a byte order mark that starts the file, nothing is read
        Path fine = Files.writeString(
                dir.resolve("fine.yaml"),
                "\uFEFF# copied\u00A0from the docs\nzendesk:\n  subdomain: acme # the\u00A0tenant\n");
        assertThat(ConfigLoader.load(fine).zendesk().subdomain()).isEqualTo("acme");
        // a quoted value may mean one (a zero-width non-joiner is part of Persian text)
        Path quoted = Files.writeString(
                dir.resolve("quoted.yaml"),
                "salesforce:\n  account_filter: \"Name = 'می\u200Cخواهم'\"\nzendesk:\n  subdomain: acme\n");
        assertThat(ConfigLoader.load(quoted).salesforce().accountFilter()).contains("\u200C");
        // '' is a quote inside single quotes; an apostrophe inside a plain value opens nothing
        Path escapes =
                Files.writeString(dir.resolve("escapes.yaml"), "salesforce:\n  account_filter: 'O''Brien\u00A0& Co'\n");
        assertThat(ConfigLoader.load(escapes).salesforce().accountFilter()).contains("\u00A0");
        assertThat(error("salesforce:\n  account_filter: the '90s\u00A0team\n"))
                .startsWith("plumbline.yaml:2:27: error: a no-break space");
        assertThat(error("zendesk:\n  base_url: \"C:\\\\\"\n  \u00A0subdomain: acme\n"))
                .startsWith("plumbline.yaml:3:3: error: a no-break space");
        // columns count characters as an editor shows them; a carriage return alone ends a line
        assertThat(error("zendesk:\n  x: \"\uD83D\uDE00\"\u00A0\n"))
                .startsWith("plumbline.yaml:2:9: error: a no-break space");
        assertThat(error("zendesk:\r  subdomain: \"\uD83D\uDE00\"\r  \u00A0x: y\r"))
                .startsWith("plumbline.yaml:3:3: error: a no-break space");
    }

    @Test
    void load_numberWithALeadingZero_isRefusedRatherThanReadAsOctal() throws IOException {
        assertThat(error("audit:\n  ticket_lookback_days: 010\n"))
                .isEqualTo("plumbline.yaml:2:25: error: write the number 010 without its leading zero, or quote it if "
                        + "it is text (YAML reads 010 as the octal number 8)");
        assertThat(ConfigLoader.load(Files.writeString(dir.resolve("ok.yaml"), "audit:\n  ticket_lookback_days: 10\n"))
                        .audit()
                        .ticketLookbackDays())
                .isEqualTo(10);
    }

    @Test
    void load_anchorOrAlias_isRefusedRatherThanReadAsTheNamesText() throws IOException {
        assertThat(error("output:\n  root: &out /tmp/x\nstore:\n  path: *out\n"))
                .startsWith("plumbline.yaml:4:9:")
                .endsWith("error: YAML anchors and aliases (&name, *name) are not read in a Plumbline config; write "
                        + "each value out where it is used");
    }

    @Test
    void load_variableWrittenAsTheShellReadsIt_saysToDropTheDollar() throws IOException {
        for (String written : new String[] {"$ZENDESK_OAUTH_TOKEN", "\"${ZENDESK_OAUTH_TOKEN}\""}) {
            assertThat(error("zendesk:\n  subdomain: acme\n  auth:\n    oauth_access_token_env: " + written + "\n"))
                    .as(written)
                    .startsWith("plumbline.yaml:4:")
                    .contains("zendesk.auth.oauth_access_token_env: write the variable's name without '$'"
                            + " (ZENDESK_OAUTH_TOKEN)")
                    .doesNotContain("not a secret itself");
        }
        // a token pasted after a '$' has a name's shape: not repeated
        assertThat(error("zendesk:\n  auth:\n    oauth_access_token_env: $Xk29fjQ8hPz3LmTq77aB\n"))
                .contains("write the variable's name without '$'")
                .doesNotContain("Xk29fjQ8hPz3LmTq77aB");
    }

    @Test
    void load_secretPastedAsAVariableName_isRefusedWithoutShowingIt() throws IOException {
        String message =
                error("zendesk:\n  subdomain: acme\n  auth:\n    oauth_access_token_env: \"zd/tok+9f8e7d6c\"\n");
        assertThat(message)
                .startsWith("plumbline.yaml:")
                .contains("zendesk.auth.oauth_access_token_env must be the name of an environment variable")
                .doesNotContain("9f8e7d6c");
        assertThat(error("salesforce:\n  access_token_env: 00Dxx!AQ4AQJ.secret\n"))
                .contains("salesforce.access_token_env must be the name")
                .doesNotContain("AQ4AQJ");
    }

    @Test
    void load_secondYamlDocument_isRefusedOnItsLineRatherThanIgnored() throws IOException {
        assertThat(error("---\nzendesk:\n  subdomain: acme\n---\naudit:\n  ticket_lookback_days: 5\n"))
                .startsWith("plumbline.yaml:4:1: error: a second YAML document starts here");
        Path file = dir.resolve("block.yaml");
        Files.writeString(file, "---\nsalesforce:\n  account_filter: |\n    Type = 'Customer'\n    ---\n");
        assertThat(ConfigLoader.load(file).salesforce().accountFilter())
                .as("a '---' inside a value is no document start")
                .contains("---");
    }

    @Test
    void load_valuesThatWouldOnlyFailLater_areRefusedOnTheirLine() throws IOException {
        assertThat(error("zendesk:\n  subdomain: acme\n  auth:\n    client_id_env: ID\n    client_secret_env: S\n"
                        + "    oauth_scopes: \"read,write\"\n"))
                .startsWith("plumbline.yaml:6:")
                .contains("zendesk.auth.oauth_scopes 'read,write' is not a list of Zendesk scopes separated by spaces");
        assertThat(error("salesforce:\n  accounts_csv: \"\"\n"))
                .startsWith("plumbline.yaml:2:")
                .contains("salesforce.accounts_csv is empty");
        assertThat(error("store:\n  path: \"\"\n"))
                .startsWith("plumbline.yaml:2:")
                .contains("store.path is empty");
        assertThat(error("salesforce:\n  source: api\n  fields:\n    domains: [Domain__c, ~]\n"))
                .startsWith("plumbline.yaml:4:")
                .contains("salesforce.fields.domains has an empty entry");
    }

    @Test
    void load_keyWrittenWithAHyphen_isFoundOnItsLineWithTheKeyItMeant() throws IOException {
        assertThat(error("zendesk:\n  subdomain: acme\n\n  max_retries: 3\n  base-url: https://x.example\n"))
                .startsWith("plumbline.yaml:5:3: error: unknown key 'base-url'; did you mean 'base_url'?");
    }

    @Test
    void load_keyGivenTwice_isAnErrorNamingIt() throws IOException {
        assertThat(error("audit:\n  ticket_lookback_days: 10\naudit:\n  ticket_lookback_days: 20\n"))
                .startsWith("plumbline.yaml:3:")
                .contains("key 'audit' is given twice");
    }

    @Test
    void load_wordForANumber_namesKeyAndValue() throws IOException {
        assertThat(error("salesforce:\n  source: csv\naudit:\n  ticket_lookback_days: thirty\n"))
                .isEqualTo("plumbline.yaml:4:25: error: audit.ticket_lookback_days must be a whole number of days, "
                        + "not \"thirty\"");
    }

    @Test
    void load_fractionForAWholeNumber_isRefusedNotRounded() throws IOException {
        assertThat(error("audit:\n  ticket_lookback_days: 3.5\n"))
                .isEqualTo("plumbline.yaml:2:25: error: audit.ticket_lookback_days must be a whole number of days, "
                        + "not 3.5");
    }

    @Test
    void load_numberTooLarge_namesTheLargestAllowed() throws IOException {
        assertThat(error("zendesk:\n  max_retries: 99999999999\n"))
                .isEqualTo("plumbline.yaml:2:27: error: zendesk.max_retries must be a whole number no larger than "
                        + "2147483647");
    }

    @Test
    void load_zeroTimeoutOrNegativeRetries_isAConfigErrorWithItsLine() throws IOException {
        assertThat(error("zendesk:\n  subdomain: acme\n  request_timeout_seconds: 0\n"))
                .startsWith("plumbline.yaml:")
                .endsWith("zendesk.request_timeout_seconds must be 1 or more, found 0");
        assertThat(error("zendesk:\n  max_retries: -1\n"))
                .endsWith("zendesk.max_retries must be 0 or more (0: never retry), found -1");
    }

    @Test
    void load_invalidValueInANestedSection_pointsAtItsOwnLine() throws IOException {
        String yaml = "salesforce:\n"
                + "  client_id_env: SF_CLIENT_ID\n"
                + "zendesk:\n"
                + "  subdomain: acme\n"
                + "  auth:\n"
                + "    client_id_env: \"not a name\"\n"
                + "    client_secret_env: ZENDESK_SECRET\n"
                + "  max_retries: 3\n"
                + "audit:\n"
                + "  ticket_lookback_days: 30\n";
        assertThat(error(yaml)).startsWith("plumbline.yaml:6:5: error: zendesk.auth.client_id_env must be the name");
        assertThat(error("audit:\n  personal_domains_extra: []\n  ticket_lookback_days: -4\noutput:\n  root: x\n"))
                .isEqualTo("plumbline.yaml:3:3: error: audit.ticket_lookback_days must be between 1 and 3650 days, "
                        + "found -4");
        // beyond an int (or a long), the range is still what is told, not the number type's limit
        assertThat(error("audit:\n  ticket_lookback_days: 99999999999\n"))
                .isEqualTo("plumbline.yaml:2:3: error: audit.ticket_lookback_days must be between 1 and 3650 days, "
                        + "found 99999999999");
        assertThat(error("audit:\n  ticket_lookback_days: -99999999999999999999999\n"))
                .endsWith("must be between 1 and 3650 days, found -99999999999999999999999");
        assertThat(error(
                        "audit:\n  personal_domains_extra:\n    - gmail.com\n    - not a domain\noutput:\n  root: x\n"))
                .isEqualTo("plumbline.yaml:2:3: error: audit.personal_domains_extra: 'not a domain' is a bare word, "
                        + "not a domain (no dot)");
        assertThat(error("salesforce:\n  source: apii\n  contacts: true\n"))
                .isEqualTo("plumbline.yaml:2:3: error: salesforce.source must be csv (an accounts CSV) or api (read "
                        + "live), found 'apii'");
        assertThat(error("audit:\n  personal_domains_extra: [co.uk]\n"))
                .isEqualTo("plumbline.yaml:2:3: error: audit.personal_domains_extra: 'co.uk' is a country's second"
                        + " level, under which anyone registers a name; list the personal email domain itself");
        assertThat(error("audit:\n  personal_domains_extra: [null, x.example]\n"))
                .isEqualTo("plumbline.yaml:2:3: error: audit.personal_domains_extra has an empty entry; remove it");
        assertThat(error("audit:\n  personal_domains_extra: []\n  personal_domains_removed: [acme.example]\n"))
                .isEqualTo("plumbline.yaml:3:3: error: audit.personal_domains_removed: 'acme.example' is not on the"
                        + " built-in list of personal email domains, so there is nothing to remove");
        assertThat(
                        error(
                                "audit:\n  personal_domains_extra: [fastmail.com]\n  personal_domains_removed: [fastmail.com]\n"))
                .isEqualTo("plumbline.yaml:3:3: error: audit.personal_domains_removed: 'fastmail.com' is in"
                        + " personal_domains_extra too; keep one");
        assertThat(error("zendesk:\n  subdomain: acme\n  max_retries: -2\n  full_pull_every_days: 7\n"))
                .startsWith("plumbline.yaml:3:3: error: zendesk.max_retries must be 0 or more");
        // inside a flow mapping the line of the key that holds it is the nearest the file can say
        assertThat(error("audit: {}\nzendesk: {auth: {api_token_env: \"a b\"}}\n"))
                .startsWith("plumbline.yaml:2:1: error: zendesk.auth.api_token_env must be the name");
    }

    @Test
    void load_bulkThreshold_isRefusedOnItsLineSayingSalesforceIsOnlyReadWithGets() throws IOException {
        assertThat(error("salesforce:\n  source: api\n  contacts: true\n  bulk_threshold: 50000\n"))
                .isEqualTo("plumbline.yaml:4:3: error: salesforce.bulk_threshold is no longer supported: Plumbline"
                        + " reads Salesforce only with GET requests on the REST query endpoint, which pages through"
                        + " any number of rows, and a Bulk API query job is created with a POST, which Plumbline"
                        + " never sends to Salesforce; remove the key");
        assertThat(error("salesforce: {source: api, bulk_threshold: 0}\n"))
                .startsWith("plumbline.yaml:1:1: error: salesforce.bulk_threshold is no longer supported");
        // the same word elsewhere is an ordinary unknown key
        assertThat(error("zendesk:\n  bulk_threshold: 5\n")).startsWith("plumbline.yaml:2:3: error: unknown key");
    }

    @Test
    void load_misspelledKey_suggestsTheKnownOneAndListsTheKnownKeysSorted() throws IOException {
        assertThat(error("zendesk:\n  subdomian: acme\n"))
                .isEqualTo("plumbline.yaml:2:3: error: unknown key 'subdomian'; did you mean 'subdomain'? (known keys "
                        + "here: [auth, base_url, full_pull_every_days, max_retries, request_timeout_seconds, "
                        + "subdomain])");
        assertThat(error("zendesk:\n  Max-Retries: 3\n")).contains("did you mean 'max_retries'?");
        assertThat(error("zendesk:\n  colour: 3\n")).doesNotContain("did you mean");
        assertThat(Texts.edits("subdomain", "subdomian")).isEqualTo(2);
        assertThat(Texts.edits("", "abc")).isEqualTo(3);
        assertThat(Texts.edits("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void load_unknownTopLevelKeyAlsoKnownInASection_pointsAtTheTopLevelOne() throws IOException {
        assertThat(error("zendesk:\n  subdomain: acme\n  max_retries: 3\nmax_retries: 5\n"))
                .startsWith("plumbline.yaml:4:1: error: unknown key 'max_retries' (known keys here: ")
                .doesNotContain("baseDir");
        assertThat(error("baseDir: /etc\n")).startsWith("plumbline.yaml:1:1: error: unknown key 'baseDir'");
    }

    @Test
    void load_unknownKeyNamedInTwoSections_pointsAtTheOneThatIsUnknown() throws IOException {
        assertThat(error("salesforce:\n  source: csv\nzendesk:\n  subdomain: acme\n  source: csv\n"))
                .startsWith("plumbline.yaml:5:3: error: unknown key 'source'");
    }

    @Test
    void load_notUtf8_namesTheLineAndTheByte() throws IOException {
        Path file = dir.resolve("plumbline.yaml");
        Files.write(file, "audit:\n  ticket_lookback_days: 3\n  # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
        assertThat(e.getMessage().replace(file.toString(), "plumbline.yaml"))
                .isEqualTo("plumbline.yaml:3: error: not valid UTF-8 text (byte 0xE9); save the file as UTF-8");
        assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void baseUrl_credentialsPlainHttpOrQuery_isRefusedWithoutEchoingThem() {
        for (String url : List.of(
                "https://admin:s3cret@acme.zendesk.com",
                "http://proxy.corp.example",
                "https://acme.zendesk.com/?token=s3cret",
                "ftp://acme.zendesk.com")) {
            ConfigException e =
                    catchThrowableOfType(ConfigException.class, () -> new ZendeskConfig(null, url, null, null, null));
            assertThat(e).as(url).isNotNull();
            assertThat(e.getMessage()).as(url).startsWith("zendesk.base_url is not usable: it must");
            assertThat(e.getMessage()).doesNotContain("s3cret");
        }
        assertThat(new ZendeskConfig(null, "http://127.0.0.1:8089/", null, null, null).baseUri())
                .hasToString("http://127.0.0.1:8089");
        assertThat(new ZendeskConfig(null, "https://zd.proxy.example/zendesk", null, null, null).baseUri())
                .hasToString("https://zd.proxy.example/zendesk");
    }

    @Test
    void instance_namesTheZendeskByHostPortAndPath_neverItsScheme() {
        assertThat(new ZendeskConfig("Acme", null, null, null, null).instance()).isEqualTo("acme.zendesk.com");
        assertThat(new ZendeskConfig(null, "https://ACME.zendesk.com/", null, null, null).instance())
                .isEqualTo("acme.zendesk.com");
        assertThat(new ZendeskConfig(null, "https://acme.zendesk.com:443", null, null, null).instance())
                .as("the scheme's own port is the same Zendesk")
                .isEqualTo("acme.zendesk.com");
        assertThat(new ZendeskConfig(null, "http://127.0.0.1:8089/", null, null, null).instance())
                .isEqualTo("127.0.0.1:8089");
        assertThat(new ZendeskConfig(null, "https://zd.proxy.example/zendesk/", null, null, null).instance())
                .isEqualTo("zd.proxy.example/zendesk");
    }

    @Test
    void load_unusableSubdomainOrBaseUrl_isRefusedAtLoadOnTheKeysLine() throws IOException {
        assertThat(error("zendesk:\n  request_timeout_seconds: 30\n  subdomain: https://acme.zendesk.com\n"))
                .isEqualTo("plumbline.yaml:3:3: error: zendesk.subdomain 'https://acme.zendesk.com' is not a "
                        + "subdomain; give only the first label (e.g. 'acme' for https://acme.zendesk.com), or set "
                        + "zendesk.base_url");
        assertThat(error("zendesk:\n  subdomain: \"https://me:T0KEN@acme.zendesk.com\"\n"))
                .startsWith("plumbline.yaml:2:3: error: zendesk.subdomain (a value with a user name or password in it) "
                        + "is not a subdomain")
                .doesNotContain("T0KEN");
        assertThat(error("zendesk:\n  subdomain: acme\n  base_url: \"https://admin:s3cret@acme.zendesk.com\"\n"))
                .startsWith("plumbline.yaml:3:3: error: zendesk.base_url is not usable: it must")
                .doesNotContain("s3cret");
        assertThat(error("zendesk:\n  base_url: https://acme.zendesk.com/api/v2/\n"))
                .startsWith("plumbline.yaml:2:3: error: zendesk.base_url is not usable: it ends in /api/v2, which"
                        + " Plumbline puts before every request's path itself");
        // unset, either is fine until a live command needs Zendesk; a good base_url wins over the subdomain
        Path file = dir.resolve("plumbline.yaml");
        Files.writeString(file, "zendesk:\n  subdomain: \"\"\n");
        ZendeskConfig unset = ConfigLoader.load(file).zendesk();
        assertThat(catchThrowableOfType(ConfigException.class, unset::baseUri).getMessage())
                .startsWith("zendesk.subdomain is not set");
        // init's placeholder is another tenant's address: refused rather than sent the token
        Files.writeString(file, "zendesk:\n  subdomain: YourCompany\n");
        ZendeskConfig placeholder = ConfigLoader.load(file).zendesk();
        assertThat(catchThrowableOfType(ConfigException.class, placeholder::baseUri)
                        .getMessage())
                .startsWith("zendesk.subdomain is still 'yourcompany', the placeholder init writes");
        Files.writeString(file, "zendesk:\n  subdomain: \"not one\"\n  base_url: http://127.0.0.1:8089\n");
        assertThat(ConfigLoader.load(file).zendesk().baseUri()).hasToString("http://127.0.0.1:8089");
    }

    @Test
    void load_commentsOnly_isTheDefaults() throws IOException {
        Path file = dir.resolve("plumbline.yaml");
        Files.writeString(file, "\uFEFF# every line commented out\n\n  # output:\n  #   root: x\n");
        assertThat(ConfigLoader.load(file).output().root()).isEqualTo(OutputConfig.DEFAULT_ROOT);
    }

    @Test
    void load_blankOutputRoot_isRefusedOnItsLine() throws IOException {
        assertThat(error("audit:\n  ticket_lookback_days: 30\noutput:\n  root: \"  \"\n"))
                .startsWith("plumbline.yaml:4:3: error: output.root is blank; give the folder run folders go in");
    }

    @Test
    void load_listWhereASectionBelongs_saysSo() throws IOException {
        assertThat(error("salesforce: [\n"))
                .isEqualTo("plumbline.yaml:1:13: error: salesforce must be a mapping (indented key: value lines), "
                        + "not a list");
    }

    @Test
    void load_valueWhereASectionBelongs_neverEchoesTheValue() throws IOException {
        String token = "0123456789abcdef0123456789abcdef";

        assertThat(error("zendesk:\n  auth: " + token + "\n"))
                .isEqualTo("plumbline.yaml:2:9: error: zendesk.auth must be a mapping (indented key: value lines), "
                        + "not a single value");
    }

    @Test
    void load_wrongKindInAList_namesTheItem() throws IOException {
        assertThat(error("audit:\n  personal_domains_extra: [mail.example, [a]]\n"))
                .isEqualTo("plumbline.yaml:2:42: error: audit.personal_domains_extra[1] must be one text value, "
                        + "not a list");
        assertThat(error("salesforce:\n  contacts: maybe\n"))
                .isEqualTo("plumbline.yaml:2:13: error: salesforce.contacts must be true or false, not \"maybe\"");
    }

    @Test
    void load_invalidValueFromASection_keepsItsOwnMessage() throws IOException {
        assertThat(error("zendesk:\n  full_pull_every_days: -1\n"))
                .endsWith(": error: zendesk.full_pull_every_days must be 0 or more (0: always pull in full), found -1");
    }

    @Test
    void load_yamlSyntaxErrors_sayWhatAndWhereWithoutQuotingTheLine() throws IOException {
        assertThat(error("audit:\n\tticket_lookback_days: 3\n"))
                .isEqualTo("plumbline.yaml:2:1: error: not valid YAML: a tab character; indent with spaces only");
        assertThat(error("zendesk:\n  auth:\n    api_token_env: \"ZENDESK_TOKEN\n"))
                .isEqualTo("plumbline.yaml:3:20: error: not valid YAML: a quoted value is not closed");
        assertThat(error("audit:\n  ticket_lookback_days: 3\n bad: 1\n"))
                .isEqualTo("plumbline.yaml:3:2: error: not valid YAML: this line is not indented like the lines "
                        + "above it");
    }

    @Test
    void load_quoteLeftOpenWithAnotherQuoteFurtherDown_isReportedWhereItWasOpened() throws IOException {
        String yaml = "salesforce:\n"
                + "  source: csv\n"
                + "  accounts_csv: \"./salesforce_accounts.csv\n"
                + "  contacts_csv: ./salesforce_contacts.csv\n"
                + "# the reader's \"second\" quote\n"
                + "zendesk:\n"
                + "  subdomain: acme\n";

        assertThat(error(yaml))
                .isEqualTo("plumbline.yaml:3:17: error: not valid YAML: a quoted value is not closed on its line");
        assertThat(error(yaml.replace("\"./salesforce_accounts.csv\n", "'it''s here\n")))
                .isEqualTo("plumbline.yaml:3:17: error: not valid YAML: a quoted value is not closed on its line");
        assertThat(ConfigLoader.unclosedQuote("a: \"x \\\" y\"\nb: 'it''s'\nc: \"open\n", 9))
                .containsExactly(3, 4);
    }

    @Test
    void load_tomlWrittenForYaml_saysSoAtTheFirstSection() throws IOException {
        assertThat(error("# settings\n[zendesk]\nsubdomain = \"acme\"\n\n[audit]\nticket_lookback_days = 30\n"))
                .startsWith(
                        "plumbline.yaml:2:1: error: this looks like TOML ([section] and key = value lines), but the "
                                + "config is YAML");
        // a YAML flow list at the top is not TOML: YAML's own message
        assertThat(error("[a, b]\n")).doesNotContain("TOML");
        // nor are such lines inside a valid config's folded value or flow list
        Path valid = dir.resolve("folded.yaml");
        Files.writeString(
                valid,
                "salesforce:\n  source: csv\n  account_filter: >-\n    Type = 'Customer'\naudit:\n"
                        + "  personal_domains_extra:\n    [mail.example]\n");
        assertThat(ConfigLoader.load(valid).audit().personalDomainsExtra()).containsExactly("mail.example");
    }

    @Test
    void load_anyRefusal_namesNoneOfTheReadersInternals() throws IOException {
        for (String yaml : new String[] {
            "- a\n- b\n",
            "just text\n",
            "salesforce:\n  jwt: yes\n",
            "zendesk: {auth: {a: b\n",
            "a: b: c\n",
            "audit: {personal_domains_extra: {a: 1}}\n",
            "audit: {ticket_lookback_days: [1]}\n",
            "audit: @x\n"
        }) {
            assertThat(error(yaml))
                    .as(yaml)
                    .matches("plumbline\\.yaml:\\d+:\\d+: error: .+")
                    .doesNotContain("`", "JsonToken", "io.plumbline", "java.", "Creator", "reader", "^", "\n");
        }
    }
}
