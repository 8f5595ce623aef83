package io.plumbline.cli;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.ExitCodes;
import io.plumbline.errors.PlumblineException;
import io.plumbline.files.IoFailures;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Run ids: {@code YYYYMMDD_HHMMSSZ_<kind>} in UTC by default; user-given ids are checked to be safe folder names. */
final class RunIds {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

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
                        + " exists); pass a different --run-id, or, if no plumbline run is going (a run killed by"
                        + " a timeout or a kill leaves its staging folder), remove that folder and run again");
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
            }
        }
    }

    /** Creates the staging folder of {@code id}; false when it exists (another run holds that id). */
    private static boolean reserve(Path outRoot, String id) {
        try {
            Files.createDirectories(outRoot);
            Files.createDirectory(RunFolderWriter.staging(outRoot, id));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new PlumblineException(
                    ExitCodes.USAGE, outRoot + ": cannot create the run folder (" + IoFailures.why(e) + ")", e);
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
