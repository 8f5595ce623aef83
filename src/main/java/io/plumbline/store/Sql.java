package io.plumbline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The two JDBC chores every store table shares: binding parameters and a rollback that cannot hide an error. */
final class Sql {
    private Sql() {}

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
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
