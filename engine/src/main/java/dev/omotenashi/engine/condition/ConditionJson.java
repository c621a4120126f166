package dev.omotenashi.engine.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * Writes a {@link Condition} back to its JSON form, canonically: fields in a fixed order, defaults written
 * out ({@code "scope": "all"}), numbers normalised ({@code 3.0} is written {@code 3}), times as UTC ISO-8601,
 * durations as ISO-8601. Parsing the output gives an equal condition.
 *
 * <p>The canonical form is what names derived events ({@link ConditionCompiler#derivedName}); profiles keep
 * aggregates under those names, so <b>changing this output orphans the data kept for existing conditions</b>.
 * Change it only together with a migration.
 */
public final class ConditionJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Integral doubles up to 2^53 are written as integers: they are exact there. */
    private static final double EXACT = 9007199254740992d;

    private ConditionJson() {}

    public static ObjectNode toJson(Condition condition) {
        ObjectNode o = JSON.objectNode();
        switch (condition) {
            case Condition.All a -> {
                ArrayNode list = o.putArray("all");
                a.conditions().forEach(c -> list.add(toJson(c)));
            }
            case Condition.Any a -> {
                ArrayNode list = o.putArray("any");
                a.conditions().forEach(c -> list.add(toJson(c)));
            }
            case Condition.Not n -> o.set("not", toJson(n.condition()));
            case Condition.SegmentRef s -> o.put("segment", s.id());
            case Condition.AttributePredicate p -> {
                o.put("attr", p.path());
                comparison(o, p.op(), p.value(), p.ignoreCase());
            }
            case Condition.EventPredicate p -> {
                o.put("event", p.event());
                o.put("scope", p.scope().json());
                o.put("agg", p.agg().json());
                if (p.property() != null) o.put("property", p.property());
                if (p.where() != null) o.set("where", toJson(p.where()));
                comparison(o, p.op(), p.value(), p.ignoreCase());
            }
            case Condition.ActionPredicate p -> {
                o.put("action", p.campaign());
                o.put("metric", p.metric().json());
                o.put("scope", p.scope().json());
                o.put("agg", p.agg().json());
                comparison(o, p.op(), p.value(), false);
            }
            case Condition.PropPredicate p -> {
                o.put("prop", p.prop());
                comparison(o, p.op(), p.value(), p.ignoreCase());
            }
        }
        return o;
    }

    private static void comparison(ObjectNode o, Op op, Literal value, boolean ignoreCase) {
        o.put("op", op.json());
        if (!(value instanceof Literal.None)) o.set("value", literal(value));
        if (ignoreCase) o.put("ignore_case", true);
    }

    /** The JSON form of a literal. */
    public static JsonNode literal(Literal value) {
        return switch (value) {
            case Literal.None n -> JSON.nullNode();
            case Literal.Num n -> {
                double d = n.value();
                yield d == Math.rint(d) && Math.abs(d) <= EXACT ? JSON.numberNode((long) d) : JSON.numberNode(d);
            }
            case Literal.Str s -> JSON.textNode(s.value());
            case Literal.Bool b -> JSON.booleanNode(b.value());
            case Literal.Time t -> JSON.textNode(Instant.ofEpochMilli(t.epochMillis()).toString());
            case Literal.Dur d -> JSON.textNode(d.value().toString());
            case Literal.Range r -> JSON.arrayNode().add(literal(r.low())).add(literal(r.high()));
            case Literal.Many m -> {
                ArrayNode a = JSON.arrayNode();
                m.values().forEach(v -> a.add(literal(v)));
                yield a;
            }
        };
    }
}
