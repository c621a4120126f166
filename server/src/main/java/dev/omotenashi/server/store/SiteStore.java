package dev.omotenashi.server.store;

import java.util.List;
import java.util.Optional;

/**
 * Sites and their configuration objects. Implementations: SQLite and PostgreSQL, proven by the same
 * contract test. Thread-safe. Every method is atomic: it happens whole or not at all.
 */
public interface SiteStore {
    List<SiteRecord> sites();

    Optional<SiteRecord> site(String id);

    /**
     * Creates or replaces a site (by id). Keys are unique across sites.
     *
     * @throws DuplicateKeyException when another site has this key or write key; nothing changes
     */
    void putSite(SiteRecord site);

    /**
     * Deletes a site with everything stored under its id, in one transaction: its configuration objects,
     * journal records, event ids and checkpoint. False when the site did not exist.
     */
    boolean deleteSite(String id);

    /** The objects of one kind of a site, by id. */
    List<ConfigObject> objects(String site, String kind);

    Optional<ConfigObject> object(String site, String kind, String id);

    /**
     * Creates or replaces an object.
     *
     * @throws StoreException when the object's site does not exist
     */
    void putObject(ConfigObject object);

    /** False when it did not exist. */
    boolean deleteObject(String site, String kind, String id);
}
