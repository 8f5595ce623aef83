package io.plumbline.cli;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.files.IoFailures;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Run ids: {@code YYYYMMDD_HHMMSSZ_<kind>} in UTC by default; user-given ids are checked to be safe folder names. */
final class RunIds {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    /**
     * The lock files of the ids this process has reserved, each held till its run ends ({@link #release}).
     * Reserving, releasing and sweeping take turns within the process (they are synchronized): a second
     * channel opened on a lock file this process holds would, once closed, let its lock go.
     */
    private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

    private RunIds() {}

    /**
     * The given id (validated), or a fresh timestamped one that does not collide with an existing folder,
     * reserved by creating its staging folder ({@link RunFolderWriter#staging}): two runs started in the
     * same second (two scheduled configs sharing an output root) get two ids, never one folder between
     * them. The caller removes the staging folder if the run fails.
     */
    static String choose(String given, Instant now, String kind, Path outRoot) {
        return choose(given, now, kind, outRoot, id -> true, "");
    }

    /**
     * As {@link #choose(String, Instant, String, Path)}, where the id must also be one {@code claim} gets:
     * a history store shared by several output roots (the config's {@code store.path}) claims it, so that
     * two runs of different roots never record themselves under one id ({@code store} names the store in
     * the message when a given id is taken). A timestamped id that is taken gets the next suffix.
     */
    static String choose(String given, Instant now, String kind, Path outRoot, Predicate<String> claim, String store) {
        checkRoot(outRoot);
        sweep(outRoot);
        if (given != null) {
            if (!SAFE.matcher(given).matches()) {
                throw new ConfigException("--run-id '" + given + "' must be letters, digits, '_', '-' or '.', starting "
                        + "with a letter or digit, and at most 128 characters"
                        + (given.length() > 128 ? " (it has " + given.length() + ")" : ""));
            }
            Path storeFile = Path.of(store).toAbsolutePath().normalize();
            if (!store.isEmpty()
                    && outRoot.toAbsolutePath().normalize().equals(storeFile.getParent())
                    && given.startsWith(storeFile.getFileName().toString())) {
                // SQLite keeps files of its own beside the store (-wal, -journal, -shm): a folder there breaks it
                throw new ConfigException("--run-id " + given + " would name a file of the history store " + storeFile
                        + ", which keeps files of that name beside it (-journal, -wal, -shm); pass a different "
                        + "--run-id");
            }
            if (Files.exists(outRoot.resolve(given))) {
                throw new ConfigException(
                        outRoot.resolve(given) + ": run folder already exists; pass a different --run-id");
            }
            if (!reserve(outRoot, given)) {
                throw new ConfigException(outRoot.resolve(given) + ": another plumbline run is writing this run"
                        + " folder (its staging folder "
                        + RunFolderWriter.staging(outRoot, given).getFileName()
                        + " exists); pass a different --run-id, or remove that folder if no run is going");
            }
            if (!claimed(outRoot, given, claim)) {
                throw new ConfigException("--run-id " + given + " is taken in the history store " + store
                        + ": a run recorded under it, perhaps of another output root sharing the store, or one"
                        + " whose run folder was removed since; pass a different --run-id");
            }
            return given;
        }
        String base = STAMP.format(now) + "_" + kind;
        String id = base;
        for (int n = 2; !free(outRoot, id, claim); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    /** Reserves {@code id}'s folder and claims it; a folder reserved for an id the claim refuses is removed. */
    private static boolean free(Path outRoot, String id, Predicate<String> claim) {
        return !Files.exists(outRoot.resolve(id)) && reserve(outRoot, id) && claimed(outRoot, id, claim);
    }

    /** Whether {@code claim} gets {@code id}, whose folder is reserved; the reservation goes when not. */
    private static boolean claimed(Path outRoot, String id, Predicate<String> claim) {
        boolean claimed = false;
        try {
            claimed = claim.test(id);
            return claimed;
        } finally {
            if (!claimed) { // refused, or the store could not be read
                RunFolderWriter.deleteQuietly(RunFolderWriter.staging(outRoot, id));
                release(outRoot, id);
            }
        }
    }

    /**
     * Reserves {@code id}: takes the lock of its hidden lock file ({@code .ID.partial.lock}, held till
     * {@link #release}), then creates its staging folder; false when another run holds the lock, or the
     * folder is there and may be a live run's. A folder whose lock file is there and free was left by a run
     * of this version that was killed (the lock goes with the process), and is removed, so a retry of the
     * same {@code --run-id} is not refused for it; a folder without a lock file (an older plumbline's, or
     * one made by hand) is never removed here.
     */
    private static synchronized boolean reserve(Path outRoot, String id) {
        Path lock = lockFile(outRoot, id);
        if (HELD.containsKey(key(lock))) {
            return false; // this process holds it: a second channel, once closed, would let its lock go
        }
        try {
            Files.createDirectories(outRoot);
            boolean lockAware = Files.exists(lock);
            FileChannel channel = lockExclusively(lock);
            if (channel == null) {
                return false;
            }
            Path staging = RunFolderWriter.staging(outRoot, id);
            if (Files.exists(staging)) {
                if (!lockAware) {
                    unlock(lock, channel);
                    return false;
                }
                RunFolderWriter.deleteQuietly(staging); // a killed run's: its lock file is there, and free
            }
            try {
                Files.createDirectory(staging);
            } catch (FileAlreadyExistsException e) {
                unlock(lock, channel);
                return false;
            }
            HELD.put(key(lock), channel);
            return true;
        } catch (IOException e) {
            throw new PlumblineException(
                    ExitCodes.USAGE, outRoot + ": cannot create the run folder (" + IoFailures.why(e) + ")", e);
        }
    }

    /**
     * An exclusive lock on {@code lock} (the file created when missing), or null when another run holds it.
     * Nothing else of this process may open the file while the lock is held: on POSIX systems, closing any
     * other handle to it would let the lock go.
     */
    private static FileChannel lockExclusively(Path lock) throws IOException {
        FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            closeQuietly(channel);
            return null;
        }
        return channel;
    }

    /**
     * Ends the reservation of {@code id} once its run is published or has failed (its staging folder gone):
     * its lock file is removed and its lock let go.
     */
    static synchronized void release(Path outRoot, String id) {
        Path lock = lockFile(outRoot, id);
        FileChannel channel = HELD.remove(key(lock));
        if (channel != null) {
            unlock(lock, channel);
        }
    }

    /** Removes the lock file (while it is still held, so no other run takes it on its way out) and lets go. */
    private static void unlock(Path lock, FileChannel channel) {
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            // a hidden file left: the next run of this id takes its lock, and finds it free
        }
        closeQuietly(channel);
    }

    /**
     * Removes what runs of this version that were killed left in {@code outRoot}: a staging folder whose
     * lock file is there and free, when nothing in it changed for an hour (a lock taken over a network
     * share may not be seen from here, and a pull writes on for hours), and a lock file left without its
     * folder. A timestamped id is never used again, so nothing else would remove them, and a killed live
     * audit's folder holds the snapshot it pulled. A folder without a lock file is never removed.
     */
    private static synchronized void sweep(Path outRoot) {
        List<Path> locks;
        try (Stream<Path> entries = Files.list(outRoot)) {
            locks = entries.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(".") && name.endsWith(".partial.lock");
                    })
                    .toList();
        } catch (IOException e) {
            return; // no output root yet, or not listable: the reservation says so
        }
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        for (Path lock : locks) {
            String name = lock.getFileName().toString();
            String id = name.substring(1, name.length() - ".partial.lock".length());
            Path staging = RunFolderWriter.staging(outRoot, id);
            if (HELD.containsKey(key(lock))) {
                continue;
            }
            try {
                if (Files.exists(staging) && !lastChange(staging).isBefore(hourAgo)) {
                    continue;
                }
                FileChannel channel = lockExclusively(lock);
                if (channel != null) {
                    RunFolderWriter.deleteQuietly(staging);
                    unlock(lock, channel);
                }
            } catch (IOException e) {
                // left for a later run
            }
        }
    }

    /** The latest modification of anything in {@code folder}, itself included. */
    private static Instant lastChange(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.map(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant();
                        } catch (IOException e) {
                            return Instant.MAX; // gone or unreadable while walked: taken as changing
                        }
                    })
                    .max(Instant::compareTo)
                    .orElse(Instant.MAX);
        }
    }

    private static Path lockFile(Path outRoot, String id) {
        Path staging = RunFolderWriter.staging(outRoot, id);
        return staging.resolveSibling(staging.getFileName() + ".lock");
    }

    private static Path key(Path lock) {
        return lock.toAbsolutePath().normalize();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close(); // lets the lock go
            } catch (IOException e) {
                // the lock goes with the process at the latest
            }
        }
    }

    /** Refuses an output root that is a file: it names the folder that holds run folders (and the store). */
    static void checkRoot(Path outRoot) {
        if (Files.exists(outRoot) && !Files.isDirectory(outRoot)) {
            throw new ConfigException(
                    outRoot + ": is a file; --out (or output.root) names the folder that holds the " + "run folders");
        }
    }
}
