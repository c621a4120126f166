package dev.omotenashi.engine.render;

import dev.omotenashi.engine.condition.Attribute;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.Scope;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The variable paths a placeholder may read (config-language.md §2 attribute paths, §5 event aggregates), and
 * what each one means. Grammar, after the root:
 * <pre>
 * visitor.&lt;attr&gt;   session.&lt;attr&gt;   page.&lt;attr&gt;   page.query.&lt;name&gt;   user.&lt;trait&gt;
 * event.&lt;name&gt;[.&lt;scope&gt;].count
 * event.&lt;name&gt;[.&lt;scope&gt;][.&lt;property&gt;].&lt;agg&gt;
 * </pre>
 * A trait, query parameter or property name takes every remaining segment (dotted names pass through). A segment
 * after the event name that is a scope name is the scope when more segments follow; to reach a property that is
 * named like a scope, write the scope explicitly ({@code event.x.all.session.latest}).
 */
final class Paths {
    private Paths() {}

    private static final Map<String, Attribute> UNKEYED = Arrays.stream(Attribute.values())
            .filter(a -> !a.keyed())
            .collect(Collectors.toUnmodifiableMap(Attribute::path, a -> a));

    private static final String AGGS = Arrays.stream(Agg.values()).map(Agg::json).collect(Collectors.joining(", "));

    /**
     * What a variable path reads.
     *
     * @param path the path's segments as JEXL reports them ({@code [event, cart, in_cart_price, latest]})
     * @throws IllegalArgumentException with a message for the operator when the path names nothing
     */
    static Ref resolve(List<String> path) {
        String dotted = String.join(".", path);
        String root = path.getFirst();
        switch (root) {
            case "visitor", "session" -> {
                Attribute a = path.size() == 2 ? UNKEYED.get(dotted) : null;
                if (a == null) throw new IllegalArgumentException("unknown attribute '" + dotted + "'; known: " + known(root));
                return new Ref.Attr(a, null);
            }
            case "page" -> {
                if (path.size() >= 2 && path.get(1).equals("query")) {
                    if (path.size() == 2) {
                        throw new IllegalArgumentException("'page.query' needs a parameter name: page.query.<name>");
                    }
                    return new Ref.Attr(Attribute.PAGE_QUERY, tail(path, 2));
                }
                Attribute a = path.size() == 2 ? UNKEYED.get(dotted) : null;
                if (a == null) {
                    throw new IllegalArgumentException("unknown attribute '" + dotted + "'; known: " + known(root) + ", page.query.<name>");
                }
                return new Ref.Attr(a, null);
            }
            case "user" -> {
                if (path.size() == 1) throw new IllegalArgumentException("'user' needs a trait name: user.<trait>");
                return new Ref.Attr(Attribute.USER, tail(path, 1));
            }
            case "event" -> {
                return new Ref.Aggregate(aggregate(path, dotted));
            }
            default -> throw new IllegalArgumentException("unknown variable '" + dotted
                    + "'; variables start with visitor., session., page., user. or event.");
        }
    }

    private static AggregateKey aggregate(List<String> path, String dotted) {
        if (path.size() < 3) {
            throw new IllegalArgumentException("'" + dotted + "' is incomplete: write event.<name>.count or event.<name>.<property>.<agg>");
        }
        String event = path.get(1);
        int i = 2;
        Scope scope = Scope.ALL;
        Scope named = Scope.fromJson(path.get(i));
        // a scope only when something follows it, so that "event.cart.session" is reported as lacking an aggregate
        if (named != null && path.size() > i + 1) {
            scope = named;
            i++;
        }
        String last = path.getLast();
        Agg agg = Agg.fromJson(last);
        if (agg == null) {
            throw new IllegalArgumentException("'" + dotted + "' must end with an aggregate (" + AGGS + ")");
        }
        String property = path.size() - 1 > i ? String.join(".", path.subList(i, path.size() - 1)) : null;
        if (property == null && agg.needsProperty()) {
            throw new IllegalArgumentException("'" + dotted + "' needs a property: event." + event + ".<property>." + last);
        }
        return new AggregateKey(event, property, scope, agg);
    }

    private static String tail(List<String> path, int from) {
        return String.join(".", path.subList(from, path.size()));
    }

    private static String known(String root) {
        return UNKEYED.keySet().stream().filter(p -> p.startsWith(root + ".")).sorted().collect(Collectors.joining(", "));
    }
}
