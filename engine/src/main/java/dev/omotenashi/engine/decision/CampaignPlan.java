package dev.omotenashi.engine.decision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.condition.Facts;
import dev.omotenashi.engine.condition.Split;
import dev.omotenashi.engine.condition.Predicate;
import dev.omotenashi.engine.experiment.Assignment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign compiled for the decision: predicates instead of conditions, renderers instead of content
 * strings, rules as plain values. Built once per configuration change (see the engine's compiled site);
 * immutable and thread-safe.
 *
 * @param live           status is {@code live}
 * @param schedule       whether an instant (epoch ms) is inside the schedule
 * @param controlPercent share of eligible visitors held out, 0–99
 * @param surveyTraits   for survey variants: form field name → the user trait it writes
 * @param weights        the variants' weights (derived)
 * @param slot           the page-view slot all variants take, or null when they differ (derived; see
 *                       {@link #slotOf})
 * @param allocator      chooses the variant of a visitor outside control who has none yet (null: by weight)
 * @param audienceSplit  the audience in the part a person's memo may keep and the rest (null: all of it
 *                       evaluated every time)
 * @param pagesReadTitle the page rule reads {@code page.title}: its result is not kept for the page's URL
 */
public record CampaignPlan(String id, boolean live, java.util.function.LongPredicate schedule, Predicate audience,
                           Predicate pages, Frequency frequency, Stop stop, int controlPercent, List<VariantPlan> variants,
                           ObjectNode trigger, GoalPlan goal, int priority, Map<String, String> surveyTraits,
                           List<Integer> weights, String slot, Allocator allocator, Split audienceSplit,
                           boolean pagesReadTitle) {

    /** A plan whose variants are split by weight; {@code weights} are derived from the variants. */
    public CampaignPlan(String id, boolean live, java.util.function.LongPredicate schedule, Predicate audience,
                        Predicate pages, Frequency frequency, Stop stop, int controlPercent, List<VariantPlan> variants,
                        ObjectNode trigger, GoalPlan goal, int priority, Map<String, String> surveyTraits) {
        this(id, live, schedule, audience, pages, frequency, stop, controlPercent, variants, trigger, goal, priority,
                surveyTraits, null, null, null, null, true);
    }

    /**
     * How a visitor outside control gets a variant the first time: by weight (a stable hash) unless the
     * campaign's allocation is a bandit. The choice is then pinned in the person's campaign history.
     */
    @FunctionalInterface
    public interface Allocator {
        Allocator WEIGHTS = (visitorKey, c) -> Assignment.variant(visitorKey, c.id(), c.weights());

        /** The index of the variant in {@link CampaignPlan#variants()}. */
        int variant(String visitorKey, CampaignPlan campaign);
    }

    /** The index of the variant a visitor without one gets now. */
    public int chooseVariant(String visitorKey) {
        return allocator.variant(visitorKey, this);
    }


    public CampaignPlan {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) throw new IllegalArgumentException("a campaign has at least one variant");
        weights = variants.stream().map(VariantPlan::weight).toList();
        slot = slotOf(variants);
        if (allocator == null) allocator = Allocator.WEIGHTS;
        if (audienceSplit == null) audienceSplit = Split.everyTime(audience);
        surveyTraits = Map.copyOf(surveyTraits);
    }

    /**
     * The slot every variant of this campaign takes on a page view — {@link #MODAL} for modal templates,
     * else the template's name — or null when the variants take different slots. A decision that has
     * already filled this slot can pass the campaign over without evaluating its audience.
     */
    private static String slotOf(List<VariantPlan> variants) {
        String slot = null;
        for (VariantPlan v : variants) {
            String s = v.modal() ? MODAL : v.template();
            if (slot == null) slot = s;
            else if (!slot.equals(s)) return null;
        }
        return slot;
    }

    /** The slot of modal templates: one modal action per page view, whichever its template. */
    public static final String MODAL = "(modal)";

    /** How often a campaign may be exposed to one person; {@code max} is ignored for {@code PAGEVIEW}. */
    public record Frequency(Per per, int max) {
        public enum Per { USER, SESSION, DAY, PAGEVIEW }

        public static final Frequency DEFAULT = new Frequency(Per.SESSION, 1);
    }

    /** Stop rules; a null count means "no such rule". {@code daily}: counts reset at midnight (site timezone). */
    public record Stop(Integer afterShows, Integer afterCloses, Integer afterClicks, boolean afterGoal, boolean daily) {
        public static final Stop NONE = new Stop(null, null, null, false, false);
    }

    /**
     * The goal: an event (possibly a derived one), a condition on its properties, the attribution
     * window after the first exposure (the exposure's session, or a duration), and the numeric property
     * whose value a conversion carries (null: none).
     */
    public record GoalPlan(String event, Predicate where, boolean sameSession, long windowMs, String valueProperty) {
        public GoalPlan(String event, Predicate where, boolean sameSession, long windowMs) {
            this(event, where, sameSession, windowMs, null);
        }
    }

    /**
     * One variant: its template and how to render its content for a visitor. The template's name is interned,
     * so that slots (a template's name, or {@link #MODAL}) compare by identity.
     */
    public record VariantPlan(String id, int weight, String template, boolean modal, Renderer renderer) {
        public VariantPlan {
            template = template.intern();
        }
    }

    /** Renders a variant's content for one visitor; empty when a placeholder cannot be evaluated. */
    @FunctionalInterface
    public interface Renderer {
        Optional<ObjectNode> render(Facts facts);
    }

}
