package dev.omotenashi.engine.render;

import dev.omotenashi.engine.condition.Facts;
import org.apache.commons.jexl3.JexlContext;

import java.util.Map;

/**
 * The variables of one rendering: each full path a template names, read from {@link Facts} only when the
 * expression asks for it (the right side of {@code a ?? b} is read only when {@code a} is missing). Prefixes
 * of paths ({@code event}, {@code event.cart}), which JEXL's ant-style resolution tries first, are not
 * variables. Not thread-safe, like the Facts it reads.
 */
final class Bindings implements JexlContext {
    private final Map<String, Ref> refs;
    private final Facts facts;

    Bindings(Map<String, Ref> refs, Facts facts) {
        this.refs = refs;
        this.facts = facts;
    }

    @Override
    public Object get(String name) {
        Ref ref = refs.get(name);
        return ref == null ? null : ref.read(facts);
    }

    @Override
    public boolean has(String name) {
        return refs.containsKey(name);
    }

    /** Never called: the engine has no assignment. */
    @Override
    public void set(String name, Object value) {
        throw new UnsupportedOperationException("templates cannot assign");
    }
}
