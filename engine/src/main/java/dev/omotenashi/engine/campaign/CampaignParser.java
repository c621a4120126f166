package dev.omotenashi.engine.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.condition.ConditionParser;
import dev.omotenashi.engine.config.Codes;
import dev.omotenashi.engine.config.Errors;
import dev.omotenashi.engine.config.Fields;
import dev.omotenashi.engine.config.ValidationException;
import dev.omotenashi.engine.config.Values;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses a campaign document (config-language.md §5) into a {@link Campaign}, reporting every problem with
 * its JSON path ({@code variants[1].weight}, {@code schedule.hours.from}, {@code audience.all[2].op}).
 *
 * <p>Defaults for omitted fields: {@code status} draft (nothing is delivered until an operator sets it
 * live), schedule always, audience everyone, pages every page, trigger {@code load}, control 0%, frequency
 * once per session, no stop rule, no goal, a goal's {@code window} {@code "session"}, priority 0,
 * {@code allocation} {@code "weights"} (the variants' weights; {@code "bandit"} for Thompson sampling).
 * Segment and campaign references are checked against the site by {@link dev.omotenashi.engine.config.ConfigSet}.
 */
public final class CampaignParser {
    /** Priorities range over ±{@value}: enough for any ordering, small enough to read. */
    public static final int MAX_PRIORITY = 1_000_000;
    /** Largest count a frequency or stop rule takes. */
    public static final int MAX_COUNT = 1_000_000;

    private static final List<String> FIELDS = List.of("id", "name", "status", "schedule", "audience", "pages", "trigger",
            "creative", "variants", "allocation", "control", "frequency", "stop", "goal", "priority");
    private static final List<String> SCHEDULE_FIELDS = List.of("start", "end", "days", "hours");
    private static final List<String> HOURS_FIELDS = List.of("from", "to");
    private static final List<String> CREATIVE_FIELDS = List.of("template", "content");
    private static final List<String> VARIANT_FIELDS = List.of("id", "weight", "creative");
    private static final List<String> CONTROL_FIELDS = List.of("percent");
    private static final List<String> FREQUENCY_FIELDS = List.of("per", "max");
    private static final List<String> STOP_FIELDS = List.of("after_shows", "after_closes", "after_clicks", "after_goal", "period");
    private static final List<String> GOAL_FIELDS = List.of("event", "where", "window", "value");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");

    private final Errors errors = new Errors();

    private CampaignParser() {}

    /** @throws ValidationException with every problem, paths relative to the document */
    public static Campaign parse(JsonNode json) {
        return new CampaignParser().campaign(json);
    }

    private Campaign campaign(JsonNode json) {
        Fields f = Fields.of(json, "", errors, FIELDS);
        if (f == null) throw new ValidationException(errors.list());
        JsonNode idNode = f.required("id");
        String id = idNode == null ? null : Values.id(idNode, f.path("id"), errors);
        JsonNode nameNode = f.required("name");
        String name = nameNode == null ? null : Values.name(nameNode, f.path("name"), errors);
        Campaign.Status status = f.choice("status", false, Campaign.Status.DRAFT, Campaign.Status::fromJson, "draft, live, paused, ended");
        Schedule schedule = f.has("schedule") ? schedule(f.get("schedule"), f.path("schedule")) : Schedule.ALWAYS;
        Condition audience = f.has("audience")
                ? ConditionParser.parse(f.get("audience"), f.path("audience"), ConditionParser.Context.AUDIENCE, errors) : null;
        Condition pages = f.has("pages")
                ? ConditionParser.parse(f.get("pages"), f.path("pages"), ConditionParser.Context.PAGES, errors) : null;
        Trigger trigger = f.has("trigger") ? trigger(f.get("trigger"), f.path("trigger")) : Trigger.LOAD;
        List<Variant> variants = variants(f);
        Campaign.Allocation allocation = f.choice("allocation", false, Campaign.Allocation.WEIGHTS,
                Campaign.Allocation::fromJson, "weights, bandit");
        if (allocation == Campaign.Allocation.BANDIT && f.has("variants") && f.get("variants").isArray() && f.get("variants").size() < 2) {
            errors.add(f.path("allocation"), Codes.INVALID_VALUE, "a bandit needs at least two variants to choose between");
        }
        Control control = f.has("control") ? control(f.get("control"), f.path("control")) : Control.NONE;
        Frequency frequency = f.has("frequency") ? frequency(f.get("frequency"), f.path("frequency")) : Frequency.DEFAULT;
        Goal goal = f.has("goal") ? goal(f.get("goal"), f.path("goal")) : null;
        Stop stop = f.has("stop") ? stop(f.get("stop"), f.path("stop")) : Stop.NONE;
        if (stop != null && stop.afterGoal() && !f.has("goal")) {
            errors.add(Errors.field(f.path("stop"), "after_goal"), Codes.INVALID_VALUE, "after_goal needs the campaign to have a goal");
        }
        Integer priority = f.integer("priority", false, -MAX_PRIORITY, MAX_PRIORITY);
        if (allocation == Campaign.Allocation.BANDIT && !f.has("variants")) {
            errors.add(f.path("allocation"), Codes.INVALID_VALUE, "a bandit chooses between variants: give at least two variants");
        }
        if (allocation == Campaign.Allocation.BANDIT && !f.has("goal")) {
            errors.add(f.path("allocation"), Codes.INVALID_VALUE, "a bandit learns from the goal: give the campaign a goal");
        }
        errors.throwIfAny();
        return new Campaign(id, name, status, schedule, audience, pages, trigger, variants, control, frequency, stop, goal,
                priority == null ? 0 : priority, allocation);
    }

    // ---- schedule -----------------------------------------------------------------------------------------

    private Schedule schedule(JsonNode node, String path) {
        Fields f = Fields.of(node, path, errors, SCHEDULE_FIELDS);
        if (f == null) return null;
        int before = errors.size();
        Long start = f.has("start") ? Values.time(f.get("start"), f.path("start"), errors) : null;
        Long end = f.has("end") ? Values.time(f.get("end"), f.path("end"), errors) : null;
        if (start != null && end != null && start >= end) {
            errors.add(f.path("end"), Codes.INVALID_VALUE, "end must be after start");
        }
        Set<DayOfWeek> days = f.has("days") ? days(f.get("days"), f.path("days")) : EnumSet.allOf(DayOfWeek.class);
        Schedule.Hours hours = f.has("hours") ? hours(f.get("hours"), f.path("hours")) : Schedule.Hours.ALL_DAY;
        if (errors.size() != before) return null;
        return new Schedule(start == null ? null : Instant.ofEpochMilli(start), end == null ? null : Instant.ofEpochMilli(end), days, hours);
    }

    private Set<DayOfWeek> days(JsonNode node, String path) {
        if (!node.isArray()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a list of days (mon … sun), got " + Values.describe(node));
            return null;
        }
        if (node.isEmpty()) {
            errors.add(path, Codes.INVALID_VALUE, "at least one day; omit days for every day");
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            String p = Errors.index(path, i);
            String s = Values.string(node.get(i), p, errors);
            int d = s == null ? -1 : DAYS.indexOf(s);
            if (s != null && d < 0) errors.add(p, Codes.INVALID_VALUE, "unknown day '" + s + "'; expected one of " + String.join(", ", DAYS));
            if (d >= 0 && !days.add(DayOfWeek.of(d + 1))) errors.add(p, Codes.DUPLICATE, "'" + s + "' is listed twice");
            ok &= d >= 0;
        }
        return ok ? days : null;
    }

    private Schedule.Hours hours(JsonNode node, String path) {
        Fields f = Fields.of(node, path, errors, HOURS_FIELDS);
        if (f == null) return null;
        Integer from = f.has("from") ? minutes(f.get("from"), f.path("from"), false) : Integer.valueOf(0);
        Integer to = f.has("to") ? minutes(f.get("to"), f.path("to"), true) : Integer.valueOf(1440);
        if (from == null || to == null) return null;
        if (from.equals(to)) {
            errors.add(f.path("to"), Codes.INVALID_VALUE, "from and to must differ; for the whole day write 00:00 to 24:00");
            return null;
        }
        // "to": "00:00" after a later "from" means until midnight, the same as "24:00".
        return new Schedule.Hours(from, to == 0 ? 1440 : to);
    }

    /** {@code "HH:MM"} as minutes since midnight; {@code "24:00"} only as an end. */
    private Integer minutes(JsonNode node, String path, boolean end) {
        String s = Values.string(node, path, errors);
        if (s == null) return null;
        Matcher m = HH_MM.matcher(s);
        int minutes = m.matches() ? Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)) : -1;
        if (minutes < 0 || minutes > 1440 || minutes == 1440 && !end) {
            errors.add(path, Codes.INVALID_VALUE, "'" + s + "' is not a time of day \"HH:MM\" from 00:00 to "
                    + (end ? "24:00" : "23:59"));
            return null;
        }
        return minutes;
    }

    // ---- trigger ------------------------------------------------------------------------------------------

    private Trigger trigger(JsonNode node, String path) {
        Trigger.Kind kind = null;
        if (node.isObject()) {
            JsonNode on = node.get("on");
            String onPath = Errors.field(path, "on");
            if (on == null || on.isNull()) {
                errors.add(onPath, Codes.REQUIRED, "'on' is required");
            } else if (Values.string(on, onPath, errors) != null) {
                kind = Trigger.Kind.fromJson(on.textValue());
                if (kind == null) {
                    errors.add(onPath, Codes.INVALID_VALUE, "unknown trigger '" + on.textValue() + "'; expected one of "
                            + Arrays.stream(Trigger.Kind.values()).map(Trigger.Kind::json).collect(Collectors.joining(", ")));
                }
            }
        }
        List<String> allowed = kind == null ? List.of("on", "seconds", "percent", "selector", "event") : switch (kind) {
            case LOAD, EXIT_INTENT -> List.of("on");
            case DELAY, IDLE, SESSION_TIME -> List.of("on", "seconds");
            case SCROLL -> List.of("on", "percent");
            case CLICK -> List.of("on", "selector");
            case EVENT -> List.of("on", "event");
        };
        Fields f = Fields.of(node, path, errors, allowed);
        if (f == null || kind == null) return null;
        return switch (kind) {
            case LOAD -> Trigger.LOAD;
            case EXIT_INTENT -> Trigger.EXIT_INTENT;
            case DELAY -> {
                Integer s = f.integer("seconds", true, 1, Trigger.MAX_SECONDS);
                yield s == null ? null : new Trigger.Delay(s);
            }
            case IDLE -> {
                Integer s = f.integer("seconds", true, 1, Trigger.MAX_SECONDS);
                yield s == null ? null : new Trigger.Idle(s);
            }
            case SESSION_TIME -> {
                Integer s = f.integer("seconds", true, 1, Trigger.MAX_SECONDS);
                yield s == null ? null : new Trigger.SessionTime(s);
            }
            case SCROLL -> {
                Integer p = f.integer("percent", true, 1, 100);
                yield p == null ? null : new Trigger.Scroll(p);
            }
            case CLICK -> {
                String s = f.string("selector", true);
                if (s != null && (s.isBlank() || s.length() > Trigger.MAX_SELECTOR)) {
                    errors.add(f.path("selector"), Codes.INVALID_VALUE, "expected a CSS selector of 1 to " + Trigger.MAX_SELECTOR + " characters");
                    yield null;
                }
                yield s == null ? null : new Trigger.Click(s);
            }
            case EVENT -> {
                JsonNode e = f.required("event");
                String name = e == null ? null : Values.eventName(e, f.path("event"), errors);
                yield name == null ? null : new Trigger.OnEvent(name);
            }
        };
    }

    // ---- creative and variants ----------------------------------------------------------------------------

    private List<Variant> variants(Fields f) {
        boolean hasCreative = f.has("creative");
        boolean hasVariants = f.has("variants");
        if (hasCreative && hasVariants) {
            errors.add(f.path("variants"), Codes.INVALID_VALUE, "give either creative (one variant) or variants (an A/B test), not both");
            return null;
        }
        if (!hasVariants) {
            Creative c = hasCreative ? creative(f.get("creative"), f.path("creative")) : null;
            if (!hasCreative) errors.add(f.path("creative"), Codes.REQUIRED, "'creative' is required (or 'variants' for an A/B test)");
            return c == null ? null : List.of(Variant.of(c));
        }
        JsonNode list = f.get("variants");
        String path = f.path("variants");
        if (!list.isArray()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a list of variants, got " + Values.describe(list));
            return null;
        }
        if (list.isEmpty()) {
            errors.add(path, Codes.INVALID_VALUE, "at least one variant; or omit variants and give creative");
            return null;
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Fields v = Fields.of(list.get(i), Errors.index(path, i), errors, VARIANT_FIELDS);
            if (v == null) continue;
            JsonNode idNode = v.required("id");
            String id = idNode == null ? null : Values.id(idNode, v.path("id"), errors);
            if (id != null && !ids.add(id)) errors.add(v.path("id"), Codes.DUPLICATE, "variant id '" + id + "' is used twice");
            Integer weight = v.has("weight") ? v.integer("weight", false, 1, Variant.MAX_WEIGHT) : Integer.valueOf(1);
            JsonNode creativeNode = v.required("creative");
            Creative creative = creativeNode == null ? null : creative(creativeNode, v.path("creative"));
            if (id != null && weight != null && creative != null) variants.add(new Variant(id, weight, creative));
        }
        return variants.size() == list.size() && ids.size() == list.size() ? variants : null;
    }

    private Creative creative(JsonNode node, String path) {
        Fields f = Fields.of(node, path, errors, CREATIVE_FIELDS);
        if (f == null) return null;
        Template template = f.choice("template", true, null, Template::fromJson, Template.names());
        JsonNode content = f.required("content");
        if (template == null || content == null) return null;
        ObjectNode normalized = ContentSchema.check(template, content, f.path("content"), errors);
        return normalized == null ? null : new Creative(template, normalized);
    }

    // ---- publication rules and goal -----------------------------------------------------------------------

    private Control control(JsonNode node, String path) {
        Fields f = Fields.of(node, path, errors, CONTROL_FIELDS);
        if (f == null) return null;
        Integer percent = f.integer("percent", true, 0, 99);
        return percent == null ? null : new Control(percent);
    }

    private Frequency frequency(JsonNode node, String path) {
        Fields f = Fields.of(node, path, errors, FREQUENCY_FIELDS);
        if (f == null) return null;
        Frequency.Per per = f.choice("per", true, null, Frequency.Per::fromJson, "user, session, day, pageview");
        if (per == Frequency.Per.PAGEVIEW) {
            if (f.has("max")) errors.add(f.path("max"), Codes.INVALID_VALUE, "per pageview means every page view: it takes no max");
            return Frequency.EVERY_PAGEVIEW;
        }
        Integer max = f.has("max") ? f.integer("max", false, 1, MAX_COUNT) : Integer.valueOf(1);
        return per == null || max == null ? null : new Frequency(per, max);
    }

    private Stop stop(JsonNode node, String path) {
        Fields f = Fields.of(node, path, errors, STOP_FIELDS);
        if (f == null) return null;
        int before = errors.size();
        Integer shows = f.integer("after_shows", false, 1, MAX_COUNT);
        Integer closes = f.integer("after_closes", false, 1, MAX_COUNT);
        Integer clicks = f.integer("after_clicks", false, 1, MAX_COUNT);
        Boolean goal = f.bool("after_goal", false);
        Stop.Period period = f.choice("period", false, Stop.Period.ALL, Stop.Period::fromJson, "all, day");
        if (errors.size() != before) return null;
        return new Stop(shows, closes, clicks, goal, period);
    }

    private Goal goal(JsonNode node, String path) {
        Fields f = Fields.of(node, path, errors, GOAL_FIELDS);
        if (f == null) return null;
        int before = errors.size();
        JsonNode eventNode = f.required("event");
        String event = eventNode == null ? null : Values.eventName(eventNode, f.path("event"), errors);
        Condition where = f.has("where")
                ? ConditionParser.parse(f.get("where"), f.path("where"), ConditionParser.Context.EVENT_WHERE, errors) : null;
        Goal.Window window = Goal.Window.SESSION;
        JsonNode w = f.get("window");
        if (w != null && !(w.isTextual() && w.textValue().equals("session"))) {
            Duration d = Values.duration(w, f.path("window"), errors);
            if (d != null && d.isZero()) errors.add(f.path("window"), Codes.INVALID_VALUE, "the window must be longer than zero");
            else if (d != null) window = new Goal.Window.Within(d);
        }
        String value = null;
        JsonNode v = f.get("value");
        if (v != null && !v.isNull()) {
            if (!v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > Values.MAX_EVENT_NAME) {
                errors.add(f.path("value"), Codes.INVALID_TYPE, "expected the name of a numeric property of the goal event, e.g. \"total\"");
            } else {
                value = v.textValue();
            }
        }
        return errors.size() == before ? new Goal(event, where, window, value) : null;
    }
}
