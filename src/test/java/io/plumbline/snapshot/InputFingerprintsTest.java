package io.plumbline.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SHA-256 of each snapshot file a run reads, and which files differ between two sets of them. */
class InputFingerprintsTest {
    @TempDir
    Path dir;

    @Test
    void of_folder_hashesTheFilesItHoldsAndLeavesOutTheOthers() throws IOException {
        Files.writeString(dir.resolve(SnapshotLayout.ACCOUNTS), "abc");
        Files.createDirectories(dir.resolve("zendesk"));
        Files.writeString(dir.resolve(SnapshotLayout.TICKETS), "");

        assertThat(InputFingerprints.of(new FolderSource(dir)))
                .containsExactly(
                        Map.entry(
                                SnapshotLayout.ACCOUNTS,
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                        Map.entry(
                                SnapshotLayout.TICKETS,
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void changed_changedAddedAndRemovedFiles_listsEachSorted() {
        Map<String, String> then = Map.of("a.csv", "1", "b.jsonl", "2", "c.jsonl", "3");
        Map<String, String> now = Map.of("a.csv", "1", "b.jsonl", "9", "d.json", "4");

        assertThat(InputFingerprints.changed(then, now)).containsExactly("b.jsonl", "c.jsonl", "d.json");
        assertThat(InputFingerprints.changed(then, then)).isEmpty();
    }
}
