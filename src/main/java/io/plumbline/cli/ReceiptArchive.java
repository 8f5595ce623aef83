package io.plumbline.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.apply.ReceiptFile;
import io.plumbline.errors.ApplyRefusedException;
import io.plumbline.errors.ConfigException;
import io.plumbline.files.AtomicFiles;
import io.plumbline.files.IoFailures;
import io.plumbline.files.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code applies/} folder beside a receipt, where every finished apply and undo receipt is archived as
 * {@code RUN_ID.json} under a run id no earlier receipt there has, and where the receipt of a run that
 * did not finish (a crash, a kill) is kept before a new run writes over it, so that the writes it
 * records can still be reviewed and undone.
 */
final class ReceiptArchive {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ReceiptArchive() {}

    /** Where {@code receipt}'s runs are archived: {@link #keptBeside}, so a kept copy's undo adds no nested folder. */
    static Path dir(Path receipt) {
        return keptBeside(receipt);
    }

    /**
     * The file a run's receipt is written to when {@code given} (the value of {@code option}) names one: a
     * folder means {@code usualName} in it. Refused (exit 2) when a file is there that is not a receipt of
     * this kind (its {@code mode} one of {@code modes}): the reviewed plan, the audit's own receipt, an input
     * of the snapshot, which the receipt would replace.
     */
    static Path target(Path given, String usualName, Set<String> modes, String option) {
        Path file = Files.isDirectory(given) ? given.resolve(usualName) : given;
        if (Files.isDirectory(file)) {
            throw new ConfigException(option + " " + given + " is a folder holding a folder " + usualName
                    + "; name the file the receipt is to be written to");
        }
        if (isKept(file, usualName)) {
            throw new ConfigException(option + " " + given + ": " + file + " is in a folder of kept receipts, the "
                    + "record undo reads of the writes made; name a file outside it");
        }
        if (Files.exists(file) && !isEmpty(file)) {
            Map<String, String> header = header(file);
            String mode = header.getOrDefault("mode", "");
            if (!modes.contains(mode)) {
                String command = header.getOrDefault("command", "");
                throw new ConfigException(option + " " + given + ": " + file + " is "
                        + (!mode.isEmpty()
                                ? "a receipt of another kind (mode '" + mode + "')"
                                : !command.isEmpty() ? "the receipt of plumbline " + command : "not a receipt")
                        + ", and the receipt would replace it; name a new file, or a receipt of the same "
                        + "command to replace");
            }
        }
        return file;
    }

    /**
     * Whether {@code file} is a kept receipt of an {@code applies/} folder, or would be taken for one there
     * (every file of it but the receipt an undo of a kept receipt writes beside it is read as one), for a
     * command whose receipt has {@code usualName}.
     */
    private static boolean isKept(Path file, String usualName) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        // the one file there that is not a kept receipt: where an undo of a kept receipt writes its own
        boolean undoBesideKept = usualName.equals("undo_receipt.json")
                && file.getFileName().toString().equals(usualName);
        return folder != null
                && folder.getFileName() != null
                && folder.getFileName().toString().equals("applies")
                && !undoBesideKept;
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The top-level text {@code mode} and {@code command} of the JSON object in {@code file}, read as a
     * stream (a large input named by mistake is not read whole); none when it is no JSON object.
     */
    private static Map<String, String> header(Path file) {
        Map<String, String> found = new TreeMap<>();
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return found;
            }
            while (found.size() < 2 && p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.VALUE_STRING && (name.equals("mode") || name.equals("command"))) {
                    found.put(name, p.getText());
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // not JSON (or not past its start), or not readable: what was found, most often nothing
        }
        return found;
    }

    /** Where the live receipts kept beside {@code receipt} are: its own folder when it is a kept copy itself. */
    static Path keptBeside(Path receipt) {
        Path folder = receipt.toAbsolutePath().normalize().getParent();
        return folder.getFileName() != null && folder.getFileName().toString().equals("applies")
                ? folder
                : folder.resolve("applies");
    }

    /** A receipt held for one run (see {@link #hold}); closing it lets the next run have it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Holds the receipt at {@code receipt} for one run: an exclusive lock on a hidden file beside it
     * ({@code .NAME.lock}, left in place), taken before the run reads or keeps an unfinished receipt there,
     * so that two applies (or undos) writing one receipt never replace each other's record of the writes
     * they have in flight. Refused (exit 5) while another run holds it.
     */
    static Held hold(Path receipt) throws IOException {
        Path file = lockFile(receipt);
        Files.createDirectories(file.getParent());
        return lock(
                file,
                () -> FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                false,
                receipt + " is being written by another plumbline run (apply or undo); wait for it to finish (a dry"
                        + " run may pass another receipt path)");
    }

    /**
     * Holds the live writes of one plan (or one receipt's inverses) to one Zendesk for one run, wherever
     * its receipt goes: an exclusive lock on a file named by {@code kind}, {@code zendesk} and {@code key}
     * (the plan_hash, or the undone receipt's hash) in this user's lock folder ({@link #lockFolder}). Two
     * runs with their receipts at two paths, or one undoing a kept copy of the receipt the other undoes,
     * would each write every action (and run over the caps together); the second is refused (exit 5) with
     * {@code refusal}. A lock folder that cannot be written is said ({@code warn}) and the run goes on, as
     * before there was this lock: it guards against a mistake, and must not stop every run.
     */
    static Held holdWrites(String kind, String zendesk, String key, String refusal, Consumer<String> warn) {
        Path folder = lockFolder();
        Path file = folder;
        try {
            String name = Sha256.hex(
                            new ByteArrayInputStream((kind + "\n" + zendesk + "\n" + key.toLowerCase(Locale.ROOT))
                                    .getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
            file = folder.resolve(kind + "-" + name + ".lock");
            Files.createDirectories(folder);
            Path at = file;
            return lock(
                    file,
                    () -> FileChannel.open(at, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    false,
                    refusal);
        } catch (IOException e) {
            warn.accept("cannot take the lock " + file + " (" + IoFailures.why(e) + "), so another live run of the"
                    + " same " + (kind.equals("apply") ? "plan" : "undo") + " started now would not be refused");
            return () -> {};
        }
    }

    /**
     * Where {@link #holdWrites} keeps its lock files: the folder the {@code plumbline.lock_dir} system
     * property names, else one of this user's under the machine's temporary folder, so that no other
     * user's folder (made first, or on purpose) stands in the way.
     */
    static Path lockFolder() {
        String given = System.getProperty("plumbline.lock_dir");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "plumbline-locks-" + user);
    }

    /** Opens the channel a lock is taken on. */
    private interface Opener {
        FileChannel open() throws IOException;
    }

    /** The lock files this process holds: a second lock of one is refused before its file is opened. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /**
     * Locks {@code file} ({@code shared}, or not), on the channel {@code open} opens, and holds it till the
     * {@link Held} is closed; refused with {@code refusal} (exit 5) while another run, or this process, holds it. A file
     * this process holds already is refused without a second channel on it: closing that channel would
     * let go of the lock the first one holds.
     */
    private static Held lock(Path file, Opener open, boolean shared, String refusal) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw new ApplyRefusedException(refusal); // no second channel: closing it would let go of the lock
        }
        FileChannel channel;
        try {
            channel = open.open();
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
        FileLock lock;
        try {
            lock = channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException | IOException e) {
            HELD.remove(key);
            channel.close();
            if (e instanceof IOException io) {
                throw io;
            }
            lock = null;
        }
        if (lock == null) {
            HELD.remove(key);
            channel.close();
            throw new ApplyRefusedException(refusal);
        }
        return () -> {
            try {
                channel.close(); // releases the lock
            } catch (IOException ignored) {
                // the lock goes with the process at the latest
            } finally {
                HELD.remove(key);
            }
        };
    }

    /**
     * Holds {@code receipt} against a run that writes it, for a run that only reads it (undo): as
     * {@link #hold} where its folder can be written; in a folder that cannot (a run folder another
     * account's apply writes, or one copied read-only), a shared lock on the lock file an apply left, so
     * that an apply still holding it is met all the same; nothing when there is no such file.
     */
    static Held holdToRead(Path receipt) throws IOException {
        Path file = lockFile(receipt);
        if (Files.isWritable(file.getParent())) {
            return hold(receipt);
        }
        if (!Files.exists(file)) {
            return () -> {}; // no apply has written a receipt there
        }
        return lock(
                file,
                () -> FileChannel.open(file, StandardOpenOption.READ),
                true,
                receipt + " is being written by another plumbline run");
    }

    private static Path lockFile(Path receipt) {
        return receipt.toAbsolutePath().getParent().resolve("." + receipt.getFileName() + ".lock");
    }

    /**
     * {@code YYYYMMDD_HHMMSSZ_<kind>} in UTC, with {@code _2}, {@code _3}... when already archived or
     * taken: the id is reserved with a hidden marker file ({@code .RUN_ID.reserved}) until {@link
     * #archive}, so two runs started in the same second beside each other never archive under one id.
     */
    static String freshRunId(Path receipt, Instant now, String kind) throws IOException {
        Files.createDirectories(dir(receipt));
        String base = STAMP.format(now) + "_" + kind;
        String id = base;
        for (int n = 2; Files.exists(dir(receipt).resolve(id + ".json")) || !reserve(receipt, id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private static boolean reserve(Path receipt, String runId) throws IOException {
        try {
            Files.createFile(reservation(receipt, runId));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static Path reservation(Path receipt, String runId) {
        return dir(receipt).resolve("." + runId + ".reserved");
    }

    /**
     * As {@link #archive}, a failure said on {@code err} ({@code command}'s receipt) rather than thrown: the
     * receipt is whole where it is, its run's readout still counts, and the next run there keeps it first.
     */
    static void archiveOrSay(Path receipt, String runId, String command, PrintWriter err) {
        try {
            archive(receipt, runId);
        } catch (IOException e) {
            err.println("warning: the " + command + "'s receipt could not be kept in " + keptBeside(receipt) + " ("
                    + IoFailures.why(e) + "); it is at " + receipt + ", and the next " + command + " there keeps it"
                    + " before writing its own");
        }
    }

    static void archive(Path receipt, String runId) throws IOException {
        Files.createDirectories(dir(receipt));
        AtomicFiles.replaceDurably(
                dir(receipt).resolve(runId + ".json"),
                p -> Files.copy(receipt, p, StandardCopyOption.REPLACE_EXISTING));
        release(receipt, runId);
    }

    /** Removes the marker {@link #freshRunId} left for {@code runId}, if it is there (quietly: it is hidden). */
    static void release(Path receipt, String runId) {
        try {
            Files.deleteIfExists(reservation(receipt, runId));
        } catch (IOException ignored) {
            // a leftover marker only keeps its id from being taken again
        }
    }

    /** Copies an unfinished receipt at {@code receipt} into the archive (once) and says so on {@code err}. */
    static void keepUnfinished(Path receipt, PrintWriter err) throws IOException {
        JsonNode old = Files.isRegularFile(receipt) ? readQuietly(receipt) : null;
        String mode = old == null ? "" : old.path("mode").asText();
        if (old == null || mode.equals("not_run")) {
            return; // nothing there, or the audit's stub: no run wrote it
        }
        boolean finished = old.path("complete").asBoolean(true);
        String runId = old.path("run_id").asText("unfinished");
        Path kept = dir(receipt).resolve(runId + ".json");
        if (finished && Files.exists(kept)) {
            return; // archived when it finished
        }
        if (!Files.exists(kept)) {
            // whole or not at all: a kept receipt cut short would be read as nothing and never kept again
            AtomicFiles.replaceDurably(kept, p -> Files.copy(receipt, p, StandardCopyOption.REPLACE_EXISTING));
        }
        release(receipt, runId); // the run that reserved it ended without archiving its receipt
        if (!mode.equals("apply") && !mode.equals("undo")) {
            // a dry run wrote nothing: there is nothing to undo, and nothing to say
            return;
        }
        if (finished) {
            err.println("warning: the previous run " + runId + " finished but its receipt was not kept in "
                    + dir(receipt) + " (it stopped, or could not write there); it is kept at " + kept
                    + " now" + (mode.equals("apply") ? " (undo it from there)" : ""));
            return;
        }
        String inFlight = inFlight(old);
        err.println("warning: the previous run " + runId + " did not finish"
                + (inFlight.isEmpty()
                        ? ""
                        : " (" + inFlight + (inFlight.contains(",") ? " were" : " was") + " being written)")
                + "; its receipt is kept at " + kept + (mode.equals("apply") ? " (undo it from there)" : ""));
    }

    /** The action ids a receipt names as being written when it stopped ({@code A006}, or {@code A006, A007}). */
    static String inFlight(JsonNode receipt) {
        return String.join(", ", ReceiptFile.inFlightIds(receipt));
    }

    /**
     * The actions that a live apply of the same plan, started after the one {@code source} records, lists as
     * applied, each with that apply's run id: its receipt beside {@code receipt} ({@code apply_receipt.json})
     * or in the {@code applies/} folder. A write such a run made is never taken for one {@code source} had in
     * flight.
     */
    static Map<String, String> appliedByLaterRuns(Path receipt, JsonNode source) {
        Instant started = instant(source.path("started_at").asText());
        String plan = source.path("source_plan_hash").asText();
        Map<String, String> out = new TreeMap<>();
        for (Path p : receiptsNear(receipt.toAbsolutePath())) {
            JsonNode other = readQuietly(p);
            if (other == null
                    || !other.path("mode").asText().equals("apply")
                    || !other.path("source_plan_hash").asText().equals(plan)) {
                continue;
            }
            Instant otherStarted = instant(other.path("started_at").asText());
            if (started != null && (otherStarted == null || !otherStarted.isAfter(started))) {
                continue;
            }
            appliedIn(other)
                    .forEach(id -> out.putIfAbsent(id, other.path("run_id").asText()));
        }
        return out;
    }

    /**
     * The receipts of live applies kept beside {@code receipt} or in its {@code applies/} folder, other than
     * the run {@code source} records, that applied something a live undo has not reversed yet: what an undo
     * of a receipt that wrote nothing (a re-run that found everything in effect, a dry run) points to
     * instead.
     */
    static List<Path> wroteElsewhere(Path receipt, JsonNode source) {
        String runId = source.path("run_id").asText();
        List<Path> out = new ArrayList<>();
        for (Path p : receiptsNear(receipt.toAbsolutePath())) {
            JsonNode other = readQuietly(p);
            if (other == null
                    || !other.path("mode").asText().equals("apply")
                    || other.path("run_id").asText().equals(runId)) {
                continue;
            }
            Set<String> applied = appliedIn(other);
            // an unfinished receipt records no hash of its own: undo confirms it by the hash of its content
            String recorded = ReceiptFile.recordedHash(other);
            String hash = recorded.isEmpty() ? ReceiptFile.hash(other) : recorded;
            applied.removeAll(undoneBefore(p, p.resolveSibling("undo_receipt.json"), hash));
            if (!applied.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The actions whose writes a live undo of the receipt of hash {@code hash} reversed: a later undo of
     * the same receipt leaves what Zendesk holds for them now to whoever wrote it since. Its undo receipts
     * are looked for beside the receipt and in its run folder's {@code applies/}, and at the undo receipt
     * {@code target} this undo writes and in the folder that archives it.
     */
    static Set<String> undoneBefore(Path receipt, Path target, String hash) {
        Set<String> out = new TreeSet<>();
        earlierUndos(receipt, target, hash).forEach(u -> out.addAll(appliedIn(u)));
        return out;
    }

    /**
     * The actions whose inverse an earlier live undo of the receipt of hash {@code hash} was writing when it
     * stopped (its {@code in_flight}), and that no earlier undo lists as applied, each with when that undo
     * began (the earliest, for several): whether that write landed is not known, and Zendesk holding the
     * applied value again may be someone's change since.
     */
    static Map<String, Instant> undoneMaybe(Path receipt, Path target, String hash) {
        Map<String, Instant> out = new TreeMap<>();
        for (JsonNode undo : earlierUndos(receipt, target, hash)) {
            Instant started = instant(undo.path("started_at").asText());
            for (String id : ReceiptFile.inFlightIds(undo)) {
                // an undo whose start cannot be read counts as begun at the epoch: anything since is a change
                out.merge(id, started == null ? Instant.EPOCH : started, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        out.keySet().removeAll(undoneBefore(receipt, target, hash));
        return out;
    }

    /**
     * The receipts of earlier live undos of the receipt of hash {@code hash}: looked for beside the receipt
     * and in its run folder's {@code applies/}, and at the undo receipt {@code target} this undo writes and
     * in the folder that archives it.
     */
    private static List<JsonNode> earlierUndos(Path receipt, Path target, String hash) {
        List<JsonNode> out = new ArrayList<>();
        Set<Path> near = new LinkedHashSet<>(receiptsNear(receipt.toAbsolutePath()));
        near.add(receipt.toAbsolutePath().resolveSibling("undo_receipt.json"));
        near.add(target.toAbsolutePath());
        try (var archived = Files.list(dir(target))) {
            archived.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(near::add);
        } catch (IOException e) {
            // no archive beside the target yet: no undo of it was archived there
        }
        for (Path p : near) {
            JsonNode other = Files.isRegularFile(p) ? readQuietly(p) : null;
            if (other != null
                    && other.path("mode").asText().equals("undo")
                    && other.path("source_receipt_hash").asText().equalsIgnoreCase(hash)) {
                out.add(other.hasNonNull("written_to") ? writtenTo(other) : other);
            }
        }
        return out;
    }

    /**
     * The receipt an entry left by an undo written elsewhere points at ({@code written_to}; it stopped
     * before its copy replaced the entry): that file while it holds the same run, else the copy of it
     * kept beside it when a later run there set it aside, else the entry itself (which lists nothing).
     */
    private static JsonNode writtenTo(JsonNode entry) {
        String runId = entry.path("run_id").asText();
        Path at;
        try {
            at = Path.of(entry.path("written_to").asText());
        } catch (InvalidPathException e) {
            return entry;
        }
        for (Path p : List.of(at, dir(at).resolve(runId + ".json"))) {
            JsonNode there = Files.isRegularFile(p) ? readQuietly(p) : null;
            if (there != null && there.path("run_id").asText().equals(runId)) {
                return there;
            }
        }
        return entry;
    }

    /**
     * The background jobs that live applies left open ({@link io.plumbline.apply.ReceiptFile#openJobs}),
     * each with the receipt that names it: the receipt at {@code receipt}, the run folder's
     * {@code apply_receipt.json} and every receipt archived in its {@code applies/}.
     */
    static Map<String, Path> openJobs(Path receipt) {
        Set<Path> paths = new LinkedHashSet<>();
        Path at = receipt.toAbsolutePath();
        if (Files.isRegularFile(at)) {
            paths.add(at);
        }
        paths.addAll(receiptsNear(at));
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path p : paths) {
            JsonNode r = readQuietly(p);
            if (r != null) {
                ReceiptFile.openJobs(r).forEach(job -> out.putIfAbsent(job, p));
            }
        }
        return out;
    }

    /** {@code apply_receipt.json} of the run folder and every receipt archived in its {@code applies/}. */
    private static List<Path> receiptsNear(Path receipt) {
        Path folder = receipt.getParent();
        boolean inArchive = folder.getFileName() != null
                && folder.getFileName().toString().equals("applies")
                && folder.getParent() != null;
        Path runFolder = inArchive ? folder.getParent() : folder;
        List<Path> out = new ArrayList<>();
        out.add(runFolder.resolve("apply_receipt.json"));
        try (var archived = Files.list(runFolder.resolve("applies"))) {
            archived.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            // no applies/ folder: only the receipt beside it
        }
        out.removeIf(p -> p.equals(receipt) || !Files.isRegularFile(p));
        return out;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The ids of the actions a receipt lists as applied, in id order. */
    private static Set<String> appliedIn(JsonNode receipt) {
        Set<String> out = new TreeSet<>();
        for (JsonNode r : receipt.path("results")) {
            if (r.path("status").asText().equals("applied")) {
                out.add(r.path("action_id").asText());
            }
        }
        return out;
    }

    private static JsonNode readQuietly(Path p) {
        try {
            JsonNode n = JSON.readTree(Files.readString(p));
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null; // not a receipt this tool wrote: nothing to keep, and no later write named
        }
    }
}
