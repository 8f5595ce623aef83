package io.plumbline.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.errors.InputException;
import io.plumbline.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {
    @TempDir
    Path dir;

    private void writeRequired() throws IOException {
        Files.createDirectories(dir.resolve("zendesk"));
        Files.writeString(
                dir.resolve(SnapshotLayout.ACCOUNTS),
                "sf_account_id,account_name,account_domains\n001A,Acme,a.example\n");
        Files.writeString(dir.resolve(SnapshotLayout.ORGANIZATIONS), "{\"id\":1}\n");
        Files.writeString(dir.resolve(SnapshotLayout.USERS), "");
        Files.writeString(dir.resolve(SnapshotLayout.MEMBERSHIPS), "");
        Files.writeString(
                dir.resolve(SnapshotLayout.TICKETS), "{\"id\":1,\"updated_at\":\"2026-04-01T10:00:00+02:00\"}\n");
    }

    @Test
    void read_withoutContactsFile_hasNoContacts() throws IOException {
        writeRequired();

        Snapshot snapshot = SnapshotReader.read(new FolderSource(dir), null);

        assertThat(snapshot.contacts()).isEmpty();
        assertThat(snapshot.accounts()).hasSize(1);
    }

    @Test
    void read_withContactsFile_readsThem() throws IOException {
        writeRequired();
        Files.writeString(dir.resolve(SnapshotLayout.CONTACTS), "email,sf_account_id\njane@a.example,001A\n");

        assertThat(SnapshotReader.read(new FolderSource(dir), null).contacts()).hasSize(1);
    }

    @Test
    void read_noManifest_asOfIsLatestTicketActivity() throws IOException {
        writeRequired();

        assertThat(SnapshotReader.read(new FolderSource(dir), null).asOf())
                .isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
    }

    @Test
    void read_missingRequiredFile_failsNamingIt() throws IOException {
        writeRequired();
        Files.delete(dir.resolve(SnapshotLayout.USERS));

        assertThatThrownBy(() -> SnapshotReader.read(new FolderSource(dir), null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(SnapshotLayout.USERS) + ": error: file not found");
    }
}
