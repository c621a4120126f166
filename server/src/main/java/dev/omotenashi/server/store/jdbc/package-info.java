/**
 * Internal: the store implementations shared by SQLite and PostgreSQL, written once against
 * {@link dev.omotenashi.server.store.jdbc.Database}. Callers use {@code SqliteStorage} or
 * {@code PostgresStorage}, never these classes directly.
 */
package dev.omotenashi.server.store.jdbc;
