package dev.omotenashi.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.Set;

/**
 * What one change records: the action, the object (its kind as the API's collection name, its id, its
 * site), the object before and after as JSON, and a small detail. Secrets are removed from before, after and
 * detail when the entry is written ({@link Audit#redact}); callers still never put any there.
 *
 * @param objectId null when there is nothing to name (a forgotten person is never named)
 * @param site     null for changes outside a site (operators, personal tokens, the test clock)
 */
public record Change(String action, String kind, String objectId, String site, JsonNode before, JsonNode after,
                     ObjectNode detail) {
    /** The kinds of object whose changes are recorded: the admin API's collection names. */
    public static final String SITES = "sites", SEGMENTS = "segments", EVENT_DEFINITIONS = "event-definitions",
            CAMPAIGNS = "campaigns", TOKENS = "tokens", USERS = "users", OPERATORS = "operators",
            PERSONAL_TOKENS = "personal-tokens", TEST_CLOCK = "test-clock";
    public static final Set<String> KINDS = Set.of(SITES, SEGMENTS, EVENT_DEFINITIONS, CAMPAIGNS, TOKENS, USERS,
            OPERATORS, PERSONAL_TOKENS, TEST_CLOCK);

    public Change {
        Objects.requireNonNull(action, "action");
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown kind " + kind);
    }

    public static Change of(String action, String kind, String objectId, String site) {
        return new Change(action, kind, objectId, site, null, null, null);
    }

    public Change withStates(JsonNode before, JsonNode after) {
        return new Change(action, kind, objectId, site, before, after, detail);
    }

    public Change withDetail(ObjectNode detail) {
        return new Change(action, kind, objectId, site, before, after, detail);
    }

    /**
     * A configuration object created or replaced: {@code create} when there was none, else {@code update};
     * a campaign whose status changed says so in the detail ({@code "status": {"from": "live", "to":
     * "paused"}}), and when nothing but its status changed the action is {@code status}.
     */
    public static Change put(String kind, String id, String site, JsonNode before, JsonNode after) {
        if (before == null) return new Change("create", kind, id, site, null, after, null);
        ObjectNode detail = null;
        String action = "update";
        if (CAMPAIGNS.equals(kind)) {
            String from = status(before), to = status(after);
            if (!from.equals(to)) {
                detail = JsonNodeFactory.instance.objectNode();
                detail.putObject("status").put("from", from).put("to", to);
                if (withoutStatus(before).equals(withoutStatus(after))) action = "status";
            }
        }
        return new Change(action, kind, id, site, before, after, detail);
    }

    /** A campaign's status as the engine reads it: absent means {@code draft}. */
    private static String status(JsonNode campaign) {
        JsonNode s = campaign.get("status");
        return s == null || s.isNull() ? "draft" : s.asText();
    }

    private static JsonNode withoutStatus(JsonNode campaign) {
        if (!(campaign instanceof ObjectNode o)) return campaign;
        ObjectNode copy = o.deepCopy();
        copy.remove("status");
        return copy;
    }
}
