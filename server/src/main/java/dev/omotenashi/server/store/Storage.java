package dev.omotenashi.server.store;

/**
 * The storage backend of one server process: its stores, opened together (schemas migrated at
 * start-up) and closed together. {@code SqliteStorage} (embedded default, in the data folder) and
 * {@code PostgresStorage} ({@code OMOTENASHI_DATABASE_URL}) implement it.
 */
public interface Storage extends AutoCloseable {
    SiteStore sites();

    EventJournal journal();

    CheckpointStore checkpoints();

    /** The console's operators, sessions and personal tokens. */
    OperatorStore operators();

    /** The history of who changed what. */
    AuditStore audit();

    /**
     * Runs work in one write transaction: every store call the work makes on this thread joins it, so its
     * writes (a change and the audit entry recording it) are committed together when the work returns, or
     * none of them when it throws (the exception propagates). A store call inside that fails undoes only its
     * own statements before throwing, as it would alone; the work may catch that and go on.
     *
     * <p>Keep the work to store calls and computation: on SQLite it holds the one write connection, so it
     * must never wait for another thread that writes (the journal's group committer), and long work delays
     * the journal's appends.
     */
    <T> T inTransaction(java.util.function.Supplier<T> work);

    /** Whether the backend answers now (for {@code /ready}). */
    boolean healthy();

    @Override
    void close();
}
