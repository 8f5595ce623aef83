package io.plumbline.snapshot;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The warnings the files of a snapshot gave as they were read side by side (at most one each: the
 * manifest's keys not read, a CSV's columns not used, a JSONL file's repeated ids), listed in the
 * contract's order of the files whichever was read first. The ticket file may still be being read when
 * the snapshot is made (the audit starts meanwhile): asking for the list waits for it, so it is asked
 * once the tickets are used.
 */
final class ReadWarnings extends AbstractList<String> {
    private static final List<String> FILES = List.of(
            SnapshotLayout.MANIFEST,
            SnapshotLayout.ACCOUNTS,
            SnapshotLayout.CONTACTS,
            SnapshotLayout.ORGANIZATIONS,
            SnapshotLayout.USERS,
            SnapshotLayout.MEMBERSHIPS,
            SnapshotLayout.TICKETS);

    private final AtomicReferenceArray<String> byFile = new AtomicReferenceArray<>(FILES.size());
    private volatile Future<?> tickets;

    /** Where the reader of the file at {@code path} tells its warning. */
    Consumer<String> of(String path) {
        int i = FILES.indexOf(path);
        return warning -> byFile.set(i, warning);
    }

    /** The read of the ticket file, waited for before the list is read. */
    void awaiting(Future<?> read) {
        tickets = read;
    }

    private List<String> all() {
        Future<?> read = tickets;
        if (read != null) {
            try {
                read.get();
            } catch (ExecutionException e) {
                // the ticket file's own error is reported where the tickets are used
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < byFile.length(); i++) {
            if (byFile.get(i) != null) {
                out.add(byFile.get(i));
            }
        }
        return out;
    }

    @Override
    public String get(int index) {
        return all().get(index);
    }

    @Override
    public int size() {
        return all().size();
    }
}
