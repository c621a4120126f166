package dev.omotenashi.engine.decision;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.condition.Facts;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.experiment.Assignment;
import dev.omotenashi.engine.profile.DecisionMemo;
import dev.omotenashi.engine.profile.CampaignHistory;
import dev.omotenashi.engine.profile.Metric;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.Scope;
import dev.omotenashi.engine.profile.VisitorState;
import dev.omotenashi.engine.recommend.Item;
import dev.omotenashi.engine.recommend.Recommender;
import dev.omotenashi.engine.render.Html;
import dev.omotenashi.engine.session.PageInfo;
import dev.omotenashi.engine.condition.Predicate;
import dev.omotenashi.engine.condition.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The decision for one visitor on one page view, in the order of the contract: status → schedule →
 * audience → pages → frequency and stop rules → variant / control assignment → conflicts (one modal per
 * page view, one per non-modal template, priority, site spacing) → rendered actions.
 *
 * <p>Every campaign gets an {@link Outcome}: delivered, or the first reason it was not. A control-group
 * assignment is delivered as a control action (the tag arms the trigger and shows nothing); it takes its
 * slot like a shown action would, so the control group meets the same competition as the treatment and
 * the measured lift is not biased.
 *
 * <p>Frequency caps count exposures (what the tag reported shown, or control when its trigger fired),
 * not deliveries: an exit-intent popup that did not fire on one page is armed again on the next.
 *
 * <p>Thread-safe (stateless); the profile it reads must not be changed concurrently.
 */
public final class Decider {
    /** Recommendations show at most this many items unless the content says otherwise. */
    public static final int DEFAULT_ITEMS = 6;

    private final Recommender recommender;

    public Decider(Recommender recommender) {
        this.recommender = recommender;
    }

    /**
     * Decides, changing nothing: the caller records each delivery by applying its
     * {@code _action_delivered} event, the same path a rebuild from the journal takes.
     *
     * @param campaigns    in decision order: priority descending, then id
     * @param visitorKey   the key that assigns arms (stable for a person)
     * @param actionIds    mints the ids of delivered actions
     */
    public Decision decide(Lineup campaigns, Profile profile, VisitorState browser, Facts facts,
                           long now, int today, SiteSettings.Spacing spacing, String visitorKey,
                           Supplier<String> actionIds) {
        return decide(campaigns, profile, browser, facts, now, today, spacing, visitorKey, actionIds, true);
    }

    /**
     * Decides; with {@code explain} false (the hot path) only the actions are computed: no outcome is
     * recorded for campaigns that are not delivered, the cheap rules are checked before the audience, a
     * campaign whose slot is already filled is passed over before its audience is evaluated, and nothing is
     * evaluated at all while site spacing holds. The actions are the same either way.
     */
    public Decision decide(Lineup lineup, Profile profile, VisitorState browser, Facts facts,
                           long now, int today, SiteSettings.Spacing spacing, String visitorKey,
                           Supplier<String> actionIds, boolean explain) {
        return decide(lineup, profile, browser, facts, null, now, today, spacing, visitorKey, actionIds, explain);
    }

    /**
     * As above; {@code page}, when given, is the page the facts describe, and keeps the results of the
     * campaigns' page rules (which read the page only) for the next decision on the same page.
     */
    public Decision decide(Lineup lineup, Profile profile, VisitorState browser, Facts facts, PageInfo page,
                           long now, int today, SiteSettings.Spacing spacing, String visitorKey,
                           Supplier<String> actionIds, boolean explain) {
        boolean spaced = spacingAllows(profile, spacing, now);
        if (!spaced && !explain) return EMPTY;
        List<CampaignPlan> campaigns = lineup.plans();
        DecisionMemo memo = explain ? null : lineup.memo(profile, browser, today);
        CampaignHistory[] histories = explain ? lineup.histories(profile) : lineup.histories(profile, memo);
        byte[] pageRules = page == null || explain ? null : page.memo(lineup, campaigns.size());
        byte[] audiences = explain ? null : lineup.audienceResults(memo);
        byte[] rules = explain ? null : memo.rules();
        int view = profile.currentView();
        List<Outcome> outcomes = explain ? new ArrayList<>(campaigns.size()) : List.of();
        List<Action> actions = new ArrayList<>(2);
        List<String> slotsTaken = new ArrayList<>(4); // a handful at most: a list beats a hash set

        for (int i = 0, n = campaigns.size(); i < n; i++) {
            CampaignPlan c = campaigns.get(i);
            CampaignHistory history = histories == null ? null : histories[i];
            if (explain) {
                Reason reason = eligibility(c, history, browser, facts, now, today, view);
                if (reason != null) {
                    outcomes.add(Outcome.suppressed(c.id(), null, reason, detail(reason, c)));
                    continue;
                }
            } else if (c.slot() != null && taken(slotsTaken, c.slot())
                    || !eligibleFast(c, history, browser, facts, now, today, pageRules, audiences, rules, i, view)) {
                continue;
            }
            boolean control;
            int variantIndex;
            if (history != null && (history.assignedVariant() != null || history.assignedControl())) {
                control = history.assignedControl();
                variantIndex = indexOf(c, history.assignedVariant());
            } else {
                control = Assignment.inControl(visitorKey, c.id(), c.controlPercent());
                variantIndex = c.chooseVariant(visitorKey);
            }
            CampaignPlan.VariantPlan variant = c.variants().get(variantIndex);
            if (!spaced) {
                outcomes.add(Outcome.suppressed(c.id(), variant.id(), Reason.SPACING, "site spacing since the last delivery"));
                continue;
            }
            String slot = variant.modal() ? CampaignPlan.MODAL : variant.template();
            if (taken(slotsTaken, slot)) {
                if (explain) {
                    outcomes.add(Outcome.suppressed(c.id(), variant.id(), Reason.PRIORITY,
                            variant.modal() ? "another modal action has higher priority" : "another " + variant.template() + " has higher priority"));
                }
                continue;
            }
            ObjectNode content;
            if (control) {
                content = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            } else {
                Optional<ObjectNode> rendered = variant.renderer().render(facts);
                if (rendered.isPresent() && "recommendation".equals(variant.template())) {
                    rendered = withItems(rendered.get(), profile, now);
                }
                if (rendered.isEmpty()) {
                    if (explain) {
                        outcomes.add(Outcome.suppressed(c.id(), variant.id(), Reason.CONTENT,
                                "a placeholder has no value for this visitor (or nothing to recommend)"));
                    }
                    continue;
                }
                content = rendered.get();
            }
            slotsTaken.add(slot);
            actions.add(new Action(actionIds.get(), c.id(), variant.id(), control, variant.template(), content, c.trigger()));
            if (explain) outcomes.add(new Outcome(c.id(), true, control, variant.id(), null, null));
        }
        return new Decision(actions, outcomes);
    }

    private static final Decision EMPTY = new Decision(List.of(), List.of());

    /** Whether a slot is taken; slots are interned names (see {@link CampaignPlan.VariantPlan}). */
    private static boolean taken(List<String> slotsTaken, String slot) {
        for (int i = 0, n = slotsTaken.size(); i < n; i++) if (slotsTaken.get(i) == slot) return true;
        return false;
    }

    /** Whether every rule lets the campaign through, cheapest rules first (the audience is the dearest). */
    private static boolean eligibleFast(CampaignPlan c, CampaignHistory h, VisitorState b, Facts facts, long now, int today,
                                        byte[] pageRules, byte[] audiences, byte[] rules, int position, int view) {
        if (!c.live() || !c.schedule().test(now) || !pagesMatch(c, facts, pageRules, position)) return false;
        // what the memo knows settles it before the history is read (a cache miss per campaign)
        if (audiences != null && audiences[position] == DecisionMemo.NO_MATCH) return false;
        if (rules[position] == DecisionMemo.NO_MATCH) return false;
        if (h != null && h.deliveredOnView(view)) return false;
        if (!frequencyAllows(c, h, b, today) || stopped(c, h, today)) {
            rules[position] = DecisionMemo.NO_MATCH; // holds until a session starts or the day ends
            return false;
        }
        return inAudience(c, facts, audiences, position);
    }

    private static final byte UNKNOWN = 0, MATCH = 1, NO_MATCH = 2;

    /**
     * The campaign's audience: the part that reads only the profile from the person's memo when nothing it
     * reads changed since it was evaluated, then the rest.
     */
    private static boolean inAudience(CampaignPlan c, Facts facts, byte[] memo, int position) {
        if (memo == null) return c.audience().test(facts);
        Split split = c.audienceSplit();
        if (split.kept() != Predicate.TRUE) {
            byte known = memo[position];
            if (known == DecisionMemo.UNKNOWN) {
                known = split.kept().test(facts) ? DecisionMemo.MATCH : DecisionMemo.NO_MATCH;
                memo[position] = known;
            }
            if (known == DecisionMemo.NO_MATCH) return false;
        }
        return split.rest().test(facts);
    }

    /** The campaign's page rule, from the page's memo when it was evaluated on this page before. */
    private static boolean pagesMatch(CampaignPlan c, Facts facts, byte[] memo, int position) {
        if (c.pages() == Predicate.TRUE) return true;
        if (memo == null || c.pagesReadTitle()) return c.pages().test(facts);
        byte known = memo[position];
        if (known != UNKNOWN) return known == MATCH;
        boolean match = c.pages().test(facts);
        memo[position] = match ? MATCH : NO_MATCH;
        return match;
    }

    /** The first rule that keeps the campaign from this visitor on this page, or null when none does. */
    private static Reason eligibility(CampaignPlan c, CampaignHistory h, VisitorState b, Facts facts, long now, int today, int view) {
        if (!c.live()) return Reason.STATUS;
        if (!c.schedule().test(now)) return Reason.SCHEDULE;
        if (!c.audience().test(facts)) return Reason.AUDIENCE;
        if (!c.pages().test(facts)) return Reason.PAGE;
        if (h != null && h.deliveredOnView(view) || !frequencyAllows(c, h, b, today)) return Reason.FREQUENCY;
        if (stopped(c, h, today)) return Reason.STOP;
        return null;
    }

    /** Frequency caps count exposures: what was reported shown, or control when its trigger fired. */
    private static boolean frequencyAllows(CampaignPlan c, CampaignHistory h, VisitorState b, int today) {
        if (h == null) return true;
        CampaignPlan.Frequency f = c.frequency();
        Scope scope = switch (f.per()) {
            case PAGEVIEW -> null;
            case USER -> Scope.ALL;
            case SESSION -> Scope.SESSION;
            case DAY -> Scope.TODAY;
        };
        if (scope == null) return true;
        int serial = b == null ? -1 : b.serial();
        long exposures = h.count(Metric.SHOWN, scope, serial, today) + h.count(Metric.CONTROL, scope, serial, today);
        return exposures < f.max();
    }

    private static boolean stopped(CampaignPlan c, CampaignHistory h, int today) {
        if (h == null) return false;
        CampaignPlan.Stop s = c.stop();
        Scope scope = s.daily() ? Scope.TODAY : Scope.ALL;
        if (reached(h, Metric.SHOWN, scope, today, s.afterShows())) return true;
        if (reached(h, Metric.CLOSED, scope, today, s.afterCloses())) return true;
        if (reached(h, Metric.CLICKED, scope, today, s.afterClicks())) return true;
        return s.afterGoal() && h.count(Metric.GOAL, scope, -1, today) > 0;
    }

    private static boolean reached(CampaignHistory h, Metric m, Scope scope, int today, Integer limit) {
        return limit != null && h.count(m, scope, -1, today) >= limit;
    }

    private static boolean spacingAllows(Profile p, SiteSettings.Spacing spacing, long now) {
        if (p.lastDeliveryAt() == Long.MIN_VALUE) return true;
        if (spacing.minSeconds() > 0 && now - p.lastDeliveryAt() < spacing.minSeconds() * 1000) return false;
        return spacing.minPageviews() <= 0 || p.viewsSinceDelivery() >= spacing.minPageviews();
    }

    private static int indexOf(CampaignPlan c, String variant) {
        for (int i = 0; i < c.variants().size(); i++) if (c.variants().get(i).id().equals(variant)) return i;
        return 0; // the variant was removed since: fall back to the first
    }

    private static String detail(Reason reason, CampaignPlan c) {
        return switch (reason) {
            case STATUS -> "the campaign is not live";
            case SCHEDULE -> "outside the schedule";
            case AUDIENCE -> "the visitor is not in the audience";
            case PAGE -> "this page is not one of the campaign's pages";
            case FREQUENCY -> "frequency per " + c.frequency().per().name().toLowerCase() + " max " + c.frequency().max()
                    + " reached, or already delivered on this page view";
            case STOP -> "a stop rule holds";
            default -> null;
        };
    }

    /** Adds {@code items} to a recommendation's content; empty when there is nothing to recommend. */
    private Optional<ObjectNode> withItems(ObjectNode content, Profile profile, long now) {
        Recommender.Source source = switch (content.path("source").asText("mixed")) {
            case "recent" -> Recommender.Source.RECENT;
            case "popular" -> Recommender.Source.POPULAR;
            default -> Recommender.Source.MIXED;
        };
        int limit = content.path("limit").asInt(DEFAULT_ITEMS);
        List<Item> items = recommender.recommend(profile, now, source, Math.max(1, Math.min(limit, 20)));
        ArrayNode list = content.putArray("items");
        for (Item item : items) {
            String url = Html.safeUrl(item.url());
            if (url == null) continue;
            ObjectNode o = list.addObject();
            o.put("item_id", Html.escape(item.itemId()));
            o.put("name", Html.escape(item.name()));
            if (item.price() != null) o.put("price", item.price());
            o.put("url", Html.escape(url));
            String image = Html.safeUrl(item.image());
            if (image != null) o.put("image", Html.escape(image));
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(content);
    }
}
