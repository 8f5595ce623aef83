package io.plumbline.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRC-32C checksum of each snapshot file a run reads, and which files differ between two sets of them. */
class InputFingerprintsTest {
    @TempDir
    Path dir;

    @Test
    void of_folder_hashesTheFilesItHoldsAndLeavesOutTheOthers() throws IOException {
        // the CRC-32C check value (RFC 3720, appendix B.4)
        Files.writeString(dir.resolve(SnapshotLayout.ACCOUNTS), "123456789");
        Files.createDirectories(dir.resolve("zendesk"));
        Files.writeString(dir.resolve(SnapshotLayout.TICKETS), "");

        assertThat(InputFingerprints.of(new FolderSource(dir)))
                .containsExactly(
                        Map.entry(SnapshotLayout.ACCOUNTS, "e3069283"), Map.entry(SnapshotLayout.TICKETS, "00000000"));
    }

    @Test
    void changed_changedAddedAndRemovedFiles_listsEachSorted() {
        Map<String, String> then = Map.of("a.csv", "1", "b.jsonl", "2", "c.jsonl", "3");
        Map<String, String> now = Map.of("a.csv", "1", "b.jsonl", "9", "d.json", "4");

        assertThat(InputFingerprints.changed(then, now)).containsExactly("b.jsonl", "c.jsonl", "d.json");
        assertThat(InputFingerprints.changed(then, then)).isEmpty();
    }
}
