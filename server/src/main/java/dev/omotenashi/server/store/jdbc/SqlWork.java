package dev.omotenashi.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a borrowed connection inside a transaction that {@link Database} begins and ends. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
