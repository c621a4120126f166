package dev.omotenashi.server.store;

import java.util.Objects;

/**
 * One configuration object of a site as stored: a segment, event definition, campaign or journey, as the
 * validated JSON the admin API accepted.
 *
 * @param kind {@code segment}, {@code event_definition}, {@code campaign} or {@code journey}
 */
public record ConfigObject(String site, String kind, String id, String json, long updatedAt) {
    public ConfigObject {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }
}
