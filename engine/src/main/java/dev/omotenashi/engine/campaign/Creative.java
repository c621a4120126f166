package dev.omotenashi.engine.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * What a variant shows: a built-in template and its content, whose strings may hold {@code {{ expression }}}
 * placeholders rendered per visitor. The content has been checked against the template's schema
 * ({@link ContentSchema}) and carries its defaults filled in ({@code "source": "mixed"} for a recommendation).
 *
 * <p>{@code content} is a private copy taken at construction; callers must treat it as read-only (Jackson
 * trees cannot be frozen, and copying it on every delivery would cost the hot path for nothing).
 */
public record Creative(Template template, ObjectNode content) {
    public Creative {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(content, "content");
        content = content.deepCopy();
    }

    public boolean modal() {
        return template.modal();
    }
}
