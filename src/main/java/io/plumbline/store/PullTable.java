package io.plumbline.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.errors.PlumblineException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads and writes {@link PullRecord}s: one row per Zendesk in {@code zendesk_pulls}, its cursors in
 * {@code cursors} under names prefixed with the source. A record is written in one transaction, so the
 * snapshot it points to and the cursors that continue from it always belong together.
 */
final class PullTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;
    private final Connection db;

    PullTable(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    Optional<PullRecord> last(String source) {
        try (PreparedStatement ps = db.prepareStatement("SELECT * FROM zendesk_pulls WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PullRecord(
                        source,
                        rs.getString("run_id"),
                        rs.getString("snapshot_dir"),
                        MAPPER.readValue(rs.getString("fingerprints"), new TypeReference<Map<String, String>>() {}),
                        rs.getString("captured_at"),
                        rs.getString("tickets_since"),
                        rs.getString("full_pull_at"),
                        cursors(source)));
            }
        } catch (SQLException | IOException e) {
            throw new PlumblineException(2, file + ": cannot read the store: " + e.getMessage(), e);
        }
    }

    private Map<String, String> cursors(String source) throws SQLException {
        String prefix = prefix(source);
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps =
                db.prepareStatement("SELECT name, value FROM cursors WHERE substr(name, 1, length(?)) = ?")) {
            ps.setString(1, prefix);
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1).substring(prefix.length()), rs.getString(2));
                }
            }
        }
        return out;
    }

    void record(PullRecord p) {
        String prefix = prefix(p.source());
        try {
            db.setAutoCommit(false);
            try (PreparedStatement row =
                            db.prepareStatement("INSERT OR REPLACE INTO zendesk_pulls VALUES (?,?,?,?,?,?,?)");
                    PreparedStatement clear =
                            db.prepareStatement("DELETE FROM cursors WHERE substr(name, 1, length(?)) = ?");
                    PreparedStatement cursor = db.prepareStatement("INSERT INTO cursors VALUES (?,?,?)")) {
                Sql.bind(
                        row,
                        p.source(),
                        p.runId(),
                        p.snapshotDir(),
                        MAPPER.writeValueAsString(p.fingerprints()),
                        p.capturedAt(),
                        p.ticketsSince(),
                        p.fullPullAt());
                row.executeUpdate();
                Sql.bind(clear, prefix, prefix);
                clear.executeUpdate();
                for (Map.Entry<String, String> c : p.cursors().entrySet()) {
                    Sql.bind(cursor, prefix + c.getKey(), c.getValue(), p.capturedAt());
                    cursor.addBatch();
                }
                cursor.executeBatch();
            }
            Sql.commit(db);
        } catch (SQLException | IOException e) {
            Sql.rollbackQuietly(db);
            throw new PlumblineException(2, file + ": cannot record the pull: " + e.getMessage(), e);
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed with the command anyway
            }
        }
    }

    /** Cursor names are {@code zendesk <base URL> <cursor>}. */
    private static String prefix(String source) {
        return "zendesk " + source + " ";
    }
}
