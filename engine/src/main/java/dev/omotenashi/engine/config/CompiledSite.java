package dev.omotenashi.engine.config;

import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CompiledCampaign;
import dev.omotenashi.engine.condition.ConditionCompiler;
import dev.omotenashi.engine.condition.DerivedEvent;
import dev.omotenashi.engine.condition.Predicate;
import dev.omotenashi.engine.eventdef.EventDefinition;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.segment.Segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A site's configuration compiled for the hot path: an immutable snapshot that the engine swaps atomically
 * when the configuration changes, so that no request ever sees half a change.
 *
 * <p>It holds every segment's and campaign's compiled conditions, the {@linkplain #derivedEvents() derived
 * events} to record as events arrive, and the {@linkplain #requiredAggregates() aggregates} the conditions
 * read, so that profiles keep exactly those. Aggregates that content placeholders read
 * ({@code event.cart.in_cart_price.latest}) are the renderer's to declare and are not included.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledSite {
    private static final Comparator<CompiledCampaign> BY_PRIORITY =
            Comparator.comparingInt((CompiledCampaign c) -> c.campaign().priority()).reversed().thenComparing(CompiledCampaign::id);

    private final ConfigSet config;
    private final SiteSettings settings;
    private final Map<String, Predicate> segments;
    private final List<CompiledCampaign> campaigns;
    private final Map<String, CompiledCampaign> campaignsById;
    private final Map<String, List<CompiledCampaign>> campaignsByGoal;
    private final List<DerivedEvent> derivedEvents;
    private final Map<String, List<DerivedEvent>> derivedBySource;
    private final Set<AggregateKey> requiredAggregates;

    private CompiledSite(ConfigSet config, SiteSettings settings) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        ConditionCompiler compiler = new ConditionCompiler(id -> {
            Segment s = config.segment(id);
            return s == null ? null : s.condition();
        });

        Map<String, Predicate> segs = new LinkedHashMap<>();
        for (String id : config.segments().keySet()) segs.put(id, compiler.segment(id));
        this.segments = Map.copyOf(segs);

        List<CompiledCampaign> compiled = new ArrayList<>();
        for (Campaign c : config.campaigns().values()) {
            Predicate goal = c.goal() == null ? Predicate.FALSE : compiler.compile(c.goal().where());
            Predicate audience = compiler.compile(c.audience());
            compiled.add(new CompiledCampaign(c, audience, compiler.compile(c.pages()), goal, compiler.split(c.audience())));
        }
        compiled.sort(BY_PRIORITY);
        this.campaigns = List.copyOf(compiled);
        Map<String, CompiledCampaign> byId = new HashMap<>();
        Map<String, List<CompiledCampaign>> byGoal = new HashMap<>();
        for (CompiledCampaign c : campaigns) {
            byId.put(c.id(), c);
            if (c.campaign().goal() != null) byGoal.computeIfAbsent(c.campaign().goal().event(), e -> new ArrayList<>()).add(c);
        }
        this.campaignsById = Map.copyOf(byId);
        this.campaignsByGoal = copyOfLists(byGoal);

        List<DerivedEvent> derived = new ArrayList<>();
        for (EventDefinition d : definitionsInDependencyOrder(config)) derived.add(compiler.derive(d.name(), d.from(), d.where()));
        // Synthetic events come last: their sources may be defined events, and nothing derives from them.
        compiler.derivedEvents().stream().sorted(Comparator.comparing(DerivedEvent::name)).forEach(derived::add);
        this.derivedEvents = List.copyOf(derived);
        Map<String, List<DerivedEvent>> bySource = new HashMap<>();
        for (DerivedEvent d : derivedEvents) bySource.computeIfAbsent(d.from(), e -> new ArrayList<>()).add(d);
        this.derivedBySource = copyOfLists(bySource);
        this.requiredAggregates = compiler.requiredAggregates();
    }

    /** Compiles a valid configuration (a {@link ConfigSet} is valid by construction) for a site. */
    public static CompiledSite compile(ConfigSet config, SiteSettings settings) {
        return new CompiledSite(config, settings);
    }

    public ConfigSet config() {
        return config;
    }

    public SiteSettings settings() {
        return settings;
    }

    /** Every segment's compiled condition, by id. */
    public Map<String, Predicate> segments() {
        return segments;
    }

    /** The compiled condition of a segment, or null when there is no such segment. */
    public Predicate segment(String id) {
        return segments.get(id);
    }

    /** Every campaign, whatever its status, highest priority first, ties by id. */
    public List<CompiledCampaign> campaigns() {
        return campaigns;
    }

    /** The compiled campaign with this id, or null. */
    public CompiledCampaign campaign(String id) {
        return campaignsById.get(id);
    }

    /** The campaigns whose goal is the event {@code event}, highest priority first; empty when none. */
    public List<CompiledCampaign> campaignsWithGoal(String event) {
        return campaignsByGoal.getOrDefault(event, List.of());
    }

    /**
     * Every event the engine derives, in an order in which each comes after the events it derives from:
     * the event definitions (a definition from another defined event after it), then the synthetic events of
     * {@code where} clauses. Applying them in this order to a tracked event and to what it derived, in one
     * pass, records everything.
     */
    public List<DerivedEvent> derivedEvents() {
        return derivedEvents;
    }

    /** The derived events whose source is {@code event}, in {@link #derivedEvents()} order; empty when none. */
    public List<DerivedEvent> derivedFrom(String event) {
        return derivedBySource.getOrDefault(event, List.of());
    }

    /** Every (event, property, scope, agg) a compiled condition reads; synthetic events under their names. */
    public Set<AggregateKey> requiredAggregates() {
        return requiredAggregates;
    }

    /** Definitions sorted so that one deriving from another defined event comes after it (no cycles: ConfigSet). */
    private static List<EventDefinition> definitionsInDependencyOrder(ConfigSet config) {
        List<EventDefinition> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (EventDefinition d : config.eventDefinitions().values()) place(d, config, placed, ordered);
        return ordered;
    }

    private static void place(EventDefinition d, ConfigSet config, Set<String> placed, List<EventDefinition> ordered) {
        if (!placed.add(d.name())) return;
        EventDefinition source = config.eventDefinition(d.from());
        if (source != null) place(source, config, placed, ordered);
        ordered.add(d);
    }

    private static <T> Map<String, List<T>> copyOfLists(Map<String, List<T>> map) {
        Map<String, List<T>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Map.copyOf(copy);
    }
}
