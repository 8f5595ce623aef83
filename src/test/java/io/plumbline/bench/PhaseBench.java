package io.plumbline.bench;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.artifacts.RunInfo;
import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.model.Snapshot;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where an offline audit spends its time, phase by phase (read the snapshot, resolve-detect-plan,
 * write the run folder), for profiling; {@link AuditBench} measures the command as a whole.
 */
public final class PhaseBench {
    private PhaseBench() {}

    /** Args: SNAPSHOT_DIR OUT_DIR. */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Snapshot snapshot = SnapshotReader.read(new FolderSource(Path.of(args[0])), null);
        long t1 = System.nanoTime();
        AuditResult result =
                new Auditor(ResolutionSettings.defaults(), List.of()).audit(snapshot, false, "phases", Instant.now());
        long t2 = System.nanoTime();
        Instant now = Instant.now();
        RunFolderWriter.write(
                result, new RunInfo("phases", now, now, "snapshot", args[0], List.of()), Path.of(args[1]), List.of());
        long t3 = System.nanoTime();
        System.out.printf(
                "read_s=%.2f audit_core_s=%.2f write_s=%.2f issues=%d%n",
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9,
                (t3 - t2) / 1e9,
                result.issues().size());
    }
}
