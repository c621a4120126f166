package dev.omotenashi.server.store;

/**
 * The storage backend of one server process: its three stores, opened together (schemas migrated at
 * start-up) and closed together. {@code SqliteStorage} (embedded default, in the data folder) and
 * {@code PostgresStorage} ({@code OMOTENASHI_DATABASE_URL}) implement it.
 */
public interface Storage extends AutoCloseable {
    SiteStore sites();

    EventJournal journal();

    CheckpointStore checkpoints();

    /** The console's operators, sessions and personal tokens. */
    OperatorStore operators();

    /** Whether the backend answers now (for {@code /ready}). */
    boolean healthy();

    @Override
    void close();
}
