package io.plumbline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** The JDBC chores every store table shares: binding parameters, committing, and a rollback that cannot hide an error. */
final class Sql {
    private Sql() {}

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    /**
     * Commits the transaction by turning auto-commit back on. The driver's {@code commit()} begins the next
     * transaction at once, which in the store's IMMEDIATE mode takes the write lock again, and could wait
     * for another process's transaction and fail after the data was already committed.
     */
    static void commit(Connection db) throws SQLException {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            // the driver counts the connection as auto-committing already, so rollback() would refuse:
            // end the transaction by hand, or it would hold its locks until the store is closed
            try (Statement s = db.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // the failed commit is what the user needs to see
            }
            throw e;
        }
    }

    static void rollbackQuietly(Connection db) {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }
}
