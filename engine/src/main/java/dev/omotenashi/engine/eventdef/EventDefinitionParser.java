package dev.omotenashi.engine.eventdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.condition.ConditionParser;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Fields;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.config.Values;

import java.util.List;

/** Parses an event definition document: {@code {"name": "sale_view", "from": "view", "where": Condition}}. */
public final class EventDefinitionParser {
    private static final List<String> FIELDS = List.of("name", "from", "where");

    private EventDefinitionParser() {}

    /**
     * Whether a name is reserved for events the tag or the server write ({@code view}, {@code identify},
     * {@code _action_shown}, {@code _form_submitted} …): a definition must not pretend to be one of them.
     */
    public static boolean reserved(String name) {
        return name.equals("view") || name.equals("identify") || name.startsWith("_");
    }

    /** @throws ValidationException with every problem, paths relative to the document ({@code where.op}) */
    public static EventDefinition parse(JsonNode json) {
        Errors errors = new Errors();
        Fields f = Fields.of(json, "", errors, FIELDS);
        if (f == null) throw new ValidationException(errors.list());
        JsonNode nameNode = f.required("name");
        String name = nameNode == null ? null : Values.eventName(nameNode, f.path("name"), errors);
        if (name != null && reserved(name)) {
            errors.add(f.path("name"), Codes.INVALID_VALUE, "'" + name + "' is reserved: view, identify and names starting "
                    + "with '_' are written by the tag and the server");
        }
        JsonNode fromNode = f.required("from");
        String from = fromNode == null ? null : Values.eventName(fromNode, f.path("from"), errors);
        if (name != null && name.equals(from)) {
            errors.add(f.path("from"), Codes.INVALID_VALUE, "an event cannot be derived from itself");
        }
        JsonNode whereNode = f.required("where");
        Condition where = whereNode == null ? null
                : ConditionParser.parse(whereNode, f.path("where"), ConditionParser.Context.DEFINITION_WHERE, errors);
        errors.throwIfAny();
        return new EventDefinition(name, from, where);
    }
}
