package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;

import java.util.HashMap;
import java.util.Map;

/** Facts held in maps, for tests. Attributes are keyed by their JSON path ({@code user.member_rank}). */
public final class FakeFacts implements Facts {
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<AggregateKey, Object> aggregates = new HashMap<>();
    private final Map<String, Long> actionCounts = new HashMap<>();
    private final Map<String, Long> actionTimes = new HashMap<>();
    private final Map<String, Object> props = new HashMap<>();
    private long now;

    public static FakeFacts at(long now) {
        FakeFacts f = new FakeFacts();
        f.now = now;
        return f;
    }

    public FakeFacts attr(String path, Object value) {
        attributes.put(path, value);
        return this;
    }

    public FakeFacts agg(String event, String property, Scope scope, Agg agg, Object value) {
        aggregates.put(new AggregateKey(event, property, scope, agg), value);
        return this;
    }

    public FakeFacts action(String campaign, Metric metric, Scope scope, long count, Long latestAt) {
        actionCounts.put(campaign + metric + scope, count);
        if (latestAt != null) actionTimes.put(campaign + metric + scope, latestAt);
        return this;
    }

    public FakeFacts prop(String path, Object value) {
        props.put(path, value);
        return this;
    }

    @Override
    public Object attribute(Attribute attribute, String key) {
        return attributes.get(key == null ? attribute.path() : attribute.path() + "." + key);
    }

    @Override
    public Object aggregate(String event, String property, Scope scope, Agg agg) {
        Object v = aggregates.get(new AggregateKey(event, property, scope, agg));
        return v == null && agg == Agg.COUNT ? (Object) 0.0 : v;
    }

    @Override
    public long actionCount(String campaign, Metric metric, Scope scope) {
        return actionCounts.getOrDefault(campaign + metric + scope, 0L);
    }

    @Override
    public Long actionLatestAt(String campaign, Metric metric, Scope scope) {
        return actionTimes.get(campaign + metric + scope);
    }

    @Override
    public Object eventProperty(String dottedPath) {
        return props.get(dottedPath);
    }

    @Override
    public long now() {
        return now;
    }
}
