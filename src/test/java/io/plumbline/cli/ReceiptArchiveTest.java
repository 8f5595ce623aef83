package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.errors.ApplyRefusedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptArchiveTest {
    private static final Instant NOW = Instant.parse("2026-04-18T02:15:00Z");

    @TempDir
    Path dir;

    @Test
    void holdWrites_heldInThisProcess_refusesTheSecondAndStaysHeldTillClosed() {
        try (ReceiptArchive.Held first =
                ReceiptArchive.holdWrites("apply", "acme.zendesk.com", "H1", "busy", w -> {})) {
            assertThatThrownBy(() -> ReceiptArchive.holdWrites("apply", "acme.zendesk.com", "h1", "busy", w -> {}))
                    .isInstanceOf(ApplyRefusedException.class)
                    .hasMessage("busy");
            // another plan, or the same plan's undo, is another lock
            ReceiptArchive.holdWrites("apply", "acme.zendesk.com", "H2", "busy", w -> {})
                    .close();
            ReceiptArchive.holdWrites("undo", "acme.zendesk.com", "H1", "busy", w -> {})
                    .close();
        }
        ReceiptArchive.holdWrites("apply", "acme.zendesk.com", "H1", "busy", w -> {})
                .close();
    }

    @Test
    void hold_refusedInThisProcess_theFirstHoldStillHoldsAgainstOtherProcesses() throws Exception {
        Path receipt = dir.resolve("apply_receipt.json");
        try (ReceiptArchive.Held first = ReceiptArchive.hold(receipt)) {
            assertThatThrownBy(() -> ReceiptArchive.hold(receipt)).isInstanceOf(ApplyRefusedException.class);

            assertThat(probe(dir.resolve(".apply_receipt.json.lock"))).isEqualTo("held");
        }
        assertThat(probe(dir.resolve(".apply_receipt.json.lock"))).isEqualTo("free");
    }

    /** Whether another process finds {@code lockFile} held. */
    private static String probe(Path lockFile) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        cp,
                        LockProbe.class.getName(),
                        lockFile.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void archiveOrSay_foldersThatCannotBeWritten_warnsAndLeavesTheReceiptWhereItIs() throws Exception {
        Path receipt = Files.writeString(dir.resolve("apply_receipt.json"), "{\"run_id\":\"r\"}");
        Files.writeString(dir.resolve("applies"), "a file where the folder should be");
        StringWriter err = new StringWriter();

        ReceiptArchive.archiveOrSay(receipt, "r", "apply", new PrintWriter(err, true));

        assertThat(err.toString())
                .startsWith("warning: the apply's receipt could not be kept in " + dir.resolve("applies"))
                .contains("and the next apply there keeps it before writing its own");
        assertThat(receipt).hasContent("{\"run_id\":\"r\"}");
    }

    @Test
    void holdWrites_lockFolderThatCannotBeMade_warnsAndGoesOn() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("locks"), "a file where the folder should be");
        String before = System.getProperty("plumbline.lock_dir");
        System.setProperty("plumbline.lock_dir", notAFolder.resolve("inside").toString());
        try {
            List<String> warnings = new ArrayList<>();

            ReceiptArchive.holdWrites("apply", "acme.zendesk.com", "H1", "busy", warnings::add)
                    .close();

            assertThat(warnings).singleElement().asString().startsWith("cannot take the lock ");
        } finally {
            if (before == null) {
                System.clearProperty("plumbline.lock_dir");
            } else {
                System.setProperty("plumbline.lock_dir", before);
            }
        }
    }

    @Test
    void freshRunId_twoRunsBesideEachOtherInOneSecond_getTwoIdsAndArchiveBoth() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, "{\"run\":\"a\"}");
        Files.writeString(b, "{\"run\":\"b\"}");

        String first = ReceiptArchive.freshRunId(a, NOW, "dry_run");
        String second = ReceiptArchive.freshRunId(b, NOW, "dry_run");
        ReceiptArchive.archive(a, first);
        ReceiptArchive.archive(b, second);

        assertThat(List.of(first, second)).containsExactly("20260418_021500Z_dry_run", "20260418_021500Z_dry_run_2");
        assertThat(ReceiptArchive.dir(a).resolve(first + ".json")).hasContent("{\"run\":\"a\"}");
        assertThat(ReceiptArchive.dir(a).resolve(second + ".json")).hasContent("{\"run\":\"b\"}");
        try (Stream<Path> left = Files.list(ReceiptArchive.dir(a))) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".json"));
        }
    }

    @Test
    void archive_ofAReceiptInsideApplies_goesToThatFolderNotANestedOne() throws Exception {
        Path kept = Files.createDirectories(dir.resolve("run/applies")).resolve("undo_receipt.json");
        Files.writeString(kept, "{\"run\":\"undo\"}");

        ReceiptArchive.archive(kept, "20260418_021500Z_undo");

        assertThat(dir.resolve("run/applies/20260418_021500Z_undo.json")).hasContent("{\"run\":\"undo\"}");
        assertThat(dir.resolve("run/applies/applies")).doesNotExist();
    }
}
