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

    /** The lock files of the ids this process has reserved, each held till its run ends ({@link #release}). */
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
     * Creates the staging folder of {@code id} while holding the lock of its hidden lock file ({@code
     * .ID.partial.lock}, held till {@link #release}); false when another run holds that lock, alive. A
     * staging folder whose lock nobody holds was left by a run that was killed, and is removed first, so a
     * retry of the same {@code --run-id} is not refused for it.
     */
    private static boolean reserve(Path outRoot, String id) {
        Path lock = lockFile(outRoot, id);
        FileChannel channel = null;
        try {
            Files.createDirectories(outRoot);
            channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null; // held in this process already
            }
            if (held == null) {
                channel.close();
                return false;
            }
            Path staging = RunFolderWriter.staging(outRoot, id);
            if (Files.exists(staging)) {
                RunFolderWriter.deleteQuietly(staging); // a killed run's: nobody holds its lock
            }
            Files.createDirectory(staging);
            HELD.put(lock.toAbsolutePath().normalize(), channel);
            return true;
        } catch (FileAlreadyExistsException e) {
            closeQuietly(channel);
            return false;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PlumblineException(
                    ExitCodes.USAGE, outRoot + ": cannot create the run folder (" + IoFailures.why(e) + ")", e);
        }
    }

    /**
     * Ends the reservation of {@code id} once its run is published or has failed (its staging folder gone):
     * its lock is let go and the lock file removed.
     */
    static void release(Path outRoot, String id) {
        Path lock = lockFile(outRoot, id).toAbsolutePath().normalize();
        FileChannel channel = HELD.remove(lock);
        if (channel != null) {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                // a hidden empty file left: the next run of this id locks it again
            }
            closeQuietly(channel);
        }
    }

    /**
     * Removes the staging folders killed runs left in {@code outRoot} over an hour ago (nobody holds their
     * lock): a timestamped id is never used again, so nothing else would remove them, and a killed live
     * audit's holds the snapshot it pulled.
     */
    private static void sweep(Path outRoot) {
        List<Path> left;
        try (Stream<Path> entries = Files.list(outRoot)) {
            left = entries.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(".") && name.endsWith(".partial") && Files.isDirectory(p);
                    })
                    .toList();
        } catch (IOException e) {
            return; // no output root yet, or not listable: the reservation says so
        }
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        for (Path staging : left) {
            String name = staging.getFileName().toString();
            String id = name.substring(1, name.length() - ".partial".length());
            try {
                if (Files.getLastModifiedTime(staging).toInstant().isBefore(hourAgo) && reserve(outRoot, id)) {
                    RunFolderWriter.deleteQuietly(RunFolderWriter.staging(outRoot, id));
                    release(outRoot, id);
                }
            } catch (IOException | PlumblineException e) {
                // left for a later run
            }
        }
    }

    private static Path lockFile(Path outRoot, String id) {
        Path staging = RunFolderWriter.staging(outRoot, id);
        return staging.resolveSibling(staging.getFileName() + ".lock");
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
