package dev.omotenashi.server.store.jdbc;

import dev.omotenashi.server.store.AuditStore;
import dev.omotenashi.server.store.CheckpointStore;
import dev.omotenashi.server.store.EventJournal;
import dev.omotenashi.server.store.OperatorStore;
import dev.omotenashi.server.store.SiteStore;
import dev.omotenashi.server.store.Storage;

/**
 * The stores written once in SQL both databases accept, over one backend's {@link Database}: a backend
 * (SQLite, PostgreSQL) only opens and migrates its database and hands it here. Thread-safe.
 */
public abstract class JdbcStorage<D extends Database> implements Storage {
    protected final D db;
    private final SiteStore sites;
    private final EventJournal journal;
    private final CheckpointStore checkpoints;
    private final OperatorStore operators;
    private final AuditStore audit;

    protected JdbcStorage(D db) {
        this.db = db;
        this.sites = new JdbcSiteStore(db);
        this.journal = new JdbcEventJournal(db);
        this.checkpoints = new JdbcCheckpointStore(db);
        this.operators = new JdbcOperatorStore(db);
        this.audit = new JdbcAuditStore(db);
    }

    @Override
    public final SiteStore sites() {
        return sites;
    }

    @Override
    public final EventJournal journal() {
        return journal;
    }

    @Override
    public final CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public final OperatorStore operators() {
        return operators;
    }

    @Override
    public final AuditStore audit() {
        return audit;
    }

    @Override
    public final <T> T inTransaction(java.util.function.Supplier<T> work) {
        return db.write(c -> work.get());
    }

    @Override
    public final boolean healthy() {
        return db.healthy();
    }

    /** Waits for work in flight, then closes every connection. Idempotent. */
    @Override
    public final void close() {
        db.close();
    }
}
