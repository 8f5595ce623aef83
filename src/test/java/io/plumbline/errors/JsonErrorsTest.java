package io.plumbline.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static InputException malformed(String text) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> JSON.readTree(text));
        assertThat(e).as("%s should not parse", text).isNotNull();
        return JsonErrors.malformed("f.json", e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {x              | f.json:1:2: error: malformed JSON: unexpected character 'x' where a key in double quotes should start
            {"a": 1,}       | f.json:1:9: error: malformed JSON: unexpected character '}' where a key in double quotes should start
            {"a" 1}         | f.json:1:6: error: malformed JSON: unexpected character '1' where a colon should follow the key
            {"a": 1 "b": 2} | f.json:1:9: error: malformed JSON: unexpected character '"' where a comma or } should follow a value
            [1 2]           | f.json:1:4: error: malformed JSON: unexpected character '2' where a comma or ] should follow a value
            {"a": }         | f.json:1:7: error: malformed JSON: unexpected character '}' where a value should be
            {"a": 1]        | f.json:1:8: error: malformed JSON: unexpected ']' where '}' should close the object
            [1}             | f.json:1:3: error: malformed JSON: unexpected '}' where ']' should close the array
            {"a": 1}}       | f.json:1:9: error: malformed JSON: unexpected '}' with nothing open to close
            {"captured_at": | f.json:1:16: error: malformed JSON: the text ends before the object is closed with }
            [1, 2           | f.json:1:6: error: malformed JSON: the text ends before the array is closed with ]
            {"a": "x        | f.json:1:9: error: malformed JSON: the text ends inside text in double quotes
            {"a": 01}       | f.json:1:8: error: malformed JSON: a number with a leading zero
            {"a": 1}{}      | f.json:1:9: error: malformed JSON: more text follows the end of the JSON value
            {"a": "\\q"}    | f.json:1:9: error: malformed JSON: unknown escape \\q inside text in double quotes
            """)
    void malformed_brokenJson_saysWhatAndWhereInPlainWords(String text, String message) {
        assertThat(malformed(text).getMessage()).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{x",
                "{\"a\":",
                "{\"a\": 1",
                "[",
                "{\"a\": 1]",
                "[1}",
                "{\"a\": tru}",
                "{\"a\": NaN}",
                "{\"a\": \"\n\"}",
                "{\"a\": 1}{}",
                "{\"a\": -}",
                "\u0001",
                "{'a': 1}",
                "{\"a\": 1x}",
                "]"
            })
    void malformed_anyBrokenJson_namesNoneOfTheParsersInternals(String text) {
        InputException e = malformed(text);

        assertThat(e.getMessage())
                .startsWith("f.json:1:")
                .contains(": error: malformed JSON: ")
                .doesNotContain("Source", "REDACTED", "`", "JsonToken", "jackson", "Feature", "code 1)\n", "\n");
        assertThat(e.exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void malformed_beyondTheReadersLimits_saysWhichLimit() {
        assertThat(malformed("{\"a\": \"" + "x".repeat(20_000_001) + "\"}").getMessage())
                .endsWith("malformed JSON: a text value longer than 20,000,000 characters, the most read");
        assertThat(malformed("{\"a\": " + "1".repeat(1_001) + "}").getMessage())
                .endsWith("malformed JSON: a number longer than 1,000 characters, the most read");
        assertThat(malformed("{\"" + "k".repeat(50_001) + "\": 1}").getMessage())
                .endsWith("malformed JSON: a key longer than 50,000 characters, the most read");
        assertThat(malformed("[".repeat(1_001) + "]".repeat(1_001)).getMessage())
                .endsWith("malformed JSON: objects or arrays nested deeper than 1,000 levels, the most read");
    }

    @Test
    void malformed_quotedInput_isPrintableAndShort() {
        assertThat(malformed("{\"a\": x\u001b[2J}").getMessage()).doesNotContain("\u001b");
        assertThat(malformed("{\"a\": " + "y".repeat(300) + "}").getMessage())
                .contains("'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy...'");
    }
}
