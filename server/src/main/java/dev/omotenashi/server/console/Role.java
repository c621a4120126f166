package dev.omotenashi.server.console;

import dev.omotenashi.server.http.ApiException;

/** An operator's role; each includes the ones before it (docs/console.md). */
public enum Role {
    /** reads everything, changes nothing */
    VIEWER,
    /** also writes sites' configuration: segments, event definitions, campaigns */
    EDITOR,
    /** also sites, site tokens, operators, forgetting people */
    ADMIN;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** @throws ApiException 400 at {@code path} when the text is not a role */
    public static Role parse(String text, String path) {
        if (text != null) {
            for (Role r : values()) if (r.json().equals(text)) return r;
        }
        throw ApiException.badRequest(path, "expected one of admin, editor, viewer");
    }
}
