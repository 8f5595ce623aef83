package io.plumbline.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.config.AuditConfig;
import io.plumbline.config.ConfigLoader;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.errors.InputException;
import io.plumbline.errors.JsonErrors;
import io.plumbline.model.Snapshot;
import io.plumbline.model.Texts;
import io.plumbline.normalize.PersonalDomains;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.ChecksummedSource;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.InputSource;
import io.plumbline.snapshot.SnapshotLayout;
import io.plumbline.snapshot.SnapshotReader;
import io.plumbline.snapshot.UnreadFiles;
import io.plumbline.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the input options into a snapshot and the settings to audit it with. Demo and snapshot audits
 * need no config file; when one is present (or named) its audit settings apply.
 *
 * @param path the snapshot folder, absolute and normalized, so that a run folder names it the same from
 *     any working directory; {@code demo:} for the demo
 * @param source where the snapshot's files are read from (as given, so messages name them as typed)
 */
record AuditInputs(
        Snapshot snapshot,
        PlumblineConfig config,
        ResolutionSettings settings,
        String kind,
        String path,
        InputSource source) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** True for the bundled demo fixtures. */
    boolean demo() {
        return RunRecord.DEMO.equals(kind);
    }

    /**
     * True when a plan from these inputs is a demo plan: the bundled demo fixtures, or a snapshot folder whose
     * manifest says it holds them ({@code "source": "demo fixtures"}, as the copy {@code init --demo} writes),
     * edited or not: a scenario tried out on the demo is dry-run against that folder, never applied live.
     */
    boolean demoPlan() {
        return demo() || SnapshotReader.demoFixtures(source);
    }

    /** The input as a message names it: {@code the demo input} or {@code the snapshot DIR}. */
    String description() {
        return demo() ? "the demo input" : "the snapshot " + path;
    }

    static AuditInputs load(InputOptions o) {
        if (o.demo && o.snapshot != null) {
            throw new ConfigException("--demo and --snapshot cannot be used together; pick one input");
        }
        PlumblineConfig config = ConfigLoader.loadOrDefaults(o.configPath(), o.config != null);
        ResolutionSettings settings = settings(config, o.ticketLookbackDays);
        Instant asOf = parseAsOf(o.asOf);
        if (o.demo) {
            return new AuditInputs(
                    SnapshotReader.read(ClasspathSource.DEMO, asOf, settings.ticketLookback()),
                    config,
                    settings,
                    RunRecord.DEMO,
                    "demo:",
                    ClasspathSource.DEMO);
        }
        if (o.snapshot != null) {
            Path own = o.snapshot.resolve(SnapshotLayout.ACCOUNTS);
            String configured = configuredCsv(o, config, true);
            if (Files.isDirectory(o.snapshot)
                    && !Files.exists(own)
                    && configured != null
                    && Files.exists(Path.of(configured))) {
                throw new InputException(
                        own.toString(),
                        0,
                        0,
                        "file not found; a snapshot folder holds its own Salesforce accounts export (the config's "
                                + "salesforce.accounts_csv, " + configured + ", is read by live audits only): copy it "
                                + "into the folder as " + SnapshotLayout.ACCOUNTS);
            }
            return fromFolder(o.snapshot, asOf, config, settings, "snapshot");
        }
        throw new IllegalStateException("a live read is the command's own: neither --demo nor --snapshot given");
    }

    /**
     * Notes on what a {@code --snapshot} audit does not read, so a user who meant it does not miss it: the
     * CSVs a config given with {@code --config} names (it reads the folder's own), data files under names
     * the layout does not read, and a tickets export with no ticket. (A live pull's tickets are those of
     * the window only, and a quiet tenant may have none: not noted.)
     */
    static List<String> snapshotNotes(InputOptions o, AuditInputs inputs) {
        List<String> notes = new ArrayList<>();
        if (o.snapshot == null) {
            return notes;
        }
        String accounts = configuredCsv(o, inputs.config(), true);
        String contacts = configuredCsv(o, inputs.config(), false);
        notReadNote(o.snapshot.resolve(SnapshotLayout.ACCOUNTS), accounts, "accounts")
                .ifPresent(notes::add);
        notReadNote(o.snapshot.resolve(SnapshotLayout.CONTACTS), contacts, "contacts")
                .ifPresent(notes::add);
        unreadFiles(o.snapshot).ifPresent(notes::add);
        Snapshot s = inputs.snapshot();
        if (o.asOf == null && s.capturedAt() == null && Instant.EPOCH.equals(s.asOf())) {
            // only when the tickets have all been read: with none, nothing else dates the snapshot
            notes.add("warning: " + o.snapshot + " has no " + SnapshotLayout.MANIFEST + " captured_at and no ticket "
                    + "to date it, so it is audited as of " + Instant.EPOCH + " and its plan cannot be applied live; "
                    + "add " + SnapshotLayout.MANIFEST + " with the instant of the export ({\"captured_at\": "
                    + "\"2026-04-17T09:00:00Z\"}), or pass --as-of that instant");
        }
        // asked of the file, not of the tickets read: those are still being read, and the audit starts meanwhile
        if (blank(o.snapshot.resolve(SnapshotLayout.TICKETS))
                && !inputs.snapshot().users().isEmpty()) {
            notes.add("note: " + o.snapshot.resolve(SnapshotLayout.TICKETS) + " holds no ticket, so no ticket is "
                    + "checked; check that the tickets export is complete");
        }
        return notes;
    }

    /**
     * Data files in a snapshot folder (or its zendesk/) that the layout does not name, as a second part
     * of an export ({@code users-part2.jsonl}) or a file under another name: never read, so said.
     */
    static Optional<String> unreadFiles(Path snapshot) {
        List<String> unread = UnreadFiles.in(snapshot);
        if (unread.isEmpty()) {
            return Optional.empty();
        }
        // a file's name is anyone's to choose: shown with its control characters as escapes
        String shown = unread.subList(0, Math.min(5, unread.size())).stream()
                        .map(Texts::shown)
                        .collect(Collectors.joining(", "))
                + (unread.size() > 5 ? " and " + (unread.size() - 5) + " more" : "");
        return Optional.of("note: not read: " + shown + " (a snapshot folder is read only from "
                + String.join(", ", SnapshotLayout.FILES) + "; an export in parts must be joined into one file)");
    }

    /** Whether a file holds nothing but white space (read only when small enough to be so). */
    private static boolean blank(Path file) {
        try {
            return Files.size(file) < 64 * 1024 && Files.readString(file).isBlank();
        } catch (IOException e) {
            return false; // the read of the inputs says what is wrong with it
        }
    }

    private static Optional<String> notReadNote(Path own, String configured, String what) {
        if (configured == null
                || !Files.exists(Path.of(configured))
                || Path.of(configured).equals(own.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return Optional.of("note: the " + what + " are read from "
                + (Files.exists(own) ? own : "the snapshot folder" + " (it has no " + own.getFileName() + ", so none)")
                + "; the config's salesforce." + what + "_csv ("
                + configured + ") is read by live audits only");
    }

    /** The accounts (or contacts) CSV an explicitly given config names, absolute; null when none is named. */
    private static String configuredCsv(InputOptions o, PlumblineConfig config, boolean accounts) {
        if (o.config == null
                || config.salesforce() == null
                || config.salesforce().isApi()) {
            return null;
        }
        String named = accounts
                ? config.salesforce().accountsCsv()
                : config.salesforce().contactsCsv();
        return named == null
                ? null
                : config.resolve(named).toAbsolutePath().normalize().toString();
    }

    static AuditInputs fromFolder(
            Path dir, Instant asOf, PlumblineConfig config, ResolutionSettings settings, String kind) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir
                    + (Files.exists(dir)
                            ? ": not a folder; --snapshot takes the snapshot folder that holds salesforce_accounts.csv and zendesk/"
                            : ": snapshot folder not found"));
        }
        ChecksummedSource source = new ChecksummedSource(new FolderSource(dir));
        return new AuditInputs(
                SnapshotReader.read(source, asOf, settings.ticketLookback()),
                config,
                settings,
                kind,
                absolute(dir),
                source);
    }

    /** {@code dir} as a run folder records it: absolute and normalized. */
    static String absolute(Path dir) {
        return dir.toAbsolutePath().normalize().toString();
    }

    static ResolutionSettings settings(PlumblineConfig config, Integer lookbackOverride) {
        if (lookbackOverride != null && !ResolutionSettings.lookbackInRange(lookbackOverride)) {
            throw new ConfigException("--ticket-lookback-days must be between 1 and "
                    + ResolutionSettings.MAX_LOOKBACK_DAYS + ", found " + lookbackOverride);
        }
        int lookback =
                lookbackOverride != null ? lookbackOverride : config.audit().ticketLookbackDays();
        // the config's own values were checked when it was loaded
        return new ResolutionSettings(
                PersonalDomains.with(
                        config.audit().personalDomainsExtra(), config.audit().personalDomainsRemoved()),
                lookback);
    }

    static Instant parseAsOf(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw new ConfigException("--as-of must be an ISO 8601 instant such as 2026-04-17T00:00:00Z, found '"
                    + Texts.shown(raw) + "'");
        }
    }

    /** Re-reads the inputs a run recorded in its receipt.json. */
    static AuditInputs fromRun(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + (Files.exists(dir) ? ": not a folder" : ": run folder not found")
                    + "; --run takes the folder an audit wrote (OUT/RUN_ID, holding receipt.json)");
        }
        if (!Files.exists(dir.resolve("receipt.json"))) {
            throw new ConfigException(dir + ": not a run folder (no receipt.json)" + runsInside(dir)
                    + "; --run takes the folder an audit wrote (OUT/RUN_ID, holding receipt.json)");
        }
        JsonNode receipt = readJson(dir.resolve("receipt.json"));
        JsonNode in = receipt.path("input");
        String kind = in.path("kind").asText();
        List<String> extra = new ArrayList<>();
        in.path("personal_domains_extra").forEach(n -> extra.add(n.asText()));
        List<String> removed = new ArrayList<>();
        in.path("personal_domains_removed").forEach(n -> removed.add(n.asText()));
        AuditConfig recorded;
        try {
            recorded = new AuditConfig(in.path("ticket_lookback_days").asInt(30), extra, removed);
        } catch (ConfigException e) {
            throw new InputException(
                    dir.resolve("receipt.json").toString(),
                    0,
                    0,
                    "the settings the run recorded under input cannot be used (" + e.getMessage() + ")",
                    e);
        }
        PlumblineConfig config = new PlumblineConfig(null, null, recorded, null, null, dir);
        var settings = AuditInputs.settings(config, null);
        String recordedAsOf = in.path("as_of").asText("");
        if (recordedAsOf.isBlank()) {
            throw new InputException(
                    dir.resolve("receipt.json").toString(),
                    0,
                    0,
                    "input.as_of is missing; this is not the receipt.json of a finished audit");
        }
        Instant asOf;
        try {
            asOf = OffsetDateTime.parse(recordedAsOf.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InputException(
                    dir.resolve("receipt.json").toString(),
                    0,
                    0,
                    "input.as_of '" + recordedAsOf + "' is not an ISO 8601 instant; this receipt.json is damaged");
        }
        return switch (kind) {
            case "demo" ->
                new AuditInputs(
                        SnapshotReader.read(ClasspathSource.DEMO, asOf, settings.ticketLookback()),
                        config,
                        settings,
                        kind,
                        "demo:",
                        ClasspathSource.DEMO);
            case "snapshot" -> fromFolder(recordedFolder(dir, in.path("path").asText()), asOf, config, settings, kind);
            default -> fromFolder(dir.resolve("snapshot"), asOf, config, settings, kind);
        };
    }

    /**
     * The snapshot folder a run recorded. Runs record it absolute; a folder recorded relative (by an
     * earlier version) only resolves from the folder that audit was started in, which the message says.
     */
    private static Path recordedFolder(Path run, String recorded) {
        Path folder = Path.of(recorded);
        if (!folder.isAbsolute() && !Files.isDirectory(folder)) {
            throw new ConfigException(recorded + ": snapshot folder not found; run " + run
                    + " recorded it relative to the folder its audit was started in: run this command from there");
        }
        if (!Files.isDirectory(folder)) {
            // the run folder keeps its artifacts but not a copy of the inputs: they are read again
            throw new ConfigException(recorded + ": snapshot folder not found; run " + run
                    + " was audited from it (receipt.json, input.path) and its inputs are read again from there: "
                    + "put the folder back, or audit it where it is now with `audit --snapshot DIR`");
        }
        return folder;
    }

    /** For a folder that holds run folders (an --out root): which ones, newest first, as a hint. */
    private static String runsInside(Path dir) {
        List<Path> runs = new ArrayList<>();
        try (var children = Files.list(dir)) {
            children.filter(c -> Files.isRegularFile(c.resolve("receipt.json"))).forEach(runs::add);
        } catch (IOException e) {
            return "";
        }
        if (runs.isEmpty()) {
            return "";
        }
        runs.sort(Comparator.comparing(
                        (Path p) -> p.resolve("receipt.json").toFile().lastModified())
                .reversed());
        return "; it holds " + runs.size() + (runs.size() == 1 ? " run folder" : " run folders") + ", the newest "
                + runs.get(0);
    }

    static JsonNode readJson(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (JacksonException e) {
            // the folder was found, but a file in it is damaged: bad input data, not a usage error
            throw new InputException(
                    file.toString(), JsonErrors.line(e), JsonErrors.column(e), JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw new ConfigException(
                    file + ": cannot read the run folder's " + file.getFileName() + " (" + e.getMessage() + ")", e);
        }
    }
}
