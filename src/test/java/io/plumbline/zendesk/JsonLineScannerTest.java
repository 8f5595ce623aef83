package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.MembershipTable;
import io.plumbline.model.Organization;
import io.plumbline.model.TicketColumns;
import io.plumbline.model.TicketTable;
import io.plumbline.model.User;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte scanner reads a block exactly as Jackson's streaming parser does (the same records, ids
 * and order) or leaves it to the parser; it never accepts a block the parser refuses. And it does
 * read the common shape itself, escapes and nesting in the values it skips included.
 */
class JsonLineScannerTest {
    /** A ticket as the API gives it, with escapes and nesting in the values no mapping reads (and a user_id). */
    private static final String TICKET = "{\"url\":\"https://acme.zendesk.com/api/v2/tickets/%1$d.json\",\"id\":%1$d,"
            + "\"via\":{\"channel\":\"email\",\"source\":{\"from\":{},\"to\":{}}},\"created_at\":\"2025-05-25T15:51:58Z\","
            + "\"updated_at\":\"2025-05-29T09:07:41Z\",\"subject\":\"Order \\\"7919\\\" \\u00e9t\u00e9 \\/ \\\\\","
            + "\"priority\":null,\"status\":\"closed\",\"requester_id\":380000000000,\"submitter_id\":-1.5e+3,"
            + "\"assignee_id\":null,\"organization_id\":%1$d7,\"tags\":[\"web\",[],{}],\"has_incidents\":false,"
            + "\"is_public\":true,\"custom_fields\":[{\"id\":0,\"value\":0.25E-2}],\"user_id\":%1$d9}";

    /** One kind of record: the keys its mapping reads, its sink, and the records a sink holds. */
    enum Kind {
        TICKETS(StreamedRecords.TICKET_KEYS, c -> new TicketColumns.Builder(c, null), StreamedRecords::ticket, b -> {
            return List.copyOf(TicketTable.concat(List.of((TicketColumns.Builder) b)));
        }),
        MEMBERSHIPS(
                StreamedRecords.MEMBERSHIP_KEYS,
                MembershipTable.Builder::new,
                StreamedRecords::membership,
                b -> List.copyOf(MembershipTable.concat(List.of((MembershipTable.Builder) b)))),
        USERS(
                StreamedRecords.USER_KEYS,
                ArrayList::new,
                (r, sink) -> {
                    User u = StreamedRecords.user(r);
                    sink.add(u);
                    return u.id().value();
                },
                b -> b),
        ORGANIZATIONS(
                StreamedRecords.ORGANIZATION_KEYS,
                ArrayList::new,
                (r, sink) -> {
                    Organization o = StreamedRecords.organization(r);
                    sink.add(o);
                    return o.id().value();
                },
                b -> b);

        final String[] keys;
        final IntFunction<Object> newSink;
        final JsonlStreamReader.RecordMapper<Object> mapper;
        final Function<Object, Object> records;

        @SuppressWarnings("unchecked")
        <S> Kind(
                String[] keys,
                IntFunction<S> newSink,
                JsonlStreamReader.RecordMapper<S> mapper,
                Function<Object, Object> records) {
            this.keys = keys;
            this.newSink = (IntFunction<Object>) newSink;
            this.mapper = (JsonlStreamReader.RecordMapper<Object>) mapper;
            this.records = records;
        }
    }

    /** What a reader made of a block: null when it left (scanner) or refused (parser) the block. */
    record Outcome(Object records, long firstId, long lastId, boolean ascending) {
        static Outcome of(Kind kind, JsonlBlocks.Block<Object> block) {
            return block == null || !block.ok()
                    ? null
                    : new Outcome(kind.records.apply(block.sink()), block.firstId(), block.lastId(), block.ascending());
        }
    }

    static Outcome scanned(Kind kind, byte[] b) {
        return Outcome.of(kind, JsonlBlocks.scanned(b, 0, b.length, kind.keys, kind.newSink.apply(4), kind.mapper));
    }

    static Outcome parsed(Kind kind, byte[] b) {
        return Outcome.of(kind, JsonlBlocks.parsed(b, 0, b.length, kind.keys, kind.newSink.apply(4), kind.mapper));
    }

    /** The scanner's outcome, checked against the parser's: the same when it reads the block at all. */
    private static Outcome agreed(Kind kind, byte[] b) {
        Outcome scanned = scanned(kind, b);
        if (scanned != null) {
            assertThat(scanned)
                    .as("%s: %s", kind, new String(b, StandardCharsets.UTF_8))
                    .isEqualTo(parsed(kind, b));
        }
        return scanned;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void commonShape_isReadByTheScanner_asByTheParser(Kind kind) {
        String lines = String.format(TICKET, 1) + "\n\n  \t\r\n" + String.format(TICKET, 2) + " \t\r\n"
                + "{\"id\":3,\"user_id\":4,\"organization_id\":5,\"default\":true,\"email\":\"a@b.example\","
                + "\"name\":\"Zo\u00eb \u2028 \uD83D\uDE00\",\"role\":\"end-user\",\"active\":false,\"suspended\":null,"
                + "\"external_id\":-12,\"domain_names\":[ \"b.example\" , \"c.example\" ],\"deleted_at\":null}\n"
                + "{ \"id\" : 9 , \"created_at\" : \"2026-04-17T09:30:00+02:00\" , \"status\" : \"custom\" ,"
                + " \"external_id\" : \"001A\" , \"domain_names\" : [ ] , \"user_id\":1,\"organization_id\":2}";
        Outcome outcome = agreed(kind, utf8(lines));

        assertThat(outcome).as(kind.name()).isNotNull();
        assertThat(outcome.lastId()).isEqualTo(9);
        assertThat((List<?>) outcome.records()).hasSize(4);
    }

    @Test
    void readValues_areTheParsersValues() {
        byte[] b = utf8("{\"id\":7,\"created_at\":\"2026-04-17T09:30:00.123Z\",\"updated_at\":\"\","
                + "\"status\":\"pending\",\"requester_id\":null,\"organization_id\":1234567890123456}\n"
                + "{\"id\":8,\"status\":\"sol\u00e9d\",\"created_at\":\"2026-04-17T09:30:00-05:00\"}");
        Outcome outcome = agreed(Kind.TICKETS, b);

        assertThat(outcome).isNotNull();
        assertThat(outcome.records().toString())
                .contains(
                        "2026-04-17T09:30:00.123Z",
                        "pending",
                        "1234567890123456",
                        "sol\u00e9d",
                        "2026-04-17T14:30:00Z");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"i\\u0064\":1}", // an escape in a key
                "{\"id\":1234567890123456789}", // more digits than the scanner reads
                "{\"id\":1,\"organization_id\":00}",
                "{\"id\":1,\"x\":01}",
                "{\"id\":1,\"x\":1.}",
                "{\"id\":1,\"x\":.5}",
                "{\"id\":1,\"x\":+1}",
                "{\"id\":1,\"x\":1e}",
                "{\"id\":1,\"x\":-}",
                "{\"id\":1,\"x\":NaN}",
                "{\"id\":1,\"x\":tru}",
                "{\"id\":1,\"x\":truex}",
                "{\"id\":1,\"x\":nul}",
                "{\"id\":1,\"x\":'a'}",
                "{\"id\":1,\"x\":\"\\x\"}",
                "{\"id\":1,\"x\":\"\\u12g4\"}",
                "{\"id\":1,\"x\":\"tab\there\"}",
                "{\"id\":1,\"x\":[1,]}",
                "{\"id\":1,\"x\":{\"a\":1,}}",
                "{\"id\":1,\"x\":{\"a\" 1}}",
                "{\"id\":1,\"x\":{a:1}}",
                "{\"id\":1,}",
                "{,\"id\":1}",
                "{\"id\":1 \"x\":2}",
                "{\"id\":1}{\"id\":2}",
                "{\"id\":1} {\"id\":2}",
                "{\"id\":1}\r{\"id\":2}",
                "{\"id\":1,\r\"x\":2}",
                "{\"id\":1,\n\"x\":2}",
                "{\"id\":1}\f",
                "\f{\"id\":1}",
                "[{\"id\":1}]",
                "\"id\"",
                "{\"id\":1",
                "{\"id\":1,\"x\":\"open",
                "{\"id\":1}/* c */",
                "{\"id\":1,\"id\":2}",
                "{\"id\":\"1\"}",
                "{\"id\":1.0}",
                "{\"id\":-1}",
                "{\"id\":0}",
                "{\"x\":1}",
                "{\"id\":1,\"user_id\":2,\"organization_id\":3,\"x\":[\"\u0001\"]}"
            })
    void anythingElse_isLeftToTheParser(String line) {
        for (Kind kind : Kind.values()) {
            assertLeftToTheParser(kind, line);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "USERS | {\"id\":1,\"email\":\"a\\u0040b.example\"}", // an escape in a value the mapping reads
                "USERS | {\"id\":1,\"active\":\"true\"}",
                "USERS | {\"id\":1,\"suspended\":1}",
                "TICKETS | {\"id\":1,\"created_at\":\"2026-02-30T00:00:00Z\"}",
                "TICKETS | {\"id\":1,\"updated_at\":5}",
                "TICKETS | {\"id\":1,\"status\":\"clo\\u0073ed\"}",
                "TICKETS | {\"id\":1,\"status\":[\"closed\"]}",
                "ORGANIZATIONS | {\"id\":1,\"domain_names\":[\"a\",null]}",
                "ORGANIZATIONS | {\"id\":1,\"domain_names\":\"a\"}",
                "ORGANIZATIONS | {\"id\":1,\"external_id\":1.5}",
                "ORGANIZATIONS | {\"id\":1,\"external_id\":true}",
                "MEMBERSHIPS | {\"id\":1,\"user_id\":2,\"organization_id\":3,\"default\":0}",
                "MEMBERSHIPS | {\"id\":1,\"user_id\":2}"
            })
    void aValueTheMappingReads_notAsItReadsIt_isLeftToTheParser(Kind kind, String line) {
        assertLeftToTheParser(kind, line);
    }

    private static void assertLeftToTheParser(Kind kind, String line) {
        for (String text : List.of(line, line + "\n", "{\"id\":1,\"user_id\":2,\"organization_id\":3}\n" + line)) {
            assertThat(scanned(kind, utf8(text))).as("%s: %s", kind, text).isNull();
        }
    }

    @Test
    void nesting_deeperThanTheScannersLimit_isLeftToTheParser() {
        String shallow = "[".repeat(JsonLineScanner.MAX_DEPTH) + "]".repeat(JsonLineScanner.MAX_DEPTH);
        String deep = "[".repeat(JsonLineScanner.MAX_DEPTH + 1) + "]".repeat(JsonLineScanner.MAX_DEPTH + 1);

        assertThat(agreed(Kind.TICKETS, utf8("{\"id\":1,\"x\":" + shallow + "}")))
                .isNotNull();
        assertThat(scanned(Kind.TICKETS, utf8("{\"id\":1,\"x\":" + deep + "}"))).isNull();
    }

    @Test
    void longKeysAndLongReadStrings_areLeftToTheParser() {
        String key = "k".repeat(JsonLineScanner.MAX_KEY + 1);
        String text = "t".repeat(JsonLineScanner.MAX_TEXT + 1);

        assertThat(agreed(Kind.USERS, utf8("{\"id\":1,\"" + key.substring(1) + "\":0}")))
                .isNotNull();
        assertThat(scanned(Kind.USERS, utf8("{\"id\":1,\"" + key + "\":0}"))).isNull();
        assertThat(scanned(Kind.USERS, utf8("{\"id\":1,\"x\":{\"" + key + "\":0}}")))
                .isNull();
        assertThat(agreed(Kind.USERS, utf8("{\"id\":1,\"x\":\"" + text + "\"}")))
                .isNotNull();
        assertThat(scanned(Kind.USERS, utf8("{\"id\":1,\"name\":\"" + text + "\"}")))
                .isNull();
    }

    @Test
    void keysSharingASlot_areToldApartByTheirBytes() {
        String[] keys = {"ab", "b[", "id"};
        assertThat(JsonLineScanner.slot(2, (byte) 'a', (byte) 'b'))
                .as("the two keys share a slot")
                .isEqualTo(JsonLineScanner.slot(2, (byte) 'b', (byte) '['));
        JsonlStreamReader.RecordMapper<List<String>> seen = (r, sink) -> {
            long id = 0;
            int k;
            while ((k = r.nextField()) != FieldReader.END) {
                if (k == 2) {
                    id = r.id();
                } else {
                    sink.add(keys[k] + "=" + r.text());
                }
            }
            return id;
        };
        byte[] b = utf8("{\"b[\":\"2\",\"ac\":\"x\",\"ab\":\"1\",\"a[\":\"y\",\"id\":3}\n");

        JsonlBlocks.Block<List<String>> scanned = JsonlBlocks.scanned(b, 0, b.length, keys, new ArrayList<>(), seen);
        JsonlBlocks.Block<List<String>> parsed = JsonlBlocks.parsed(b, 0, b.length, keys, new ArrayList<>(), seen);

        assertThat(scanned).isNotNull().isEqualTo(parsed);
        assertThat(scanned.sink()).containsExactly("b[=2", "ab=1");
    }

    @Test
    void stringsOfEveryLength_endWhereTheirQuoteIs() {
        // the scanner reads strings eight bytes at a time: every place of the quote in a word
        StringBuilder lines = new StringBuilder();
        for (int n = 0; n < 40; n++) {
            String s = "x".repeat(n);
            String u = "\u00e9".repeat(n % 7) + "y".repeat(n);
            lines.append(String.format(
                    "{\"%s\":\"%s\\\\\",\"id\":%d,\"name\":\"%s\",\"email\":\"%s\",\"role\":\"\"}\n",
                    s, u, n + 1, s, u));
        }
        Outcome outcome = agreed(Kind.USERS, utf8(lines.toString()));

        assertThat(outcome).isNotNull();
        assertThat((List<?>) outcome.records()).hasSize(40);
    }

    /**
     * Thousands of damaged lines: a byte dropped, a structural or odd byte put in, a piece repeated.
     * Wherever the scanner reads one it must read it as the parser does; it must read many of them.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void damagedLines_scannerAgreesWithParserOrLeavesThem(Kind kind) {
        Random random = new Random(20261122L + kind.ordinal());
        byte[][] seeds = {
            utf8(String.format(TICKET, 41)),
            utf8(
                    "{\"id\":5,\"email\":\"a@b.example\",\"name\":\"Zo\u00eb\",\"role\":\"end-user\",\"organization_id\":7,"
                            + "\"active\":true,\"suspended\":false,\"user_id\":6,\"default\":null}"),
            utf8(
                    "{\"id\":9,\"name\":\"Acme\",\"external_id\":\"001A\",\"domain_names\":[\"a.example\"],"
                            + "\"deleted_at\":null,\"organization_fields\":{\"k\":[1,2.5,\"v\"]},\"user_id\":1,\"organization_id\":2}")
        };
        byte[] alphabet = utf8("\"\\{}[],: \t\r\n01-.eE+ntfuaxZ\u00e9\u0001");
        int read = 0;
        int runs = 3_000;
        for (int i = 0; i < runs; i++) {
            byte[] line = seeds[random.nextInt(seeds.length)];
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                line = damage(line, random, alphabet);
            }
            if (Utf8.valid(line, 0, line.length) && agreed(kind, line) != null) {
                read++;
            }
        }
        assertThat(read).as("damaged lines the scanner read itself").isGreaterThan(runs / 20);
    }

    private static byte[] damage(byte[] line, Random random, byte[] alphabet) {
        int at = random.nextInt(line.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line, 0, at);
        switch (random.nextInt(4)) {
            case 0 -> {
                if (at < line.length) {
                    at++; // dropped
                }
            }
            case 1 -> out.write(alphabet[random.nextInt(alphabet.length)]);
            case 2 -> {
                int from = random.nextInt(line.length);
                out.write(line, from, Math.min(line.length - from, 1 + random.nextInt(12)));
            }
            default -> {
                if (at < line.length) {
                    out.write(alphabet[random.nextInt(alphabet.length)]);
                    at++; // replaced
                }
            }
        }
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }
}
