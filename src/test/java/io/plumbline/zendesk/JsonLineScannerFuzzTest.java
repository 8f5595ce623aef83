package io.plumbline.zendesk;

import static io.plumbline.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Objects;

/**
 * Fuzz target for the byte scanner: on any bytes that are valid UTF-8, and for every record mapping,
 * the scanner either leaves the block to Jackson's parser or reads exactly what the parser reads
 * (records, ids, order); it never reads a block the parser refuses. Seeds are in {@code
 * src/test/resources/io/plumbline/zendesk/JsonLineScannerFuzzTestInputs/}.
 */
class JsonLineScannerFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void agreesWithParser(byte[] data) {
        if (data == null || !Utf8.valid(data, 0, data.length)) {
            return;
        }
        for (JsonLineScannerTest.Kind kind : JsonLineScannerTest.Kind.values()) {
            Object scanned = JsonLineScannerTest.scanned(kind, data);
            if (scanned != null) {
                Object parsed = JsonLineScannerTest.parsed(kind, data);
                check(Objects.equals(scanned, parsed), "%s: scanner read %s, parser %s", kind, scanned, parsed);
            }
        }
    }
}
