package io.plumbline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jane@acme.example                 | jane@acme.example
            Jane.Doe@Acme.Example             | jane.doe@acme.example
            '  jane@acme.example  '           | jane@acme.example
            jane+support@acme.example         | jane+support@acme.example
            jane@acme.example.                | jane@acme.example
            jane@bücher.example               | jane@xn--bcher-kva.example
            '\u00a0jane@acme.example\u200b'     | jane@acme.example
            jose\u0301@gmail.com               | jos\u00e9@gmail.com
            JOSE\u0301@CAFE\u0301.EXAMPLE        | jos\u00e9@xn--caf-dma.example
            """)
    void normalize_usableAddress_isLowercasedWithNormalizedDomain(String raw, String expected) {
        assertThat(Emails.normalize(raw)).contains(expected);
        assertThat(Emails.normalize(expected)).contains(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "jane",
                "@acme.example",
                "jane@",
                "jane@acme@acme.example",
                "jane@localhost",
                "jane@ acme.example",
                "jane@192.168.0.1",
                "jane@/accounts/x",
                "mailto:jane@acme.example",
                "Jane <jane@acme.example>",
                "ja\u200bne@acme.example",
                "jane doe@acme.example",
                "jane\u00a0doe@acme.example",
                "jane;x@acme.example"
            })
    void normalize_unusableAddress_isEmpty(String raw) {
        assertThat(Emails.normalize(raw)).isEmpty();
    }

    @Test
    void domainOf_address_returnsNormalizedDomain() {
        assertThat(Emails.domainOf("Jane@WWW.Acme.Example")).contains(new Domain("acme.example"));
        assertThat(Emails.domainOf("not-an-address")).isEmpty();
    }
}
