package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.condition.Condition.ActionPredicate;
import dev.omotenashi.engine.condition.Condition.AttributePredicate;
import dev.omotenashi.engine.condition.Condition.EventPredicate;
import dev.omotenashi.engine.condition.Condition.PropPredicate;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.Changes;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Scope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles {@link Condition} trees into {@link Predicate}s: the tree is switched over once here, and what
 * runs per visitor is a small graph of final classes holding pre-converted literals and precompiled
 * RE2/J patterns (see {@link Comparisons} for the semantics of missing operands, negatives and lists).
 *
 * <p>While compiling, the compiler collects what the compiled conditions will read, so the engine keeps
 * exactly that: {@link #requiredAggregates()} and {@link #derivedEvents()}. An event predicate with a
 * {@code where} reads the aggregates of a derived event named {@link #derivedName} instead of its own event.
 *
 * <p>One compiler compiles one configuration: segment references resolve through the function given at
 * construction and each segment is compiled once (memoized); the configuration must be free of reference
 * cycles and unknown segments ({@link dev.omotenashi.engine.config.ConfigSet} guarantees it). Not
 * thread-safe; the predicates it returns are immutable and thread-safe.
 */
public final class ConditionCompiler {
    /** Separates the source event from the hash in synthetic derived-event names; never valid in an event name. */
    public static final char DERIVED_SEPARATOR = '~';
    /**
     * Version of the canonical form hashed into derived names. Bump only with a migration of the profiles'
     * aggregates: a new name starts counting from zero.
     */
    private static final String NAME_VERSION = "v1:";

    private final Function<String, Condition> segments;
    private final Map<String, Predicate> compiledSegments = new HashMap<>();
    private final Map<String, Inputs> segmentInputs = new HashMap<>();
    private final Set<String> compiling = new HashSet<>();
    private final Map<String, DerivedEvent> derived = new LinkedHashMap<>();
    private final Set<AggregateKey> aggregates = new LinkedHashSet<>();

    /**
     * @param segments the condition of a segment by id; null for an unknown id (then compiling a reference
     *                 to it throws {@link IllegalStateException})
     */
    public ConditionCompiler(Function<String, Condition> segments) {
        this.segments = segments;
    }

    /** A compiler for conditions without segment references. */
    public static ConditionCompiler withoutSegments() {
        return new ConditionCompiler(id -> null);
    }

    /**
     * Compiles a condition; a null condition (an omitted audience or pages) is {@link Predicate#TRUE}.
     *
     * @throws IllegalStateException on a reference to an unknown segment or a reference cycle
     */
    public Predicate compile(Condition condition) {
        if (condition == null) return Predicate.TRUE;
        return switch (condition) {
            case Condition.All a -> all(a.conditions());
            case Condition.Any a -> any(a.conditions());
            case Condition.Not n -> not(compile(n.condition()));
            case Condition.SegmentRef s -> segment(s.id());
            case AttributePredicate p -> attribute(p);
            case EventPredicate p -> event(p);
            case ActionPredicate p -> action(p);
            case PropPredicate p -> {
                String prop = p.prop();
                yield Comparisons.of(f -> f.eventProperty(prop), p.op(), p.value(), p.ignoreCase());
            }
        };
    }

    /**
     * The compiled condition of a segment, compiled on first use.
     *
     * @throws IllegalStateException when the segment is unknown or references itself through others
     */
    public Predicate segment(String id) {
        Predicate p = compiledSegments.get(id);
        if (p != null) return p;
        Condition c = segments.apply(id);
        if (c == null) throw new IllegalStateException("unknown segment '" + id + "'");
        if (!compiling.add(id)) throw new IllegalStateException("segment reference cycle through '" + id + "'");
        try {
            p = compile(c);
        } finally {
            compiling.remove(id);
        }
        compiledSegments.put(id, p);
        return p;
    }

    /**
     * Compiles an event definition (config-language.md §4) into its derived event. Its aggregates are not
     * required by this alone; they are when a condition reads them.
     */
    public DerivedEvent derive(String name, String from, Condition where) {
        return new DerivedEvent(name, from, compile(where));
    }

    /** The derived events of the event predicates with a {@code where} compiled so far, in first-use order. */
    public List<DerivedEvent> derivedEvents() {
        return List.copyOf(derived.values());
    }

    /** Every aggregate the conditions compiled so far read, with derived events under their synthetic names. */
    public Set<AggregateKey> requiredAggregates() {
        return Set.copyOf(aggregates);
    }

    /**
     * The synthetic name of the event derived from {@code from} by {@code where}: {@code from + "~" + h}, where
     * {@code h} is the first 12 hex digits of SHA-256 over {@code "v1:"} and the canonical JSON of {@code where}
     * ({@link ConditionJson}). Equal conditions, however spelt, get the same name, so two campaigns asking
     * for "views of /campaign" share one aggregate; the name is stable across restarts and releases as long as
     * the canonical form is. 48 bits make a collision between the few where clauses of one site negligible.
     * {@code ~} is rejected in event names people write, so a synthetic name never meets a tracked event.
     */
    public static String derivedName(String from, Condition where) {
        String canonical = NAME_VERSION + ConditionJson.toJson(where);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return from + DERIVED_SEPARATOR + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * What a condition reads of a profile (see {@link Inputs}); a null condition reads nothing. Segment
     * references are followed (compile the condition first: that checks them).
     */
    public Inputs inputs(Condition condition) {
        if (condition == null) return Inputs.NOTHING;
        return switch (condition) {
            case Condition.All a -> union(a.conditions());
            case Condition.Any a -> union(a.conditions());
            case Condition.Not n -> inputs(n.condition());
            case Condition.SegmentRef s -> {
                Inputs known = segmentInputs.get(s.id());
                if (known == null) {
                    segment(s.id()); // throws on an unknown segment or a cycle
                    known = inputs(segments.apply(s.id()));
                    segmentInputs.put(s.id(), known);
                }
                yield known;
            }
            case AttributePredicate p -> p.op().temporal() ? Inputs.EVERY_TIME : switch (p.attribute()) {
                case VISITOR_VISITS, VISITOR_FIRST_SEEN, VISITOR_LAST_SEEN, SESSION_SOURCE, SESSION_UTM_SOURCE,
                     SESSION_UTM_MEDIUM, SESSION_UTM_CAMPAIGN, SESSION_UTM_TERM, SESSION_UTM_CONTENT,
                     SESSION_REFERRER_HOST, SESSION_LANDING_PATH, SESSION_DEVICE -> Inputs.of(Changes.SESSION);
                // page views counted since the session started
                case SESSION_PV -> Inputs.of(VIEW, Changes.SESSION);
                case VISITOR_IS_MEMBER, USER -> Inputs.of(Changes.IDENTITY);
                case SESSION_DURATION, PAGE_URL, PAGE_PATH, PAGE_HOST, PAGE_TITLE, PAGE_QUERY -> Inputs.EVERY_TIME;
            };
            case EventPredicate p -> p.op().temporal() ? Inputs.EVERY_TIME
                    : Inputs.of(p.where() == null ? p.event() : derivedName(p.event(), p.where()),
                            p.scope().isSessional() ? Changes.SESSION : 0);
            case ActionPredicate p -> p.op().temporal() ? Inputs.EVERY_TIME
                    : Inputs.of(p.campaign(), p.scope().isSessional() ? Changes.SESSION : 0);
            case PropPredicate p -> Inputs.EVERY_TIME;
        };
    }

    private static final String VIEW = "view";

    /** Whether a condition reads an attribute (a segment reference: perhaps, so yes). */
    public static boolean reads(Condition condition, Attribute attribute) {
        if (condition == null) return false;
        return switch (condition) {
            case Condition.All a -> a.conditions().stream().anyMatch(c -> reads(c, attribute));
            case Condition.Any a -> a.conditions().stream().anyMatch(c -> reads(c, attribute));
            case Condition.Not n -> reads(n.condition(), attribute);
            case Condition.SegmentRef s -> true;
            case AttributePredicate p -> p.attribute() == attribute;
            case EventPredicate p -> false;
            case ActionPredicate p -> false;
            case PropPredicate p -> false;
        };
    }

    /**
     * Compiles a condition in two parts for reuse (see {@link Split}): the members of a top-level {@code all}
     * that read only the profile are kept apart from those that read the clock or the page.
     */
    public Split split(Condition condition) {
        Inputs whole = inputs(condition);
        if (whole.reusable()) return new Split(compile(condition), whole, Predicate.TRUE);
        if (!(condition instanceof Condition.All all)) return Split.everyTime(compile(condition));
        List<Condition> kept = new ArrayList<>();
        List<Condition> rest = new ArrayList<>();
        for (Condition c : all.conditions()) (inputs(c).reusable() ? kept : rest).add(c);
        return new Split(all(kept), union(kept), all(rest));
    }

    private Inputs union(List<Condition> conditions) {
        Inputs all = Inputs.NOTHING;
        for (Condition c : conditions) all = all.and(inputs(c));
        return all;
    }

    // The readers capture plain locals rather than the record so that evaluation makes no accessor calls.

    private static Predicate attribute(AttributePredicate p) {
        Attribute attribute = p.attribute();
        String key = p.key();
        return Comparisons.of(f -> f.attribute(attribute, key), p.op(), p.value(), p.ignoreCase());
    }

    private Predicate event(EventPredicate p) {
        String name = p.event();
        if (p.where() != null) {
            name = derivedName(p.event(), p.where());
            if (!derived.containsKey(name)) derived.put(name, new DerivedEvent(name, p.event(), compile(p.where())));
        }
        String event = name;
        String property = p.property();
        Scope scope = p.scope();
        Agg agg = p.agg();
        aggregates.add(new AggregateKey(event, property, scope, agg));
        return Comparisons.of(f -> f.aggregate(event, property, scope, agg), p.op(), p.value(), p.ignoreCase());
    }

    private static Predicate action(ActionPredicate p) {
        if (p.agg() == Agg.COUNT) return Comparisons.actionCount(p.campaign(), p.metric(), p.scope(), p.op(), p.value());
        String campaign = p.campaign();
        Metric metric = p.metric();
        Scope scope = p.scope();
        return Comparisons.of(f -> f.actionLatestAt(campaign, metric, scope), p.op(), p.value(), false);
    }

    private Predicate all(List<Condition> conditions) {
        Predicate[] ps = compileAll(conditions);
        if (ps.length == 0) return Predicate.TRUE;
        if (ps.length == 1) return ps[0];
        return new AllOf(ps);
    }

    private Predicate any(List<Condition> conditions) {
        Predicate[] ps = compileAll(conditions);
        if (ps.length == 0) return Predicate.FALSE;
        if (ps.length == 1) return ps[0];
        return new AnyOf(ps);
    }

    private static Predicate not(Predicate p) {
        if (p == Predicate.TRUE) return Predicate.FALSE;
        if (p == Predicate.FALSE) return Predicate.TRUE;
        return new NotOf(p);
    }

    /**
     * Compiles the members of an {@code all} or {@code any}, cheapest first: both stop at the first member
     * that settles them, and predicates have no side effects, so the order changes the cost, never the
     * result. A visitor attribute is a field read; an aggregate searches the profile; a regular expression
     * runs a matcher; a segment is a whole condition.
     */
    private Predicate[] compileAll(List<Condition> conditions) {
        List<Condition> ordered = new ArrayList<>(conditions);
        ordered.sort(java.util.Comparator.comparingInt(this::cost)); // stable: equal costs keep their order
        List<Predicate> ps = new ArrayList<>(ordered.size());
        for (Condition c : ordered) ps.add(compile(c));
        return ps.toArray(Predicate[]::new);
    }

    /** A rough relative cost of evaluating a condition, for {@link #compileAll}. */
    private int cost(Condition condition) {
        return switch (condition) {
            case Condition.All a -> a.conditions().stream().mapToInt(this::cost).sum();
            case Condition.Any a -> a.conditions().stream().mapToInt(this::cost).sum();
            case Condition.Not n -> cost(n.condition());
            case Condition.SegmentRef s -> 8;
            case AttributePredicate p -> p.op() == Op.MATCHES ? 4 : 1;
            case PropPredicate p -> p.op() == Op.MATCHES ? 4 : 2;
            case ActionPredicate p -> 2;
            case EventPredicate p -> 3;
        };
    }

    private record AllOf(Predicate[] predicates) implements Predicate {
        @Override
        public boolean test(Facts facts) {
            for (Predicate p : predicates) if (!p.test(facts)) return false;
            return true;
        }
    }

    private record AnyOf(Predicate[] predicates) implements Predicate {
        @Override
        public boolean test(Facts facts) {
            for (Predicate p : predicates) if (p.test(facts)) return true;
            return false;
        }
    }

    private record NotOf(Predicate predicate) implements Predicate {
        @Override
        public boolean test(Facts facts) {
            return !predicate.test(facts);
        }
    }
}
