package io.plumbline.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksummedSourceTest {
    @TempDir
    Path dir;

    @Test
    void of_fileReadToItsEnd_givesTheChecksumOfTheBytesRead_notOfTheFileAsItIsLater() throws IOException {
        Files.writeString(dir.resolve(SnapshotLayout.ACCOUNTS), "123456789");
        ChecksummedSource source = new ChecksummedSource(new FolderSource(dir));
        try (InputStream in = source.open(SnapshotLayout.ACCOUNTS)) {
            assertThat(in.readAllBytes()).hasSize(9);
        }
        Files.writeString(dir.resolve(SnapshotLayout.ACCOUNTS), "changed after the read");

        assertThat(InputFingerprints.of(source)).containsEntry(SnapshotLayout.ACCOUNTS, "e3069283");
    }

    @Test
    void of_fileReadOnlyInPart_isReadAgainWhole() throws IOException {
        Files.writeString(dir.resolve(SnapshotLayout.ACCOUNTS), "123456789");
        ChecksummedSource source = new ChecksummedSource(new FolderSource(dir));
        try (InputStream in = source.open(SnapshotLayout.ACCOUNTS)) {
            assertThat(in.readNBytes(4)).hasSize(4);
        }

        assertThat(InputFingerprints.of(source)).containsEntry(SnapshotLayout.ACCOUNTS, "e3069283");
    }

    @Test
    void open_missingFile_isNull() throws IOException {
        assertThat(new ChecksummedSource(new FolderSource(dir)).open(SnapshotLayout.CONTACTS))
                .isNull();
    }
}
