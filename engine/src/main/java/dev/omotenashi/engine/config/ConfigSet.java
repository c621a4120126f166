package dev.omotenashi.engine.config;

import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.eventdef.EventDefinition;
import dev.omotenashi.engine.segment.Segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The configuration of one site — segments, event definitions, campaigns — as an immutable value that is
 * valid as a whole: every segment and campaign reference names an existing object, and segments do not
 * reference each other in a loop, nor event definitions derive from each other in one.
 *
 * <p>Changes return a new set or throw {@link ValidationException} and change nothing. The errors of a
 * {@code with…} name paths inside the object being saved ({@code audience.all[1].segment}), as the admin API
 * reports them; the errors of {@link #of} are prefixed with the collection and index
 * ({@code segments[2].condition.segment}).
 *
 * <p>Maps are ordered by id. Immutable and thread-safe.
 */
public final class ConfigSet {
    public static final ConfigSet EMPTY = new ConfigSet(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    private final SortedMap<String, Segment> segments;
    private final SortedMap<String, EventDefinition> eventDefinitions;
    private final SortedMap<String, Campaign> campaigns;

    private ConfigSet(TreeMap<String, Segment> segments, TreeMap<String, EventDefinition> eventDefinitions,
                      TreeMap<String, Campaign> campaigns) {
        this.segments = Collections.unmodifiableSortedMap(segments);
        this.eventDefinitions = Collections.unmodifiableSortedMap(eventDefinitions);
        this.campaigns = Collections.unmodifiableSortedMap(campaigns);
    }

    /**
     * A whole configuration at once, such as a site loaded from storage or a scenario template of several
     * objects that reference each other.
     *
     * @throws ValidationException on duplicate ids, unknown references or cycles
     */
    public static ConfigSet of(Collection<Segment> segments, Collection<EventDefinition> definitions, Collection<Campaign> campaigns) {
        Errors errors = new Errors();
        TreeMap<String, Segment> s = new TreeMap<>();
        TreeMap<String, EventDefinition> d = new TreeMap<>();
        TreeMap<String, Campaign> c = new TreeMap<>();
        int i = 0;
        for (Segment x : segments) {
            if (s.putIfAbsent(x.id(), x) != null) errors.add("segments[" + i + "].id", Codes.DUPLICATE, "segment '" + x.id() + "' is given twice");
            i++;
        }
        i = 0;
        for (EventDefinition x : definitions) {
            if (d.putIfAbsent(x.name(), x) != null) errors.add("event_definitions[" + i + "].name", Codes.DUPLICATE, "event '" + x.name() + "' is defined twice");
            i++;
        }
        i = 0;
        for (Campaign x : campaigns) {
            if (c.putIfAbsent(x.id(), x) != null) errors.add("campaigns[" + i + "].id", Codes.DUPLICATE, "campaign '" + x.id() + "' is given twice");
            i++;
        }
        errors.throwIfAny();
        ConfigSet set = new ConfigSet(s, d, c);
        i = 0;
        for (Segment x : segments) set.checkSegment(x, "segments[" + i++ + "]", errors);
        i = 0;
        for (EventDefinition x : definitions) set.checkDefinition(x, "event_definitions[" + i++ + "]", errors);
        i = 0;
        for (Campaign x : campaigns) set.checkCampaign(x, "campaigns[" + i++ + "]", errors);
        errors.throwIfAny();
        return set;
    }

    public Map<String, Segment> segments() {
        return segments;
    }

    public Map<String, EventDefinition> eventDefinitions() {
        return eventDefinitions;
    }

    public Map<String, Campaign> campaigns() {
        return campaigns;
    }

    /** The segment with this id, or null. */
    public Segment segment(String id) {
        return segments.get(id);
    }

    /** The event definition of this event name, or null. */
    public EventDefinition eventDefinition(String name) {
        return eventDefinitions.get(name);
    }

    /** The campaign with this id, or null. */
    public Campaign campaign(String id) {
        return campaigns.get(id);
    }

    // ---- changes ------------------------------------------------------------------------------------------

    /**
     * Adds or replaces a segment.
     *
     * @throws ValidationException when it references an unknown segment or campaign, or closes a reference cycle
     */
    public ConfigSet withSegment(Segment segment) {
        TreeMap<String, Segment> s = new TreeMap<>(segments);
        s.put(segment.id(), segment);
        ConfigSet next = new ConfigSet(s, new TreeMap<>(eventDefinitions), new TreeMap<>(campaigns));
        Errors errors = new Errors();
        next.checkSegment(segment, "", errors);
        errors.throwIfAny();
        return next;
    }

    /**
     * Removes a segment; removing an unknown id returns this set.
     *
     * @throws ValidationException when a segment or campaign still references it, naming each of them
     */
    public ConfigSet withoutSegment(String id) {
        if (!segments.containsKey(id)) return this;
        Errors errors = new Errors();
        for (Segment s : segments.values()) {
            if (s.id().equals(id)) continue;
            references(s.condition(), "condition", (path, ref) -> {
                if (ref.equals(id)) referenced(errors, "segment", id, "segment", s.id(), path);
            }, (path, ref) -> { });
        }
        for (Campaign c : campaigns.values()) {
            references(c.audience(), "audience", (path, ref) -> {
                if (ref.equals(id)) referenced(errors, "segment", id, "campaign", c.id(), path);
            }, (path, ref) -> { });
        }
        errors.throwIfAny();
        TreeMap<String, Segment> s = new TreeMap<>(segments);
        s.remove(id);
        return new ConfigSet(s, new TreeMap<>(eventDefinitions), new TreeMap<>(campaigns));
    }

    /**
     * Adds or replaces an event definition.
     *
     * @throws ValidationException when definitions would derive from each other in a loop
     */
    public ConfigSet withEventDefinition(EventDefinition definition) {
        TreeMap<String, EventDefinition> d = new TreeMap<>(eventDefinitions);
        d.put(definition.name(), definition);
        ConfigSet next = new ConfigSet(new TreeMap<>(segments), d, new TreeMap<>(campaigns));
        Errors errors = new Errors();
        next.checkDefinition(definition, "", errors);
        errors.throwIfAny();
        return next;
    }

    /**
     * Removes an event definition; removing an unknown name returns this set. Conditions naming the event
     * stay valid (an event name may also be tracked directly); they stop seeing new occurrences.
     */
    public ConfigSet withoutEventDefinition(String name) {
        if (!eventDefinitions.containsKey(name)) return this;
        TreeMap<String, EventDefinition> d = new TreeMap<>(eventDefinitions);
        d.remove(name);
        return new ConfigSet(new TreeMap<>(segments), d, new TreeMap<>(campaigns));
    }

    /**
     * Adds or replaces a campaign.
     *
     * @throws ValidationException when its audience references an unknown segment or campaign
     */
    public ConfigSet withCampaign(Campaign campaign) {
        TreeMap<String, Campaign> c = new TreeMap<>(campaigns);
        c.put(campaign.id(), campaign);
        ConfigSet next = new ConfigSet(new TreeMap<>(segments), new TreeMap<>(eventDefinitions), c);
        Errors errors = new Errors();
        next.checkCampaign(campaign, "", errors);
        errors.throwIfAny();
        return next;
    }

    /**
     * Removes a campaign; removing an unknown id returns this set.
     *
     * @throws ValidationException when another campaign or a segment still references it in an action predicate
     */
    public ConfigSet withoutCampaign(String id) {
        if (!campaigns.containsKey(id)) return this;
        Errors errors = new Errors();
        for (Segment s : segments.values()) {
            references(s.condition(), "condition", (path, ref) -> { }, (path, ref) -> {
                if (ref.equals(id)) referenced(errors, "campaign", id, "segment", s.id(), path);
            });
        }
        for (Campaign c : campaigns.values()) {
            if (c.id().equals(id)) continue;
            references(c.audience(), "audience", (path, ref) -> { }, (path, ref) -> {
                if (ref.equals(id)) referenced(errors, "campaign", id, "campaign", c.id(), path);
            });
        }
        errors.throwIfAny();
        TreeMap<String, Campaign> c = new TreeMap<>(campaigns);
        c.remove(id);
        return new ConfigSet(new TreeMap<>(segments), new TreeMap<>(eventDefinitions), c);
    }

    // ---- checks -------------------------------------------------------------------------------------------

    private void checkSegment(Segment segment, String prefix, Errors errors) {
        references(segment.condition(), Errors.field(prefix, "condition"), (path, ref) -> {
            if (!segments.containsKey(ref)) {
                errors.add(path, Codes.UNKNOWN_REFERENCE, "unknown segment '" + ref + "'");
                return;
            }
            List<String> loop = pathBetween(ref, segment.id(), new HashSet<>());
            if (loop != null) {
                List<String> cycle = new ArrayList<>();
                cycle.add(segment.id());
                cycle.addAll(loop);
                errors.add(path, Codes.CYCLE, "segment reference cycle: " + String.join(" → ", cycle));
            }
        }, (path, ref) -> {
            if (!campaigns.containsKey(ref)) errors.add(path, Codes.UNKNOWN_REFERENCE, "unknown campaign '" + ref + "'");
        });
    }

    private void checkCampaign(Campaign campaign, String prefix, Errors errors) {
        // pages hold only page.* attributes and a goal's where only properties: only the audience can reference.
        references(campaign.audience(), Errors.field(prefix, "audience"), (path, ref) -> {
            if (!segments.containsKey(ref)) errors.add(path, Codes.UNKNOWN_REFERENCE, "unknown segment '" + ref + "'");
        }, (path, ref) -> {
            if (!ref.equals(campaign.id()) && !campaigns.containsKey(ref)) {
                errors.add(path, Codes.UNKNOWN_REFERENCE, "unknown campaign '" + ref + "'");
            }
        });
    }

    private void checkDefinition(EventDefinition definition, String prefix, Errors errors) {
        Set<String> chain = new LinkedHashSet<>();
        chain.add(definition.name());
        String from = definition.from();
        while (eventDefinitions.containsKey(from) && chain.add(from)) from = eventDefinitions.get(from).from();
        if (from.equals(definition.name())) {
            List<String> cycle = new ArrayList<>(chain);
            cycle.add(definition.name());
            errors.add(Errors.field(prefix, "from"), Codes.CYCLE, "event definitions derive from each other in a loop: "
                    + String.join(" ← ", cycle));
        }
    }

    /** The chain of segment ids from {@code from} to {@code target} along references, or null if none. */
    private List<String> pathBetween(String from, String target, Set<String> visited) {
        if (from.equals(target)) return List.of(from);
        if (!visited.add(from)) return null;
        Segment s = segments.get(from);
        if (s == null) return null;
        List<String> found = new ArrayList<>();
        references(s.condition(), "", (path, ref) -> {
            if (!found.isEmpty()) return;
            List<String> rest = pathBetween(ref, target, visited);
            if (rest != null) {
                found.add(from);
                found.addAll(rest);
            }
        }, (path, ref) -> { });
        return found.isEmpty() ? null : found;
    }

    /** Calls back for every segment and campaign reference in a condition, with the path of the id. */
    private static void references(Condition condition, String path, BiConsumer<String, String> segment,
                                   BiConsumer<String, String> campaign) {
        if (condition == null) return;
        Condition.walk(condition, path, (p, c) -> {
            if (c instanceof Condition.SegmentRef s) segment.accept(Errors.field(p, "segment"), s.id());
            if (c instanceof Condition.ActionPredicate a) campaign.accept(Errors.field(p, "action"), a.campaign());
        });
    }

    private static void referenced(Errors errors, String kind, String id, String byKind, String by, String path) {
        errors.add("", Codes.STILL_REFERENCED, kind + " '" + id + "' is still referenced by " + byKind + " '" + by + "' at "
                + path + "; change that first");
    }
}
