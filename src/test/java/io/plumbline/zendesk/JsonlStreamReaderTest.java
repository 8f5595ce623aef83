package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.Membership;
import io.plumbline.model.Organization;
import io.plumbline.model.Ticket;
import io.plumbline.model.TicketTable;
import io.plumbline.model.User;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader must give exactly what {@link JsonlReader} gives, records or error, on every
 * input: the common shape through its fast path, everything else through the exact reader.
 */
class JsonlStreamReaderTest {
    private static final String ORG = "{\"id\":%d,\"name\":\"Org %d\",\"external_id\":\"001X%d\","
            + "\"domain_names\":[\"a%d.example\"],\"tags\":[\"x\"],\"organization_fields\":{\"k\":[1,2]}}";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":1,\"name\":\"Acme\",\"external_id\":\"001A\",\"domain_names\":[\"acme.com\"]}\n",
                "\uFEFF{\"id\":1,\"name\":\"Zoë\"}\r\n{\"id\":2}\r\n",
                "\n{\"id\":1}\n   \n{\"id\":2,\"deleted_at\":\"2026-01-01T00:00:00Z\"}",
                "{\"id\":2}\n{\"id\":1}\n{\"id\":2,\"name\":\"again\"}\n",
                "{\"id\":1,\"external_id\":12345,\"domain_names\":null,\"name\":null}\n",
                "{\"id\":1} {\"id\":2}\n",
                "{\"id\":1,\n\"name\":\"split\"}\n",
                "{\"id\":\"1\"}\n",
                "{\"id\":1,\"domain_names\":\"acme.com\"}\n",
                "{\"id\":1,\"domain_names\":[\"a.com\",7]}\n",
                "{\"id\":0}\n",
                "{\"id\":1.5}\n",
                "{\"name\":\"no id\"}\n",
                "[1,2]\n",
                "{\"id\":1,\"id\":2}\n",
                "{\"id\":1,\"external_id\":1.5}\n",
                "{\"id\":99999999999999999999}\n",
                "{\"id\":1}\n{\"id\":2\n",
                "",
                "\n\n",
                "\u000C\n{\"id\":1}\n",
                "{\"id\":1,\"name\":\"\u2028\"}\n"
            })
    void organizations_sameAsExactReader(String text) {
        assertSame(
                text,
                JsonlStreamReader::organizations,
                ZendeskRecords::organization,
                StreamedRecords.ORGANIZATION_FIELDS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":5,\"email\":\"a@b.com\",\"role\":\"end-user\",\"organization_id\":7,\"active\":true,\"suspended\":false}\n",
                "{\"id\":5,\"active\":null,\"suspended\":null,\"organization_id\":null}\n",
                "{\"id\":5,\"active\":\"yes\"}\n",
                "{\"id\":5,\"organization_id\":-3}\n",
                "{\"id\":9007199254740992,\"email\":\"a@b.com\"}\n",
                "{\"id\":5,\"organization_id\":9007199254740992}\n",
                "{\"id\":5,\"email\":7}\n",
                "{\"id\":5,\"tags\":[],\"tags\":[\"x\"]}\n{\"id\":6,\"active\":\"yes\"}\n",
                "{\"id\":5,\"tags\":[],\"tags\":[\"x\"],\"user_fields\":{\"a\":1,\"a\":2}}\n",
                "{\"id\":5,\"role\":\"end-user\",\"x\":{\"role\":1},\"role\":\"agent\"}\n"
            })
    void users_sameAsExactReader(String text) {
        assertSame(text, JsonlStreamReader::users, ZendeskRecords::user, StreamedRecords.USER_FIELDS);
    }

    @Test
    void users_keyTheMappingNeverReadsGivenTwice_isReadByBothReaders() {
        String line = "{\"id\":5,\"tags\":[],\"tags\":[\"x\"],\"role\":\"end-user\"}\n";
        String forcesExact = "\u000C\n"; // a blank line by the exact reader's rule only: the file is read by it
        for (String text : List.of(line, line + forcesExact)) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(JsonlStreamReader.users(() -> new ByteArrayInputStream(bytes), "u.jsonl"))
                    .as(text)
                    .first()
                    .extracting(u -> u.role())
                    .isEqualTo("end-user");
        }
        byte[] known = "{\"id\":5,\"role\":\"end-user\",\"role\":\"agent\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonlStreamReader.users(() -> new ByteArrayInputStream(known), "u.jsonl"))
                .hasMessageContaining("u.jsonl:1:")
                .hasMessageContaining("the key 'role' is given twice in one object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "false", "no", "yes", "2026-13-01"})
    void organization_deletedAtThatIsNoTimestamp_isRefusedOnItsLineNotReadAsDeleted(String text) {
        byte[] bytes = ("{\"id\":1,\"deleted_at\":null}\n{\"id\":2,\"deleted_at\":\"" + text + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonlStreamReader.organizations(() -> new ByteArrayInputStream(bytes), "o.jsonl"))
                .hasMessageStartingWith("o.jsonl:2:9: error: 'deleted_at' must be an ISO 8601 timestamp")
                .hasMessageEndingWith("found \"" + text + "\"");
        byte[] deleted = "{\"id\":3,\"deleted_at\":\"2026-03-01T10:00:00+02:00\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonlStreamReader.organizations(() -> new ByteArrayInputStream(deleted), "o.jsonl"))
                .singleElement()
                .satisfies(o -> assertThat(o.deleted()).isTrue())
                .satisfies(o -> assertThat(o.deletedAt()).isEqualTo("2026-03-01T08:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":1,\"user_id\":2,\"organization_id\":3,\"default\":true}\n",
                "{\"id\":1,\"user_id\":2,\"organization_id\":null}\n",
                "{\"id\":1,\"user_id\":2,\"organization_id\":3,\"default\":null}\n"
            })
    void memberships_sameAsExactReader(String text) {
        assertSame(text, JsonlStreamReader::memberships, ZendeskRecords::membership, StreamedRecords.MEMBERSHIP_FIELDS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":1,\"requester_id\":2,\"organization_id\":3,\"created_at\":\"2026-01-02T03:04:05Z\","
                        + "\"updated_at\":\"2026-01-03T03:04:05.123Z\",\"status\":\"open\"}\n",
                "{\"id\":1,\"created_at\":\"2026-01-02T03:04:05+02:00\",\"updated_at\":null,\"status\":null}\n",
                "{\"id\":1,\"created_at\":\"2025-02-29T00:00:00Z\"}\n",
                "{\"id\":1,\"created_at\":\"2026-01-02 03:04:05\"}\n",
                "{\"id\":1,\"created_at\":\"\",\"status\":\"custom-status\"}\n",
                "{\"id\":3,\"status\":\"solved\"}\n{\"id\":1}\n{\"id\":3,\"status\":\"closed\"}\n",
                "{\"id\":1,\"requester_id\":\"2\"}\n"
            })
    void tickets_sameAsExactReader(String text) {
        assertSame(text, JsonlStreamReader::tickets, ZendeskRecords::ticket, StreamedRecords.TICKET_FIELDS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // ascending ids: outside the window by updated_at, by created_at, no timestamps, in it
                "{\"id\":1,\"created_at\":\"2026-03-01T00:00:00Z\",\"updated_at\":\"2026-03-31T23:59:59.999Z\"}\n"
                        + "{\"id\":2,\"created_at\":\"2026-03-31T12:00:00Z\"}\n"
                        + "{\"id\":3}\n"
                        + "{\"id\":4,\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-04-01T00:00:00Z\"}\n"
                        + "{\"id\":5,\"created_at\":\"2026-04-02T00:00:00Z\",\"status\":\"open\"}\n",
                // repeated ids: only the last version of each decides, both ways
                "{\"id\":7,\"updated_at\":\"2026-04-05T00:00:00Z\"}\n"
                        + "{\"id\":6,\"updated_at\":\"2026-03-01T00:00:00Z\"}\n"
                        + "{\"id\":7,\"updated_at\":\"2026-03-02T00:00:00Z\"}\n"
                        + "{\"id\":6,\"updated_at\":\"2026-04-06T00:00:00Z\"}\n"
                        + "{\"id\":8,\"updated_at\":\"2026-04-07T00:00:00Z\"}\n",
                // the exact reader's path
                "\u000C\n{\"id\":1,\"created_at\":\"2026-04-02T00:00:00Z\"}\n"
                        + "{\"id\":2,\"created_at\":\"2026-03-02T00:00:00Z\"}\n"
            })
    void tickets_window_holdsTheLastVersionsInItAndCountsAll(String text) {
        Instant since = Instant.parse("2026-04-01T00:00:00Z");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TicketTable all = JsonlStreamReader.tickets(() -> new ByteArrayInputStream(bytes), "f.jsonl");
        TicketTable window = JsonlStreamReader.tickets(() -> new ByteArrayInputStream(bytes), "f.jsonl", since);

        List<Ticket> expected = all.stream()
                .filter(t -> t.activityAt() != null && !t.activityAt().isBefore(since))
                .toList();
        assertThat(window).isEqualTo(expected).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(window.read()).isEqualTo(all.size()).isEqualTo(all.read());
        assertThat(window.keptSince()).isEqualTo(since);
        assertThat(all.keptSince()).isNull();
    }

    @Test
    void tickets_window_manyBlocks_holdsOnlyTheWindow() {
        Instant since = Instant.parse("2026-04-01T00:00:00Z");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 60_000; i++) {
            sb.append("{\"id\":%d,\"requester_id\":%d,\"updated_at\":\"%s\",\"status\":\"open\"}\n"
                    .formatted(i, i % 97 + 1, since.plusSeconds((i % 10 - 8) * 3600L)));
        }
        assertThat(sb.length()).isGreaterThan(4 << 20);
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        TicketTable window = JsonlStreamReader.tickets(() -> new ByteArrayInputStream(bytes), "f.jsonl", since);
        assertThat(window.read()).isEqualTo(60_000);
        assertThat(window).hasSize(12_000).allMatch(t -> !t.activityAt().isBefore(since));
        assertThat(window.get(0).id().value()).isEqualTo(8);
        assertThat(window.get(11_999).id().value()).isEqualTo(59_999);
    }

    @Test
    void organizations_manyBlocksWithNonAscii_sameAsExactReader() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 80_000; i++) {
            sb.append(String.format(ORG, i, i, i, i).replace("Org", i % 7 == 0 ? "Société" : "Org"))
                    .append('\n');
        }
        assertThat(sb.length()).isGreaterThan(9 << 20);
        assertSame(
                sb.toString(),
                JsonlStreamReader::organizations,
                ZendeskRecords::organization,
                StreamedRecords.ORGANIZATION_FIELDS);
    }

    @Test
    void organizationsAndUsers_halfACharacterEscaped_readAsAReplacementCharacterByBothReaders() {
        String orgs = "{\"id\":1,\"name\":\"Cut \\ud83d\",\"external_id\":\"x\\udc00y\","
                + "\"domain_names\":[\"a\\ud83d.example\"]}\n"
                + "{\"id\":2,\"name\":\"Whole \\ud83d\\ude00\"}\n";
        assertSame(
                orgs,
                JsonlStreamReader::organizations,
                ZendeskRecords::organization,
                StreamedRecords.ORGANIZATION_FIELDS);
        var read = JsonlStreamReader.organizations(
                () -> new ByteArrayInputStream(orgs.getBytes(StandardCharsets.UTF_8)), "f.jsonl");
        assertThat(read.get(0).name()).isEqualTo("Cut \uFFFD");
        assertThat(read.get(0).externalId()).isEqualTo("x\uFFFDy");
        assertThat(read.get(1).name()).isEqualTo("Whole \uD83D\uDE00");

        String users = "{\"id\":5,\"name\":\"\\ud83d\",\"email\":\"a\\ud83d@b.example\",\"role\":\"end-user\"}\n";
        assertSame(users, JsonlStreamReader::users, ZendeskRecords::user, StreamedRecords.USER_FIELDS);
        var user = JsonlStreamReader.users(
                        () -> new ByteArrayInputStream(users.getBytes(StandardCharsets.UTF_8)), "u.jsonl")
                .get(0);
        assertThat(user.name()).isEqualTo("\uFFFD");
        assertThat(user.email()).isEqualTo("a\uFFFD@b.example");
    }

    @Test
    void organizations_invalidUtf8_sameErrorAsExactReader() {
        byte[] bad = "{\"id\":1,\"name\":\"x\"}\n{\"id\":2,\"name\":\"?\"}\n".getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 4] = (byte) 0xC3;
        assertSame(
                bad,
                JsonlStreamReader::organizations,
                ZendeskRecords::organization,
                StreamedRecords.ORGANIZATION_FIELDS);
        byte[] surrogate = "{\"id\":1,\"name\":\"abc\"}\n".getBytes(StandardCharsets.UTF_8);
        surrogate[16] = (byte) 0xED;
        surrogate[17] = (byte) 0xA0;
        surrogate[18] = (byte) 0x80;
        assertSame(
                surrogate,
                JsonlStreamReader::organizations,
                ZendeskRecords::organization,
                StreamedRecords.ORGANIZATION_FIELDS);
    }

    private interface Fast<T> {
        List<T> read(JsonlStreamReader.Opener open, String file);
    }

    private static <T> void assertSame(String text, Fast<T> fast, Function<JsonNode, T> mapper, Set<String> fields) {
        assertSame(text.getBytes(StandardCharsets.UTF_8), fast, mapper, fields);
    }

    private static <T> void assertSame(byte[] bytes, Fast<T> fast, Function<JsonNode, T> mapper, Set<String> fields) {
        Object expected;
        try {
            expected = JsonlReader.read(
                    new ByteArrayInputStream(bytes), "f.jsonl", mapper, JsonlStreamReaderTest::id, fields);
        } catch (RuntimeException e) {
            expected = e.getClass().getName() + ": " + e.getMessage();
        }
        Object actual;
        try {
            actual = List.copyOf(fast.read(() -> new ByteArrayInputStream(bytes), "f.jsonl"));
        } catch (RuntimeException e) {
            actual = e.getClass().getName() + ": " + e.getMessage();
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static Object id(Object record) {
        if (record instanceof Organization o) {
            return o.id();
        }
        if (record instanceof User u) {
            return u.id();
        }
        if (record instanceof Membership m) {
            return m.id();
        }
        return ((Ticket) record).id();
    }

    @Test
    void users_idsRepeatedWithOtherContent_warnOnceNamingTheFirstAndItsLines_byBothReaders() {
        String text = "{\"id\":3,\"name\":\"A\"}\n\n{\"id\":209,\"name\":\"Old\"}\n{\"id\":5}\r\n"
                + "{\"id\":209,\"name\":\"New\"}\n{\"id\":5}\n{\"id\":7,\"name\":\"x\"}\n{\"id\":7,\"name\":\"y\"}\n";
        String forcesExact = "\u000C\n"; // a blank line by the exact reader's rule only: the file is read by it
        for (String file : List.of(text, text + forcesExact)) {
            byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
            List<String> warnings = new java.util.ArrayList<>();

            List<User> users = JsonlStreamReader.users(() -> new ByteArrayInputStream(bytes), "u.jsonl", warnings::add);

            assertThat(users).extracting(User::name).containsExactly("A", "New", "", "y");
            assertThat(warnings)
                    .as(file)
                    .containsExactly("u.jsonl: 2 user ids appear on more than one line with different content (first: "
                            + "209 on lines 3 and 5); the last line of each is used");
        }
    }

    @Test
    void memberships_idRepeatedWithTheSameContent_isNoWarning() {
        String line = "{\"id\":5001,\"user_id\":7001,\"organization_id\":9001,\"default\":true}\n";
        byte[] bytes =
                (line + "{\"id\":4,\"user_id\":1,\"organization_id\":2}\n" + line).getBytes(StandardCharsets.UTF_8);
        List<String> warnings = new java.util.ArrayList<>();

        assertThat(JsonlStreamReader.memberships(() -> new ByteArrayInputStream(bytes), "m.jsonl", warnings::add))
                .hasSize(2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void tickets_idRepeatedWithOtherContentReadForAWindow_warnsOnce() {
        String text = "{\"id\":2,\"requester_id\":1,\"status\":\"open\",\"updated_at\":\"2026-04-10T00:00:00Z\"}\n"
                + "{\"id\":1,\"requester_id\":1,\"status\":\"open\",\"updated_at\":\"2026-04-10T00:00:00Z\"}\n"
                + "{\"id\":2,\"requester_id\":1,\"status\":\"solved\",\"updated_at\":\"2026-04-11T00:00:00Z\"}\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> warnings = new java.util.ArrayList<>();

        JsonlStreamReader.tickets(
                () -> new ByteArrayInputStream(bytes), "t.jsonl", Instant.parse("2026-04-01T00:00:00Z"), warnings::add);

        assertThat(warnings)
                .containsExactly("t.jsonl: 1 ticket id appears on more than one line with different content (first: 2"
                        + " on lines 1 and 3); the last line of each is used");
    }
}
