package io.plumbline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.bench.TenantGenerator;
import io.plumbline.bench.TenantShape;
import io.plumbline.errors.PlumblineException;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder is published whole or not at all: a failed artifact leaves nothing behind. */
class RunFolderWriterTest {
    @TempDir
    static Path tenant;

    private static AuditResult result;

    @BeforeAll
    static void audit() throws IOException {
        TenantGenerator.generate(TenantShape.proportional(400, 11), tenant);
        result = new Auditor(ResolutionSettings.defaults(), List.of())
                .audit(SnapshotReader.read(new FolderSource(tenant), null), false, "r", Instant.EPOCH);
    }

    @Test
    void write_allArtifacts_publishedTogether(@TempDir Path out) {
        Path dir = write(out);
        assertThat(dir).isEqualTo(out.resolve("r"));
        for (String artifact : RunFolderWriter.ARTIFACTS) {
            assertThat(dir.resolve(artifact)).isNotEmptyFile();
        }
        assertThat(RunFolderWriter.staging(out, "r")).doesNotExist();
    }

    @Test
    void write_anArtifactCannotBeOpened_failsAsAnIoErrorAndLeavesNoFolder(@TempDir Path out) throws IOException {
        Files.createDirectories(RunFolderWriter.staging(out, "r").resolve("fix_plan.json"));

        assertThatThrownBy(() -> write(out))
                .isInstanceOf(PlumblineException.class)
                .hasMessageContaining("cannot write the run folder")
                .satisfies(e -> assertThat(((PlumblineException) e).exitCode()).isEqualTo(2));
        assertThat(out.resolve("r")).doesNotExist();
        assertThat(RunFolderWriter.staging(out, "r")).doesNotExist();
    }

    @Test
    void write_diskFullPartWayThroughACsv_failsAsAnIoErrorAndLeavesNoFolder(@TempDir Path out) throws IOException {
        Path full = Path.of("/dev/full");
        assumeThat(Files.isWritable(full)).as("needs /dev/full").isTrue();
        Path staging = Files.createDirectories(RunFolderWriter.staging(out, "r"));
        // far more than the writers' buffers: the CSV rows themselves meet the full disk
        assertThat(result.issues()).hasSizeGreaterThan(100);
        Files.createSymbolicLink(staging.resolve("all_exceptions.csv"), full);

        assertThatThrownBy(() -> write(out))
                .isInstanceOf(PlumblineException.class)
                .hasMessageContaining("cannot write the run folder")
                .hasMessageContaining("No space left on device");
        assertThat(out.resolve("r")).doesNotExist();
        assertThat(staging).doesNotExist();
    }

    private static Path write(Path out) {
        return RunFolderWriter.write(
                result,
                SummaryFacts.of(result),
                new RunInfo("r", Instant.EPOCH, Instant.EPOCH, "snapshot", "tenant", List.of()),
                out,
                List.of());
    }
}
