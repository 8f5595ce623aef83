package io.plumbline.cli;

import static io.plumbline.fuzz.FuzzChecks.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.plumbline.errors.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * End-to-end fuzz target: a fuzzed snapshot folder goes through {@code plumbline audit} exactly as a
 * user would run it. Any input gives exit 0 (audited) or 3 (input error, printed as a diagnostic),
 * never 70 (a defect) and never an escaping exception.
 *
 * <p>An input is split into sections at lines that are exactly {@code %%}: the accounts CSV, then
 * organizations, users, memberships and tickets JSONL, then (optionally) the contacts CSV. Missing
 * sections are written as empty files, so a short input is still a complete snapshot.
 */
class AuditSnapshotFuzzTest {
    private static final List<String> FILES = List.of(
            "salesforce_accounts.csv",
            "zendesk/organizations.jsonl",
            "zendesk/users.jsonl",
            "zendesk/organization_memberships.jsonl",
            "zendesk/tickets.jsonl",
            "salesforce_contacts.csv");
    private static final int REQUIRED_FILES = 5;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-18T09:30:00Z"), ZoneOffset.UTC);

    @FuzzTest(maxDuration = "5m")
    void audit(byte[] data) throws IOException {
        if (data == null) {
            return;
        }
        Path work = Files.createTempDirectory("plumbline-fuzz-");
        try {
            Path snapshot =
                    Files.createDirectories(work.resolve("snapshot/zendesk")).getParent();
            writeSections(snapshot, sections(data));
            Path config = Files.writeString(work.resolve("plumbline.yaml"), "");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = new Main(new PrintWriter(out), new PrintWriter(err), Map.of(), CLOCK)
                    .run(
                            "audit",
                            "--config",
                            config.toString(),
                            "--snapshot",
                            snapshot.toString(),
                            "--out",
                            work.resolve("out").toString(),
                            "--quiet");
            check(code != Main.INTERNAL_ERROR, "internal error: %s", err);
            check(code == ExitCodes.OK || code == ExitCodes.INPUT, "exit %s: %s", code, err);
            if (code == ExitCodes.INPUT) {
                check(err.toString().contains(": error: "), "exit 3 without a diagnostic: %s", err);
            } else {
                check(out.toString().contains("plan_hash"), "exit 0 without a plan_hash: %s", out);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Splits the input at lines that are exactly "%%". */
    static List<byte[]> sections(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        return Arrays.stream(text.split("(?m)^%%(?:\r?\n|$)", -1))
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1))
                .toList();
    }

    private static void writeSections(Path snapshot, List<byte[]> sections) throws IOException {
        for (int i = 0; i < FILES.size(); i++) {
            if (i < sections.size()) {
                Files.write(snapshot.resolve(FILES.get(i)), sections.get(i));
            } else if (i < REQUIRED_FILES) {
                Files.write(snapshot.resolve(FILES.get(i)), new byte[0]);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
