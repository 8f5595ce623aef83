package io.plumbline.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.errors.ConfigException;
import io.plumbline.errors.InputException;
import io.plumbline.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotReaderTest {
    @TempDir
    Path dir;

    private void writeRequired() throws IOException {
        Files.createDirectories(dir.resolve("zendesk"));
        Files.writeString(
                dir.resolve(SnapshotLayout.ACCOUNTS),
                "sf_account_id,account_name,account_domains\n001A,Acme,a.example\n");
        Files.writeString(dir.resolve(SnapshotLayout.ORGANIZATIONS), "{\"id\":1}\n");
        Files.writeString(dir.resolve(SnapshotLayout.USERS), "");
        Files.writeString(dir.resolve(SnapshotLayout.MEMBERSHIPS), "");
        Files.writeString(
                dir.resolve(SnapshotLayout.TICKETS), "{\"id\":1,\"updated_at\":\"2026-04-01T10:00:00+02:00\"}\n");
    }

    @Test
    void read_withoutContactsFile_hasNoContacts() throws IOException {
        writeRequired();

        Snapshot snapshot = SnapshotReader.read(new FolderSource(dir), null);

        assertThat(snapshot.contacts()).isEmpty();
        assertThat(snapshot.accounts()).hasSize(1);
    }

    @Test
    void read_withContactsFile_readsThem() throws IOException {
        writeRequired();
        Files.writeString(dir.resolve(SnapshotLayout.CONTACTS), "email,sf_account_id\njane@a.example,001A\n");

        assertThat(SnapshotReader.read(new FolderSource(dir), null).contacts()).hasSize(1);
    }

    @Test
    void read_noManifest_asOfIsLatestTicketActivity() throws IOException {
        writeRequired();

        assertThat(SnapshotReader.read(new FolderSource(dir), null).asOf())
                .isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
    }

    @Test
    void read_lookbackWithManifest_holdsTheWindowsTicketsAndCountsAll() throws IOException {
        writeRequired();
        Files.writeString(
                dir.resolve(SnapshotLayout.TICKETS),
                "{\"id\":1,\"updated_at\":\"2026-03-01T00:00:00Z\"}\n"
                        + "{\"id\":2,\"updated_at\":\"2026-04-10T00:00:00Z\"}\n"
                        + "{\"id\":3,\"created_at\":\"2026-04-16T00:00:00Z\"}\n");
        Files.writeString(dir.resolve(SnapshotLayout.MANIFEST), "{\"captured_at\":\"2026-04-17T00:00:00Z\"}");

        Snapshot window = SnapshotReader.read(new FolderSource(dir), null, Duration.ofDays(7));
        Snapshot overridden =
                SnapshotReader.read(new FolderSource(dir), Instant.parse("2026-04-01T00:00:00Z"), Duration.ofDays(7));
        Snapshot all = SnapshotReader.read(new FolderSource(dir), null);

        assertThat(window.tickets()).extracting(t -> t.id().value()).containsExactly(2L, 3L);
        assertThat(window.ticketsRead()).isEqualTo(3);
        // the window before an earlier --as-of, and any ticket active after it
        assertThat(overridden.tickets()).extracting(t -> t.id().value()).containsExactly(2L, 3L);
        assertThat(overridden.ticketsRead()).isEqualTo(3);
        // one after the capture only hides the snapshot's age: refused
        assertThatThrownBy(() -> SnapshotReader.read(
                        new FolderSource(dir), Instant.parse("2026-04-30T00:00:00Z"), Duration.ofDays(7)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--as-of 2026-04-30T00:00:00Z is after ")
                .hasMessageEndingWith("snapshot.json's captured_at 2026-04-17T00:00:00Z, and the snapshot holds "
                        + "nothing later; leave --as-of out, or give an instant no later than that");
        assertThat(all.tickets()).hasSize(3);
    }

    @Test
    void read_lookbackWithoutManifest_holdsEveryTicketToFindTheInstant() throws IOException {
        writeRequired();
        Files.writeString(
                dir.resolve(SnapshotLayout.TICKETS),
                "{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"}\n{\"id\":2,\"updated_at\":\"2026-04-10T00:00:00Z\"}\n");

        Snapshot snapshot = SnapshotReader.read(new FolderSource(dir), null, Duration.ofDays(1));

        assertThat(snapshot.asOf()).isEqualTo(Instant.parse("2026-04-10T00:00:00Z"));
        assertThat(snapshot.tickets()).hasSize(2);
    }

    @Test
    void read_lookbackWithBadManifestAndBadTickets_reportsTheTicketFileFirst() throws IOException {
        writeRequired();
        Files.writeString(dir.resolve(SnapshotLayout.TICKETS), "{\"id\":1}\n{\"id\":\n");
        Files.writeString(dir.resolve(SnapshotLayout.MANIFEST), "{\"captured_at\":\"soon\"}");

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null, Duration.ofDays(30)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(SnapshotLayout.TICKETS) + ":2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "[\"2026-04-17T00:00:00Z\"]", "\"2026-04-17T00:00:00Z\""})
    void read_manifestThatIsNotAnObject_failsNamingIt(String manifest) throws IOException {
        writeRequired();
        Files.writeString(dir.resolve(SnapshotLayout.MANIFEST), manifest);

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(SnapshotLayout.MANIFEST).toString())
                .hasMessageContaining("must hold one JSON object");
    }

    @Test
    void read_manifestWithTextAfterItsObject_failsRatherThanTakingTheFirst() throws IOException {
        writeRequired();
        Files.writeString(
                dir.resolve(SnapshotLayout.MANIFEST),
                "{\"captured_at\":\"2025-06-01T00:00:00Z\"}\n{\"captured_at\":\"2026-04-17T00:00:00Z\"}\n");

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(SnapshotLayout.MANIFEST) + ":2")
                .hasMessageContaining("more text follows the end of the JSON value");
    }

    @Test
    void read_optionalFileThatIsThereButNotAFile_failsRatherThanReadingAsAbsent() throws IOException {
        writeRequired();
        Files.createDirectories(dir.resolve(SnapshotLayout.CONTACTS));
        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(SnapshotLayout.CONTACTS) + ": error: cannot read: a folder, not a file");
        Files.delete(dir.resolve(SnapshotLayout.CONTACTS));

        Path gone = dir.resolve("unmounted").resolve("contacts.csv");
        Files.createSymbolicLink(dir.resolve(SnapshotLayout.CONTACTS), gone);
        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cannot read: a symbolic link to " + gone + ", which is not a file");
        Files.delete(dir.resolve(SnapshotLayout.CONTACTS));

        assertThat(SnapshotReader.read(new FolderSource(dir), null).contacts()).isEmpty();
    }

    @Test
    void read_manifestNamingItsZendesk_saysWhichOneAndOneWithoutSaysNone() throws IOException {
        writeRequired();
        assertThat(SnapshotReader.read(new FolderSource(dir), null).zendesk()).isEmpty();

        for (String written : List.of(" Acme.Zendesk.com ", "acme.zendesk.com/", "https://ACME.zendesk.com:443/")) {
            Files.writeString(
                    dir.resolve(SnapshotLayout.MANIFEST),
                    "{\"captured_at\":\"2026-04-17T00:00:00Z\",\"zendesk\":\"" + written + "\"}");
            assertThat(SnapshotReader.read(new FolderSource(dir), Instant.parse("2026-04-10T00:00:00Z"))
                            .zendesk())
                    .as("%s, read with --as-of too", written)
                    .isEqualTo("acme.zendesk.com");
        }
        Files.writeString(dir.resolve(SnapshotLayout.MANIFEST), "{\"zendesk\":\"http://127.0.0.1:8089/zd/\"}");
        assertThat(SnapshotReader.read(new FolderSource(dir), null).zendesk()).isEqualTo("127.0.0.1:8089/zd");

        Files.writeString(dir.resolve(SnapshotLayout.MANIFEST), "{\"captured_at\":null,\"zendesk\":null}");
        assertThat(SnapshotReader.read(new FolderSource(dir), null).zendesk()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "\"  \"", "{\"host\":\"acme.zendesk.com\"}", "\"acme zendesk\"", "\"https://?x\""})
    void read_manifestZendeskThatNamesNone_failsNamingTheFile(String zendesk) throws IOException {
        writeRequired();
        Files.writeString(dir.resolve(SnapshotLayout.MANIFEST), "{\"zendesk\":" + zendesk + "}");

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(SnapshotLayout.MANIFEST).toString())
                .hasMessageContaining("zendesk must name the Zendesk the snapshot was pulled from");
    }

    @Test
    void read_capturedAtWithoutOffset_saysTheOffsetIsMissing() throws IOException {
        writeRequired();
        Files.writeString(dir.resolve(SnapshotLayout.MANIFEST), "{\"captured_at\":\"2026-04-17T22:15:30\"}");

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("captured_at must be an ISO 8601 timestamp with its UTC offset");
    }

    @Test
    void read_missingRequiredFile_failsNamingIt() throws IOException {
        writeRequired();
        Files.delete(dir.resolve(SnapshotLayout.USERS));

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(SnapshotLayout.USERS) + ": error: file not found");
    }

    private static final String KNOWN_KEYS =
            "(known keys here: [captured_at, salesforce, source, ticket_lookback_days, zendesk])";

    @ParameterizedTest
    @CsvSource({
        "capturedAt, captured_at",
        "Captured-At, captured_at",
        "captured_ta, captured_at",
        "zendsk, zendesk",
        "Zendesk, zendesk"
    })
    void read_manifestKeyMistyped_failsOnItsLineNamingTheKeyMeant(String key, String meant) throws IOException {
        writeRequired();
        Files.writeString(
                dir.resolve(SnapshotLayout.MANIFEST),
                "{\"source\": \"zendesk\",\n  \"" + key + "\": \"acme.zendesk.com\"}\n");

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null, Duration.ofDays(30)))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(SnapshotLayout.MANIFEST) + ":2:3: error: unknown key '" + key
                        + "'; did you mean '" + meant + "'? " + KNOWN_KEYS);
    }

    @Test
    void read_manifestKeyMistypedForAKeyNothingDecidesBy_isOnlyNamedWithTheKeyMeant() throws IOException {
        writeRequired();
        Files.writeString(
                dir.resolve(SnapshotLayout.MANIFEST),
                "{\"captured_at\":\"2026-04-17T00:00:00Z\",\"sources\":[\"x\"],\"ticket-lookback-days\":30}");

        Snapshot snapshot = SnapshotReader.read(new FolderSource(dir), null);

        assertThat(snapshot.readWarnings())
                .containsExactly(dir.resolve(SnapshotLayout.MANIFEST) + ": unknown keys 'sources' (did you mean "
                        + "'source'?), 'ticket-lookback-days' (did you mean 'ticket_lookback_days'?) are not read "
                        + KNOWN_KEYS);
    }

    @Test
    void read_manifestWithOtherKeys_readsItAndWarnsNamingThemOnce() throws IOException {
        writeRequired();
        Files.writeString(
                dir.resolve(SnapshotLayout.MANIFEST),
                "{\"captured_at\":\"2026-04-17T00:00:00Z\",\"note\":\"by hand\",\"exported_by\":{\"name\":\"ops\"}}");

        Snapshot snapshot = SnapshotReader.read(new FolderSource(dir), null);

        assertThat(snapshot.asOf()).isEqualTo(Instant.parse("2026-04-17T00:00:00Z"));
        assertThat(snapshot.readWarnings())
                .containsExactly(dir.resolve(SnapshotLayout.MANIFEST) + ": unknown keys 'note', 'exported_by' are "
                        + "not read " + KNOWN_KEYS);
    }

    @Test
    void read_manifestAsEveryVersionOfThePullWroteIt_readsWithoutAWarning() throws IOException {
        writeRequired();
        Files.writeString(
                dir.resolve(SnapshotLayout.MANIFEST),
                "{\"captured_at\":\"2026-04-17T00:00:00Z\",\"source\":\"zendesk\",\"zendesk\":\"acme.zendesk.com\","
                        + "\"ticket_lookback_days\":30,\"salesforce\":{\"source\":\"csv\",\"accounts_csv\":\"a.csv\"}}");
        assertThat(SnapshotReader.read(new FolderSource(dir), null).readWarnings())
                .isEmpty();

        // before the manifest named its Zendesk, a pull wrote the API root under another key
        Files.writeString(
                dir.resolve(SnapshotLayout.MANIFEST),
                "{\"captured_at\":\"2026-04-17T00:00:00Z\",\"source\":\"zendesk\","
                        + "\"zendesk_base_url\":\"https://acme.zendesk.com\",\"ticket_lookback_days\":30}");
        Snapshot older = SnapshotReader.read(new FolderSource(dir), null);
        assertThat(older.readWarnings()).isEmpty();
        assertThat(older.zendesk()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "zendesk/users.jsonl | zendesk/users.jsonl.gz | found users.jsonl.gz beside it: decompress it (gunzip)",
                "zendesk/users.jsonl | zendesk/users-part1.jsonl | found zendesk/users-part1.jsonl: a snapshot holds one "
                        + "users.jsonl (concatenate the parts)",
                "zendesk/users.jsonl | users.jsonl | found users.jsonl in the folder itself: move the .jsonl files into "
                        + "zendesk/",
                "zendesk/users.jsonl | zendesk/Users.JSONL | found zendesk/Users.JSONL: rename it to users.jsonl",
                "salesforce_accounts.csv | Salesforce_Accounts.CSV | found Salesforce_Accounts.CSV: rename it to "
                        + "salesforce_accounts.csv",
                "salesforce_accounts.csv | salesforce_accounts.csv.gz | found salesforce_accounts.csv.gz beside it: "
                        + "decompress it (gunzip)",
                "salesforce_accounts.csv | salesforce_accounts_2.csv | found salesforce_accounts_2.csv: a snapshot holds "
                        + "one salesforce_accounts.csv (join the parts under one header row)"
            })
    void read_missingFileThereUnderAnotherName_failsNamingWhatWasFound(String missing, String found, String hint)
            throws IOException {
        writeRequired();
        Files.move(dir.resolve(missing), dir.resolve(found));

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(missing) + ": error: file not found; " + hint + "; a snapshot folder needs "
                        + "salesforce_accounts.csv and zendesk/{organizations,users,organization_memberships,tickets}"
                        + ".jsonl");
    }

    @Test
    void read_missingFileBesideOthersNotMeant_failsWithoutAHint() throws IOException {
        writeRequired();
        Files.delete(dir.resolve(SnapshotLayout.USERS));
        Files.writeString(dir.resolve("zendesk/users_archive.jsonl"), "");
        Files.writeString(dir.resolve("zendesk/organization_memberships-part2.jsonl"), "");

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(SnapshotLayout.USERS) + ": error: file not found; a snapshot folder needs "
                        + "salesforce_accounts.csv and zendesk/{organizations,users,organization_memberships,tickets}"
                        + ".jsonl");
    }
}
