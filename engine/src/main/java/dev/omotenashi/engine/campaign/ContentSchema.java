package dev.omotenashi.engine.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Fields;
import dev.omotenashi.engine.config.Values;
import dev.omotenashi.engine.render.Templates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content each built-in {@link Template} takes, and its validation (the schemas are documented for
 * operators in docs/templates.md; keep the two in step). Each template declares its fields; unknown fields
 * are rejected like anywhere else in the configuration, because a misspelt {@code "buton_text"} would
 * otherwise silently show nothing.
 *
 * <p>Links and images must start with a safe prefix ({@code /}, {@code https://} …) written literally, so
 * that no placeholder can turn one into {@code javascript:}. Every string of the content that holds
 * <code>&#123;&#123;</code> is checked by {@link Templates#syntaxError}.
 */
public final class ContentSchema {
    /** Longest text field. */
    public static final int MAX_TEXT = 10_000;
    /** Longest {@code html} of the html template. */
    public static final int MAX_HTML = 100_000;
    /** Longest link or image URL. */
    public static final int MAX_URL = 2_048;
    /** Most fields a survey may ask. */
    public static final int MAX_SURVEY_FIELDS = 20;

    private static final Pattern TEL = Pattern.compile("\\+?[0-9][0-9 ().-]{1,30}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final List<String> LINK_PREFIXES = List.of("/", "#", "?", "https://", "http://", "mailto:", "tel:");
    private static final List<String> IMAGE_PREFIXES = List.of("/", "https://", "http://");
    private static final List<String> SURVEY_TYPES = List.of("text", "textarea", "number", "email", "tel", "select", "radio", "checkbox");
    private static final List<String> SURVEY_FIELD_FIELDS = List.of("name", "label", "type", "trait", "options", "required");

    private enum Kind { TEXT, LINK, IMAGE, TEL, HTML, CHOICE, COUNT, SURVEY_FIELDS }

    /** One field of a template's content. {@code choices}/{@code dflt} for CHOICE, {@code min}/{@code max}/{@code dflt} for COUNT. */
    private record Spec(String name, Kind kind, boolean required, List<String> choices, int min, int max, String dflt) {
        static Spec text(String name) {
            return new Spec(name, Kind.TEXT, false, List.of(), 0, 0, null);
        }

        static Spec of(String name, Kind kind, boolean required) {
            return new Spec(name, kind, required, List.of(), 0, 0, null);
        }

        static Spec choice(String name, String dflt, String... choices) {
            return new Spec(name, Kind.CHOICE, false, List.of(choices), 0, 0, dflt);
        }

        static Spec count(String name, int min, int max, int dflt) {
            return new Spec(name, Kind.COUNT, false, List.of(), min, max, Integer.toString(dflt));
        }
    }

    /** A template's fields and the fields of which at least one must be present. */
    private record Schema(List<Spec> fields, List<String> atLeastOne) {
        List<String> names() {
            return fields.stream().map(Spec::name).toList();
        }
    }

    private static final Map<Template, Schema> SCHEMAS = new EnumMap<>(Template.class);

    static {
        Spec link = Spec.of("link", Kind.LINK, false);
        Spec image = Spec.of("image", Kind.IMAGE, false);
        SCHEMAS.put(Template.POPUP, new Schema(List.of(Spec.text("title"), Spec.text("text"), image, Spec.text("button_text"), link),
                List.of("title", "text")));
        SCHEMAS.put(Template.BANNER, new Schema(List.of(Spec.text("text"), image, Spec.text("alt"), link,
                Spec.choice("position", "top", "top", "bottom")), List.of("text", "image")));
        SCHEMAS.put(Template.SLIDE_IN, new Schema(List.of(Spec.text("title"), Spec.text("text"), image, Spec.text("button_text"), link,
                Spec.choice("position", "bottom_right", "bottom_right", "bottom_left")), List.of("title", "text")));
        SCHEMAS.put(Template.NOTICE_BAR, new Schema(List.of(Spec.of("text", Kind.TEXT, true), link,
                Spec.choice("position", "top", "top", "bottom")), List.of()));
        SCHEMAS.put(Template.COUPON, new Schema(List.of(Spec.of("code", Kind.TEXT, true), Spec.text("title"), Spec.text("text"),
                Spec.text("button_text"), link), List.of()));
        SCHEMAS.put(Template.SURVEY, new Schema(List.of(Spec.text("title"), Spec.text("text"), Spec.of("fields", Kind.SURVEY_FIELDS, true),
                Spec.text("submit_text"), Spec.text("thanks_text")), List.of()));
        SCHEMAS.put(Template.RECOMMENDATION, new Schema(List.of(Spec.text("title"), Spec.choice("source", "mixed", "recent", "popular", "mixed"),
                Spec.count("limit", 1, 20, 4)), List.of()));
        SCHEMAS.put(Template.CALL_BUTTON, new Schema(List.of(Spec.of("tel", Kind.TEL, true), Spec.text("text")), List.of()));
        SCHEMAS.put(Template.CHAT_INVITE, new Schema(List.of(Spec.of("text", Kind.TEXT, true), Spec.text("title"), Spec.text("button_text"),
                Spec.text("operator_name"), Spec.of("avatar", Kind.IMAGE, false)), List.of()));
        SCHEMAS.put(Template.HTML, new Schema(List.of(Spec.of("html", Kind.HTML, true)), List.of()));
    }

    private ContentSchema() {}

    /** The content fields a template accepts, in documentation order. */
    public static List<String> fields(Template template) {
        return SCHEMAS.get(template).names();
    }

    /**
     * Checks a template's content and fills in its defaults.
     *
     * @param path where the content is ({@code creative.content}, {@code variants[1].creative.content})
     * @return a normalised copy of the content, or null when it has problems (all reported)
     */
    public static ObjectNode check(Template template, JsonNode content, String path, Errors errors) {
        Schema schema = SCHEMAS.get(template);
        int before = errors.size();
        Fields f = Fields.of(content, path, errors, schema.names());
        if (f == null) return null;
        ObjectNode normalized = ((ObjectNode) content).deepCopy();
        for (Spec spec : schema.fields) field(f, spec, normalized, errors);
        if (!schema.atLeastOne.isEmpty() && schema.atLeastOne.stream().noneMatch(f::has)) {
            errors.add(path, Codes.REQUIRED, template.json() + " needs at least one of " + String.join(", ", schema.atLeastOne));
        }
        placeholders(content, path, errors);
        return errors.size() == before ? normalized : null;
    }

    private static void field(Fields f, Spec spec, ObjectNode normalized, Errors errors) {
        String path = f.path(spec.name);
        JsonNode node = spec.required ? f.required(spec.name) : f.get(spec.name);
        if (node == null) {
            if (spec.dflt != null) {
                if (spec.kind == Kind.COUNT) normalized.put(spec.name, Integer.parseInt(spec.dflt));
                else normalized.put(spec.name, spec.dflt);
            }
            return;
        }
        switch (spec.kind) {
            case TEXT -> text(node, path, errors, MAX_TEXT, spec.required);
            case HTML -> text(node, path, errors, MAX_HTML, true);
            case LINK -> url(node, path, errors, LINK_PREFIXES);
            case IMAGE -> url(node, path, errors, IMAGE_PREFIXES);
            case TEL -> {
                String s = Values.string(node, path, errors);
                if (s != null && !TEL.matcher(s).matches()) {
                    errors.add(path, Codes.INVALID_VALUE, "expected a phone number of digits, spaces, '-', '(', ')' and an optional "
                            + "leading '+', such as \"0120-123-456\"");
                }
            }
            case CHOICE -> {
                String s = Values.string(node, path, errors);
                if (s != null && !spec.choices.contains(s)) {
                    errors.add(path, Codes.INVALID_VALUE, "unknown " + spec.name + " '" + s + "'; expected one of " + String.join(", ", spec.choices));
                }
            }
            case COUNT -> Values.integer(node, path, errors, spec.min, spec.max);
            case SURVEY_FIELDS -> surveyFields(node, path, errors);
        }
    }

    private static void text(JsonNode node, String path, Errors errors, int max, boolean nonBlank) {
        String s = Values.string(node, path, errors);
        if (s == null) return;
        if (s.length() > max) errors.add(path, Codes.INVALID_VALUE, "at most " + max + " characters");
        else if (nonBlank && s.isBlank()) errors.add(path, Codes.INVALID_VALUE, "must not be blank");
    }

    private static void url(JsonNode node, String path, Errors errors, List<String> prefixes) {
        String s = Values.string(node, path, errors);
        if (s == null) return;
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.length() > MAX_URL) {
            errors.add(path, Codes.INVALID_VALUE, "at most " + MAX_URL + " characters");
        } else if (prefixes.stream().noneMatch(lower::startsWith)) {
            errors.add(path, Codes.INVALID_VALUE, "'" + s + "' must start with one of " + String.join(" ", prefixes)
                    + " (placeholders may follow, not lead)");
        }
    }

    /** A survey's {@code fields}: each names the trait it writes ({@code user.<trait>}), as §5 requires. */
    private static void surveyFields(JsonNode node, String path, Errors errors) {
        if (!node.isArray()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a list of fields, got " + Values.describe(node));
            return;
        }
        if (node.isEmpty() || node.size() > MAX_SURVEY_FIELDS) {
            errors.add(path, Codes.INVALID_VALUE, "a survey asks 1 to " + MAX_SURVEY_FIELDS + " fields");
            return;
        }
        Set<String> names = new HashSet<>();
        Set<String> traits = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Fields f = Fields.of(node.get(i), Errors.index(path, i), errors, SURVEY_FIELD_FIELDS);
            if (f == null) continue;
            String name = identifier(f, "name", errors);
            if (name != null && !names.add(name)) errors.add(f.path("name"), Codes.DUPLICATE, "field name '" + name + "' is used twice");
            String trait = identifier(f, "trait", errors);
            if (trait != null && !traits.add(trait)) errors.add(f.path("trait"), Codes.DUPLICATE, "trait '" + trait + "' is written twice");
            JsonNode label = f.required("label");
            if (label != null) text(label, f.path("label"), errors, MAX_TEXT, true);
            String type = f.choice("type", true, null, t -> SURVEY_TYPES.contains(t) ? t : null, String.join(", ", SURVEY_TYPES));
            f.bool("required", false);
            boolean choice = "select".equals(type) || "radio".equals(type);
            JsonNode options = f.get("options");
            if (type != null && choice && options == null) {
                errors.add(f.path("options"), Codes.REQUIRED, "a " + type + " field needs options");
            } else if (type != null && !choice && options != null) {
                errors.add(f.path("options"), Codes.INVALID_VALUE, "only select and radio fields take options");
            } else if (options != null) {
                options(options, f.path("options"), errors);
            }
        }
    }

    private static String identifier(Fields f, String field, Errors errors) {
        String s = f.string(field, true);
        if (s != null && !FIELD_NAME.matcher(s).matches()) {
            errors.add(f.path(field), Codes.INVALID_VALUE, "'" + s + "' is not a valid " + field
                    + ": 1 to 64 letters, digits or '_', starting with a letter");
            return null;
        }
        return s;
    }

    private static void options(JsonNode options, String path, Errors errors) {
        if (!options.isArray() || options.isEmpty()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a non-empty list of strings");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String s = Values.string(options.get(i), Errors.index(path, i), errors);
            if (s == null) continue;
            if (s.isBlank()) errors.add(Errors.index(path, i), Codes.INVALID_VALUE, "an option must not be blank");
            else if (!seen.add(s)) errors.add(Errors.index(path, i), Codes.DUPLICATE, "option '" + s + "' is listed twice");
        }
    }

    /** Every string anywhere in the content that holds a placeholder must parse. */
    private static void placeholders(JsonNode node, String path, Errors errors) {
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.contains("{{")) {
                String problem = Templates.syntaxError(s);
                if (problem != null) errors.add(path, Codes.INVALID_PLACEHOLDER, problem);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) placeholders(node.get(i), Errors.index(path, i), errors);
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) placeholders(node.get(name), Errors.field(path, name), errors);
        }
    }
}
