package io.plumbline.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.PlumblineException;
import io.plumbline.files.IoFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The local SQLite store: run history, each run's issue keys, named cursors, and the last Zendesk pull
 * a later pull can continue from ({@link PullRecord}). Opening it applies any pending migrations in
 * order, in one transaction each.
 */
public final class RunStore implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Run {@code r} is comparable with run {@code t}: {@link RunRecord#comparableWith} in SQL. */
    private static final String SAME_SERIES =
            comparable("t.series", "(t.input_kind = '" + RunRecord.DEMO + "')", "t.output_root");

    /**
     * Run {@code r} is comparable ({@link RunRecord#comparableWith}) with a run of series {@code series},
     * on the demo when {@code demo} holds, written to {@code outputRoot}: each an SQL expression.
     */
    private static String comparable(String series, String demo, String outputRoot) {
        return "(CASE WHEN r.series IS NULL OR " + series + " IS NULL"
                + " THEN (r.input_kind = '" + RunRecord.DEMO + "') = " + demo
                + " ELSE r.series = " + series + " END)"
                + " AND (r.output_root IS NULL OR " + outputRoot + " IS NULL OR r.output_root = " + outputRoot + ")";
    }

    /** {@link RunRecord#AUDITED_ORDER} of the runs {@code r}, newest first. */
    private static final String AUDITED_NEWEST_FIRST = " ORDER BY r.as_of IS NOT NULL DESC,"
            + " COALESCE(r.as_of, r.started_at) DESC, r.started_at DESC, r.run_id DESC";

    /** The {@link RunRecord#AUDITED_ORDER} key of the run {@code x}, as an SQL row value. */
    private static String auditedKey(String x) {
        return "(" + x + ".as_of IS NOT NULL, COALESCE(" + x + ".as_of, " + x + ".started_at), " + x + ".started_at, "
                + x + ".run_id)";
    }

    /** What to do about a store SQLite finds damaged, or no database at all. */
    private static final String DAMAGED = "; the file is damaged or not a store: move it aside (the next audit"
            + " starts a new one) or audit with --no-history";

    /** How long a write waits for another process's transaction on the same store. */
    private static final int BUSY_TIMEOUT_MS = 30_000;

    /** What to do about a store another process held past the wait. */
    private static final String HELD = "another process (an audit or report) held the store for "
            + BUSY_TIMEOUT_MS / 1000 + " s: run again once it is done, or audit with --no-history";

    /** How many runs of a series keep their issue keys ({@link #recordRun}). */
    public static final int KEEP_ISSUE_KEYS = 30;

    private final Path file;
    private final Connection db;

    private RunStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    public static RunStore open(Path file) {
        if (Files.isDirectory(file)) {
            throw new PlumblineException(
                    2, file + ": is a folder, not a history store; store.path (or the output root) names the file");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // a transaction takes the write lock when it begins, waiting up to the busy timeout for another
            // process's (two scheduled audits sharing the store) rather than failing at its first write
            SQLiteConfig config = new SQLiteConfig();
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            Connection db = DriverManager.getConnection(url(file), config.toProperties());
            RunStore store = new RunStore(file, db);
            try {
                store.migrate();
            } catch (SQLException | RuntimeException e) {
                db.close();
                // a read that failed on the way is said once, as the store not opening
                Throwable failure =
                        e instanceof PlumblineException && e.getCause() instanceof SQLException sql ? sql : e;
                if (failure instanceof SQLException sql) {
                    throw new PlumblineException(
                            2, file + ": cannot open the local store: " + sql.getMessage() + advice(sql), sql);
                }
                throw e;
            }
            return store;
        } catch (IOException e) {
            throw new PlumblineException(2, file + ": cannot open the local store (" + IoFailures.why(e) + ")", e);
        } catch (SQLException e) {
            throw new PlumblineException(2, file + ": cannot open the local store: " + e.getMessage() + advice(e), e);
        }
    }

    /**
     * The JDBC address of a store file, as a {@code file:} URI with the path percent-encoded: the driver
     * reads whatever follows a {@code ?} in a plain path as settings, so a folder named {@code
     * y?journal_mode=off} would not open (or would open with those settings).
     */
    private static String url(Path file) {
        return "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath();
    }

    /** Whether a store error (its message) says another process held the store past the wait. */
    public static boolean heldByAnother(String message) {
        String m = String.valueOf(message);
        return m.contains("SQLITE_BUSY") || m.contains("database is locked");
    }

    /** A read or write of the store that failed ({@code what}), with what to do about it when that is known. */
    private PlumblineException failed(String what, Exception e) {
        return new PlumblineException(2, file + ": " + what + ": " + e.getMessage() + advice(e), e);
    }

    /** What to do about a store error: the file damaged, or another process holding it past the wait. */
    private static String advice(Exception e) {
        if (damaged(e)) {
            return DAMAGED;
        }
        return heldByAnother(e.getMessage()) ? "; " + HELD : "";
    }

    /** Whether SQLite found the file damaged, or no database at all. */
    private static boolean damaged(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB");
    }

    /** The schema version the store is at. */
    public int schemaVersion() {
        return query("PRAGMA user_version", rs -> rs.getInt(1)).get(0);
    }

    /**
     * Brings the schema up to date in one transaction. The version is read again once the transaction
     * holds the write lock: of two processes opening a new (or older) store at once, the second waits,
     * then finds the work done.
     */
    private void migrate() throws SQLException {
        int target = Migrations.SCRIPTS.size();
        int found = checked(schemaVersion());
        if (found == target) {
            return;
        }
        if (found > 0) {
            keepCopy(found);
        }
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            for (int v = checked(schemaVersion()); v < target; v++) {
                for (String sql : Migrations.SCRIPTS.get(v).split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("PRAGMA user_version = " + (v + 1));
            }
            Sql.commit(db);
        } catch (SQLException | RuntimeException e) {
            Sql.rollbackQuietly(db);
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * Keeps the store as it is at schema {@code version} beside it ({@code plumbline.db.schema4.bak}), before
     * moving it to this plumbline's schema: the plumbline that wrote it cannot open the newer one, so a
     * scheduled run of that version can go on from the copy. SQLite writes the copy ({@code VACUUM INTO}:
     * whole, and no handle of this process opens the store but its own, which closing would let its locks
     * go), aside, then moved into place, replacing a copy an earlier move left; a copy that another run's
     * move overtook (not at {@code version} any more) is dropped.
     */
    private void keepCopy(int version) throws SQLException {
        Path copy = file.toAbsolutePath().resolveSibling(file.getFileName() + ".schema" + version + ".bak");
        Path partial = copy.resolveSibling("." + copy.getFileName() + "."
                + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try (Statement s = db.createStatement()) {
                s.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
            }
            if (versionOf(partial) == version) {
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new SQLException(
                    "cannot keep a copy of the store before moving it to a newer schema (" + IoFailures.why(e)
                            + "); free some space, or audit with --no-history",
                    e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a hidden leftover beside the store
            }
        }
    }

    private static int versionOf(Path store) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(store));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    private int checked(int version) {
        if (version > Migrations.SCRIPTS.size()) {
            throw new PlumblineException(
                    2,
                    file + ": the store has schema version " + version + ", newer than this plumbline understands ("
                            + Migrations.SCRIPTS.size() + "); upgrade plumbline");
        }
        return version;
    }

    /**
     * Claims {@code runId} for the run writing {@code runFolder}: false when the store knows the id already
     * (a run recorded, or one going, perhaps of another output root that shares this store). A claim of the
     * same run folder that no recorded run holds is taken over: that run was killed before it could give it
     * back, and its folder (reserved by the caller first) is free again. One statement, so of two runs
     * claiming an id at once exactly one gets it.
     */
    public boolean claimRunId(String runId, String runFolder, String claimedAt) {
        try (PreparedStatement claim = db.prepareStatement("INSERT INTO run_ids VALUES (?,?,?)"
                + " ON CONFLICT(run_id) DO UPDATE SET claimed_at = excluded.claimed_at"
                + " WHERE run_ids.run_folder = excluded.run_folder"
                + " AND run_ids.run_id NOT IN (SELECT run_id FROM runs)")) {
            Sql.bind(claim, runId, runFolder, claimedAt);
            return claim.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PlumblineException(
                    2,
                    file + ": cannot write the history store (" + e.getMessage() + "); "
                            + (heldByAnother(e.getMessage())
                                    ? HELD
                                    : damaged(e)
                                            ? DAMAGED.substring(2)
                                            : "check that it is writable, or audit with --no-history"),
                    e);
        }
    }

    /** Gives back the claim of {@code runId} when no run was recorded under it (the run failed). */
    public void releaseRunId(String runId) {
        try (PreparedStatement release = db.prepareStatement(
                "DELETE FROM run_ids WHERE run_id = ? AND run_id NOT IN (SELECT run_id FROM runs)")) {
            release.setString(1, runId);
            release.executeUpdate();
        } catch (SQLException e) {
            throw failed("cannot write the store", e);
        }
    }

    /**
     * Records one finished run and its issue keys (replacing a run with the same id). The issue keys of the
     * runs of its series before the latest {@value #KEEP_ISSUE_KEYS} are let go (their totals stay, for the
     * trend): only the latest two are ever compared, and a large tenant's keys are most of the store.
     */
    public void recordRun(RunRecord run, List<IssueKey> issues) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement del = db.prepareStatement("DELETE FROM runs WHERE run_id = ?");
                    PreparedStatement ins =
                            db.prepareStatement("INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement iss =
                            db.prepareStatement("INSERT OR IGNORE INTO run_issues VALUES (?,?,?,?,?)")) {
                del.setString(1, run.runId());
                del.executeUpdate();
                try (PreparedStatement claim = db.prepareStatement("INSERT OR IGNORE INTO run_ids VALUES (?, '', ?)")) {
                    Sql.bind(claim, run.runId(), run.startedAt());
                    claim.executeUpdate();
                }
                Sql.bind(
                        ins,
                        run.runId(),
                        run.startedAt(),
                        run.finishedAt(),
                        run.inputKind(),
                        run.planHash(),
                        run.totalIssues(),
                        run.prepared(),
                        run.blocked(),
                        run.durationMs(),
                        run.requestsUsed(),
                        MAPPER.writeValueAsString(run.countsByCode()),
                        run.series(),
                        run.asOf(),
                        run.outputRoot());
                ins.executeUpdate();
                for (IssueKey k : issues) {
                    Sql.bind(iss, run.runId(), k.key(), k.code(), k.accountId(), k.status());
                    iss.addBatch();
                }
                iss.executeBatch();
            }
            // the run just recorded keeps its keys, also when it audited an instant older than those kept
            try (PreparedStatement trim = db.prepareStatement("DELETE FROM run_issues WHERE run_id <> ?1 AND run_id IN"
                    + " (SELECT r.run_id FROM runs r JOIN runs t ON t.run_id = ?1 WHERE " + SAME_SERIES
                    + AUDITED_NEWEST_FIRST + " LIMIT -1 OFFSET " + KEEP_ISSUE_KEYS + ")")) {
                trim.setString(1, run.runId());
                trim.executeUpdate();
            }
            Sql.commit(db);
        } catch (SQLException | IOException e) {
            Sql.rollbackQuietly(db);
            throw failed("cannot record the run", e);
        } finally {
            autoCommit();
        }
    }

    /** Runs, newest first (by start time, then id). */
    public List<RunRecord> runs(int limit) {
        return query("SELECT * FROM runs ORDER BY started_at DESC, run_id DESC LIMIT " + Math.max(0, limit), this::run);
    }

    /**
     * The runs history compares with a run of {@code series} on demo or real inputs written to {@code
     * outputRoot} ({@link RunRecord#comparableWith}), newest first: history never mixes two Zendesks, two
     * ticket windows, two output roots, or the demo with real inputs.
     */
    public List<RunRecord> runs(int limit, String series, boolean demo, String outputRoot) {
        return query(
                "SELECT * FROM runs r WHERE " + comparable("?1", demo ? "1" : "0", "?2")
                        + " ORDER BY started_at DESC, run_id DESC LIMIT " + Math.max(0, limit),
                this::run,
                series,
                outputRoot);
    }

    /**
     * The run history compares {@code runId} with: of its series (or, for a run from before series, of its
     * kind; {@link RunRecord#comparableWith}), the one just before it in {@link RunRecord#AUDITED_ORDER}.
     */
    public Optional<RunRecord> previous(String runId) {
        return query(
                        "SELECT r.* FROM runs r JOIN runs t ON t.run_id = ?"
                                + " WHERE " + SAME_SERIES + " AND " + auditedKey("r") + " < " + auditedKey("t")
                                + AUDITED_NEWEST_FIRST + " LIMIT 1",
                        this::run,
                        runId)
                .stream()
                .findFirst();
    }

    /**
     * The run a new run of {@code series} (on demo or real inputs, into {@code outputRoot}) that audits {@code asOf} ({@link
     * RunRecord#instant}) is compared with: the last comparable one in {@link RunRecord#AUDITED_ORDER} that
     * audited no later instant. Every recorded run started before the new one.
     */
    public Optional<RunRecord> latestAsOf(String series, boolean demo, String outputRoot, String asOf) {
        return query(
                        "SELECT r.* FROM runs r WHERE " + comparable("?1", demo ? "1" : "0", "?2")
                                + " AND (r.as_of IS NULL OR r.as_of <= ?3)" + AUDITED_NEWEST_FIRST + " LIMIT 1",
                        this::run,
                        series,
                        outputRoot,
                        asOf)
                .stream()
                .findFirst();
    }

    /** The run recorded under {@code runId}, if any. */
    public Optional<RunRecord> run(String runId) {
        return query("SELECT * FROM runs WHERE run_id = ?", this::run, runId).stream()
                .findFirst();
    }

    /** The issue keys of one run, by key. */
    public Map<String, IssueKey> issues(String runId) {
        Map<String, IssueKey> out = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT issue_key, issue_code, sf_account_id, status FROM run_issues WHERE run_id = ? ORDER BY issue_key")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getString(1),
                            new IssueKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw failed("cannot read the store", e);
        }
        return out;
    }

    public Optional<String> cursor(String name) {
        try (PreparedStatement ps = db.prepareStatement("SELECT value FROM cursors WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("cannot read the store", e);
        }
    }

    public void putCursor(String name, String value, String updatedAt) {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO cursors VALUES (?,?,?) ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
            Sql.bind(ps, name, value, updatedAt);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("cannot write the store", e);
        }
    }

    /** The last recorded pull of the Zendesk at {@code source} (its base URL), if any. */
    public Optional<PullRecord> lastPull(String source) {
        return new PullTable(file, db).last(source);
    }

    /** Records a pull, replacing the previous one of the same source (snapshot pointer and cursors at once). */
    public void recordPull(PullRecord pull) {
        new PullTable(file, db).record(pull);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing a read-mostly SQLite connection cannot lose data
        }
    }

    private RunRecord run(ResultSet rs) throws SQLException {
        try {
            Map<String, Integer> counts = MAPPER.readValue(rs.getString("counts_by_code"), new TypeReference<>() {});
            return new RunRecord(
                    rs.getString("run_id"),
                    rs.getString("started_at"),
                    rs.getString("finished_at"),
                    rs.getString("input_kind"),
                    rs.getString("plan_hash"),
                    rs.getInt("total_issues"),
                    rs.getInt("prepared"),
                    rs.getInt("blocked"),
                    rs.getLong("duration_ms"),
                    rs.getLong("requests_used"),
                    counts,
                    rs.getString("series"),
                    rs.getString("as_of"),
                    rs.getString("output_root"));
        } catch (IOException e) {
            throw new SQLException("bad counts_by_code for run " + rs.getString("run_id"), e);
        }
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, String... parameters) {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
        } catch (SQLException e) {
            throw failed("cannot read the store", e);
        }
        return out;
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is closed with the command anyway
        }
    }
}
