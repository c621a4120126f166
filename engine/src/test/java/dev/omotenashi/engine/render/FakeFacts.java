package dev.omotenashi.engine.render;

import dev.omotenashi.engine.condition.Attribute;
import dev.omotenashi.engine.condition.Facts;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts from two maps, with the engine's conventions (count of an unseen event is 0.0, anything else unknown is
 * null), remembering what was read so tests can check that rendering reads lazily.
 */
final class FakeFacts implements Facts {
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<AggregateKey, Object> aggregates = new HashMap<>();
    final List<String> reads = new ArrayList<>();

    /** An attribute by its full path: {@code session.utm_term}, {@code page.query.q}, {@code user.rank}. */
    FakeFacts with(String path, Object value) {
        attributes.put(path, value);
        return this;
    }

    FakeFacts with(String event, String property, Scope scope, Agg agg, Object value) {
        aggregates.put(new AggregateKey(event, property, scope, agg), value);
        return this;
    }

    /** Over all time, the usual case. */
    FakeFacts with(String event, String property, Agg agg, Object value) {
        return with(event, property, Scope.ALL, agg, value);
    }

    @Override
    public Object attribute(Attribute attribute, String key) {
        String path = key == null ? attribute.path() : attribute.path() + "." + key;
        reads.add(path);
        return attributes.get(path);
    }

    @Override
    public Object aggregate(String event, String property, Scope scope, Agg agg) {
        AggregateKey key = new AggregateKey(event, property, scope, agg);
        reads.add(key.toString());
        Object v = aggregates.get(key);
        return v == null && agg == Agg.COUNT ? (Object) 0.0 : v;
    }

    @Override
    public long actionCount(String campaign, Metric metric, Scope scope) {
        throw new AssertionError("templates do not read campaign history");
    }

    @Override
    public Long actionLatestAt(String campaign, Metric metric, Scope scope) {
        throw new AssertionError("templates do not read campaign history");
    }

    @Override
    public Object eventProperty(String dottedPath) {
        throw new AssertionError("templates do not read event properties");
    }

    @Override
    public long now() {
        return 0;
    }
}
