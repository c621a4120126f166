package dev.omotenashi.server.store;

import java.util.List;
import java.util.Objects;

/**
 * A site as stored: identity, keys and settings. The engine's settings are derived from it.
 *
 * @param id                    the site id (URL-safe)
 * @param key                   public key the tag sends ({@code pk_…})
 * @param writeKey              secret key of the Segment-compatible door ({@code wk_…})
 * @param domains               the site's hosts (CORS origins, internal referrers)
 * @param timezone              IANA zone id
 * @param sessionTimeoutSeconds silence after which a new session starts
 * @param settingsJson          the rest of the site's settings as JSON (spacing …), as the API wrote them
 */
public record SiteRecord(String id, String name, String key, String writeKey, List<String> domains, String timezone,
                         long sessionTimeoutSeconds, String settingsJson, long createdAt, long updatedAt) {
    public SiteRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(writeKey, "writeKey");
        domains = List.copyOf(domains);
        Objects.requireNonNull(timezone, "timezone");
        if (settingsJson == null) settingsJson = "{}";
    }
}
