package dev.omotenashi.engine.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.condition.ConditionParser;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Fields;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.config.Values;

import java.util.List;

/**
 * Parses a segment document: {@code {"id": "cart-near-free-shipping", "name": "...", "condition": Condition}}.
 * References to other segments are checked against the site by {@link dev.omotenashi.engine.config.ConfigSet}.
 */
public final class SegmentParser {
    private static final List<String> FIELDS = List.of("id", "name", "condition");

    private SegmentParser() {}

    /** @throws ValidationException with every problem, paths relative to the document ({@code condition.all[0].op}) */
    public static Segment parse(JsonNode json) {
        Errors errors = new Errors();
        Fields f = Fields.of(json, "", errors, FIELDS);
        if (f == null) throw new ValidationException(errors.list());
        JsonNode idNode = f.required("id");
        String id = idNode == null ? null : Values.id(idNode, f.path("id"), errors);
        JsonNode nameNode = f.required("name");
        String name = nameNode == null ? null : Values.name(nameNode, f.path("name"), errors);
        JsonNode conditionNode = f.required("condition");
        Condition condition = conditionNode == null ? null
                : ConditionParser.parse(conditionNode, f.path("condition"), ConditionParser.Context.AUDIENCE, errors);
        errors.throwIfAny();
        return new Segment(id, name, condition);
    }
}
