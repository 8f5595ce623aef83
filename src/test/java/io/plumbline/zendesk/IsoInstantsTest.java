package io.plumbline.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast timestamp parser agrees with {@code OffsetDateTime.parse(s).toInstant()}, value or error. */
class IsoInstantsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-04-17T09:30:00Z",
                "2024-02-29T23:59:59Z",
                "2025-02-29T00:00:00Z",
                "2026-04-17T09:30:00.5Z",
                "2026-04-17T09:30:00.123456789Z",
                "2026-04-17T09:30:00.1234567891Z",
                "2026-04-17T24:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-04-17t09:30:00z",
                "2026-04-17T09:30:00+02:00",
                "2026-04-17T09:30Z",
                "0000-01-01T00:00:00Z",
                "2026-04-17T09:30:60Z",
                "2026-04-17T09:30:00.Z",
                "２０２６-04-17T09:30:00Z"
            })
    void parse_agreesWithOffsetDateTime(String s) {
        assertThat(outcome(() -> IsoInstants.parse(s)))
                .isEqualTo(outcome(() -> OffsetDateTime.parse(s).toInstant()));
    }

    private static String outcome(java.util.function.Supplier<Object> parse) {
        try {
            return String.valueOf(parse.get());
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }
}
