package io.plumbline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
        db.setAutoCommit(true);
    }

    static void rollbackQuietly(Connection db) {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }
}
