package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.errors.InputException;
import io.plumbline.model.Membership;
import io.plumbline.model.Organization;
import io.plumbline.model.Ticket;
import io.plumbline.model.User;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlReaderTest {
    private static List<Organization> orgs(String jsonl) {
        return JsonlReader.read(
                new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                "organizations.jsonl",
                ZendeskRecords::organization,
                Organization::id);
    }

    private static List<User> users(String jsonl) {
        return JsonlReader.read(
                new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                "users.jsonl",
                ZendeskRecords::user,
                User::id);
    }

    private static List<Membership> memberships(String jsonl) {
        return JsonlReader.read(
                new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                "organization_memberships.jsonl",
                ZendeskRecords::membership,
                Membership::id);
    }

    private static List<Ticket> tickets(String jsonl) {
        return JsonlReader.read(
                new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                "tickets.jsonl",
                ZendeskRecords::ticket,
                Ticket::id);
    }

    @Test
    void read_lineLongerThanTheLimit_isAnInputErrorOnItsLineNotAnExhaustedHeap() {
        byte[] head = "{\"id\":1}\n[{\"id\":2,\"name\":\"".getBytes(StandardCharsets.UTF_8);
        long size = JsonlReader.MAX_LINE_BYTES + 1024L;
        java.io.InputStream endless = new java.io.InputStream() { // a whole export on one line, never held
                    private long at;

                    @Override
                    public int read() {
                        return at >= size ? -1 : at < head.length ? head[(int) at++] : at++ == size - 1 ? '\n' : 'a';
                    }
                };
        assertThatThrownBy(() -> JsonlReader.read(
                        endless, "organizations.jsonl", ZendeskRecords::organization, Organization::id))
                .isInstanceOf(InputException.class)
                .hasMessage("organizations.jsonl:2: error: the line is longer than 64 MiB; each line must hold one "
                        + "JSON object (a whole export saved as one JSON array, or a saved API page, is not JSONL: "
                        + "write one object per line)");
    }

    @Test
    void keyColumn_isWhereTheNamedKeyIsWritten() {
        String line = "{\"id\":7, \"domain_names\":[1]}";
        assertThat(JsonlReader.keyColumn(line, "'domain_names[]' must be a string, found 1"))
                .isEqualTo(10);
        assertThat(JsonlReader.keyColumn(line, "'id' must be a positive integer"))
                .isEqualTo(2);
        assertThat(JsonlReader.keyColumn(line, "expected a JSON object, found an array"))
                .isZero();
        assertThat(JsonlReader.keyColumn(line, "'name' is missing")).isZero();
    }

    @Test
    void read_lineThatIsAWholeApiAnswer_saysSo() {
        assertThatThrownBy(() -> orgs("{\"organizations\":[{\"id\":1},{\"id\":2}],\"next_page\":null}\n"))
                .hasMessage("organizations.jsonl:1:2: error: missing 'id'; the line is a whole API answer (its "
                        + "'organizations' holds the records): write each record on a line of its own");
        // a record without an id is only that
        assertThatThrownBy(() -> orgs("{\"name\":\"x\",\"tags\":[]}\n")).hasMessageEndingWith("missing 'id'");
    }

    @Test
    void read_jsonWrittenOverManyLinesOrAsOneArray_saysSoWithTheCommandThatMakesItJsonl() {
        assertThatThrownBy(() -> orgs("{\n  \"organizations\": [\n    {\"id\": 1}\n  ]\n}\n"))
                .hasMessageStartingWith("organizations.jsonl:1:2: error: malformed JSON: ")
                .hasMessageEndingWith(
                        "; each line must hold one JSON object (this looks like JSON written over "
                                + "many lines, as jq . or a saved API answer has it: write one object per line, e.g. jq -c "
                                + "'.organizations[]' organizations.jsonl > organizations-lines.jsonl, and put that in its place)");
        assertThatThrownBy(() -> orgs("[{\"id\":1},{\"id\":2}]\n"))
                .hasMessageEndingWith(
                        "; the line is a JSON array: write each of its objects on a line of its own "
                                + "(e.g. jq -c '.[]' organizations.jsonl > organizations-lines.jsonl, and put that in its place)");
        assertThatThrownBy(() -> orgs("[\n  {\"id\": 1}\n]\n"))
                .message()
                .contains("e.g. jq -c '.[]' organizations.jsonl");
        // a line cut short is only that
        assertThatThrownBy(() -> orgs("{\"id\":1}\nx{\"id\":2\n")).message().doesNotContain("many lines");
    }

    @Test
    void read_emptyFile_returnsNothing() {
        assertThat(orgs("")).isEmpty();
    }

    @Test
    void read_blankLines_areSkippedButCounted() {
        assertThatThrownBy(() -> orgs("\n{\"id\":1}\n   \n\t\n{\"id\":\"x\"}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("organizations.jsonl:5:2: error:");
        assertThat(orgs("\n{\"id\":1}\n\n{\"id\":2}\n\n")).hasSize(2);
    }

    @Test
    void read_malformedJson_failsWithFileLineAndColumn() {
        assertThatThrownBy(() -> orgs("{\"id\":1}\n{\"id\":2,\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("organizations.jsonl:2:9: error: malformed JSON: the text ends before the object is closed "
                        + "with }; each line must hold one JSON object");
    }

    @Test
    void read_malformedJson_saysWhatIsWrongInPlainWords() {
        assertThatThrownBy(() -> orgs("{\"id\":1}\n{\"id\" 2}\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("organizations.jsonl:2:7: error: malformed JSON: unexpected character '2' where a colon "
                        + "should follow the key; each line must hold one JSON object");
        assertThatThrownBy(() -> orgs("{\"id\":1]\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("organizations.jsonl:1:8: error: malformed JSON: unexpected ']' where '}' should close the "
                        + "object; each line must hold one JSON object");
    }

    @Test
    void read_trailingGarbage_fails() {
        assertThatThrownBy(() -> orgs("{\"id\":1} x\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("organizations.jsonl:1:10: error: malformed JSON: ");
    }

    @Test
    void read_keyGivenTwiceInARecord_failsNamingIt() {
        String text = "{\"id\":1,\"external_id\":null}\n{\"id\":2,\"external_id\":null,\"external_id\":\"001A\"}\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> orgs(text))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("organizations.jsonl:2:")
                .hasMessageContaining("malformed JSON: the key 'external_id' is given twice in one object");
        assertThatThrownBy(() ->
                        JsonlStreamReader.organizations(() -> new ByteArrayInputStream(bytes), "organizations.jsonl"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the key 'external_id' is given twice in one object");
    }

    @Test
    void read_twoObjectsOnOneLine_fails() {
        assertThatThrownBy(() -> orgs("{\"id\":1}{\"id\":2}\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("organizations.jsonl:1:9: error: malformed JSON: more text follows the end of the JSON "
                        + "value; each line must hold one JSON object");
    }

    @Test
    void read_prettyPrintedObjectOverSeveralLines_failsOnItsFirstLine() {
        assertThatThrownBy(() -> orgs("{\n  \"id\": 1\n}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("organizations.jsonl:1:");
    }

    @Test
    void read_lineThatIsNotAnObject_fails() {
        assertThatThrownBy(() -> orgs("[{\"id\":1}]\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("organizations.jsonl:1:1: error: expected a JSON object, found [{\"id\":1}]; "
                        + "the line is a JSON array");
        assertThatThrownBy(() -> orgs("null\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("organizations.jsonl:1: error: expected a JSON object, found null");
    }

    @Test
    void read_idOfWrongType_failsNamingTheField() {
        assertThatThrownBy(() -> orgs("{\"id\":\"abc\"}\n"))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        "organizations.jsonl:1:2: error: 'id' must be a positive integer up to 9007199254740991, found \"abc\"");
    }

    @Test
    void read_missingId_failsNamingTheField() {
        assertThatThrownBy(() -> users("{\"email\":\"a@b.example\"}\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("users.jsonl:1: error: missing 'id'");
    }

    @Test
    void read_idZeroNegativeFractionalOrHuge_fails() {
        for (String id : List.of("0", "-5", "1.5", "9007199254740992", "99999999999999999999")) {
            assertThatThrownBy(() -> orgs("{\"id\":" + id + "}\n"))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(
                            "organizations.jsonl:1:2: error: 'id' must be a positive integer up to 9007199254740991, found ");
        }
    }

    @Test
    void read_hugeIntegerBeyondLong_failsAsWrongType() {
        assertThatThrownBy(() -> tickets("{\"id\":1,\"requester_id\":" + "9".repeat(400) + "}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(
                        "tickets.jsonl:1:9: error: 'requester_id' must be a positive integer up to 9007199254740991, found 999")
                .hasMessageEndingWith("...");
    }

    @Test
    void read_duplicateIds_keepsTheLastVersion() {
        assertThat(orgs("{\"id\":1,\"name\":\"Old\"}\n{\"id\":2,\"name\":\"Two\"}\n{\"id\":1,\"name\":\"New\"}\n"))
                .extracting(Organization::name)
                .containsExactlyInAnyOrder("Two", "New");
    }

    @Test
    void read_utf8BomOnFirstLine_isSkipped() {
        assertThat(orgs("\uFEFF{\"id\":1}\n")).hasSize(1);
    }

    @Test
    void read_invalidUtf8_failsWithLine() {
        byte[] bytes =
                "{\"id\":1}\n\n{\"id\":2,\"name\":\"Caf\u00e9\"}\n{\"id\":3}\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> JsonlReader.read(
                        new ByteArrayInputStream(bytes), "organizations.jsonl", ZendeskRecords::organization, o -> o))
                .isInstanceOf(InputException.class)
                .hasMessage("organizations.jsonl:3:20: error: not valid UTF-8 text (byte 0xE9 at character 20 of the "
                        + "line); save the file as UTF-8");
    }

    @Test
    void read_fileThatIsUtf16OrGzip_saysSoAtItsFirstByte() {
        byte[] utf16 = "\uFEFF{\"id\":1}\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] gzip = {0x1F, (byte) 0x8B, 0x08, 0x00};

        assertThatThrownBy(() ->
                        JsonlReader.read(new ByteArrayInputStream(utf16), "users.jsonl", ZendeskRecords::user, u -> u))
                .hasMessage("users.jsonl:1:1: error: not valid UTF-8 text (byte 0xFF at character 1 of the line); "
                        + "save the file as UTF-8 (it starts as UTF-16 text does)");
        assertThatThrownBy(() ->
                        JsonlReader.read(new ByteArrayInputStream(gzip), "users.jsonl", ZendeskRecords::user, u -> u))
                .hasMessageEndingWith("(byte 0x8B at character 2 of the line); save the file as UTF-8 (it starts as a "
                        + "gzip file does: decompress it first)");
    }

    @Test
    void read_crlfAndCrLineEndings_areAccepted() {
        assertThat(orgs("{\"id\":1}\r\n{\"id\":2}\r{\"id\":3}\n{\"id\":4}")).hasSize(4);
        assertThatThrownBy(() -> orgs("{\"id\":1}\r\n{\"id\":2}\r{\"id\":0}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("organizations.jsonl:3:2: error:");
    }

    @Test
    void read_multiByteCharacters_areDecoded() {
        assertThat(orgs("{\"id\":1,\"name\":\"B\u00fccher \ud83d\udcda\"}\n"))
                .extracting(Organization::name)
                .containsExactly("B\u00fccher \ud83d\udcda");
    }
}
