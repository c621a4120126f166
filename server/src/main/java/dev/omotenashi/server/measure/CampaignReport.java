package dev.omotenashi.server.measure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.Goal;
import dev.omotenashi.engine.campaign.Variant;
import dev.omotenashi.engine.experiment.ArmStats;
import dev.omotenashi.engine.experiment.Comparison;
import dev.omotenashi.engine.experiment.DecisionRules;
import dev.omotenashi.engine.experiment.Estimate;
import dev.omotenashi.engine.experiment.FixedHorizonAnalysis;
import dev.omotenashi.engine.experiment.Horizon;
import dev.omotenashi.engine.experiment.SequentialAnalysis;
import dev.omotenashi.engine.experiment.ThompsonSampler;
import dev.omotenashi.engine.experiment.Verdict;
import dev.omotenashi.server.measure.SiteMeasures.ArmTotals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's report over days {@code from}..{@code to} (admin-api.md, the report resource), built from the
 * site's counters only: per arm the counts and rates; each variant against control with the absolute and
 * relative lift, their 95% intervals, a p-value and a verdict by the engine's {@link DecisionRules}; and the
 * daily series. Cost: a sum over the range's days per arm, independent of how many events made them.
 *
 * <p>Arms are the visitors first exposed in the range (their cohort); goal visitors and value are those of
 * these visitors who converted inside the goal window, whenever that was. The sequential method takes one
 * look per day of the range, in order, with the running state of {@link SequentialAnalysis#compare(ArmStats,
 * ArmStats, Comparison)}, so its always-valid guarantee holds however often the report is read. With several
 * variants, alpha is split between them (Bonferroni, {@link DecisionRules#bonferroni}).
 */
public final class CampaignReport {
    /** Monte Carlo draws for a bandit's probability that each variant is best. */
    /** The first day of the range by which both arms had {@code horizon} exposed visitors, or null. */
    private static Integer horizonDay(SiteMeasures m, String id, String variant, int first, int last, long horizon) {
        long control = 0, treatment = 0;
        for (int d = first; d <= last; d++) {
            control += m.totals(id, SiteMeasures.CONTROL_ARM, d, d).exposed();
            treatment += m.totals(id, variant, d, d).exposed();
            if (control >= horizon && treatment >= horizon) return d;
        }
        return null;
    }

    /** How strongly a verdict speaks for a variant: win, likely win, still collecting, no difference, lose. */
    private static int rank(Verdict v) {
        return switch (v) {
            case WIN -> 4;
            case LIKELY_WIN -> 3;
            case COLLECTING -> 2;
            case NO_DIFFERENCE -> 1;
            case LOSE -> 0;
        };
    }

    private static final int DRAWS = 10_000;

    private CampaignReport() {}

    /**
     * @param horizon exposed visitors per arm planned for the fixed-horizon test; null when none was planned
     *                (then the fixed method never goes beyond {@code likely_win})
     */
    public static ObjectNode build(Campaign campaign, SiteMeasures m, LocalDate from, LocalDate to,
                                   Comparison.Method method, Long horizon) {
        int first = (int) from.toEpochDay(), last = (int) to.toEpochDay();
        String id = campaign.id();
        List<String> arms = arms(campaign, m);
        boolean hasControl = arms.contains(SiteMeasures.CONTROL_ARM);
        List<String> variants = arms.stream().filter(a -> !a.equals(SiteMeasures.CONTROL_ARM)).toList();

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("campaign", id);
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("timezone", m.zone().getId());
        out.put("method", method.json());
        out.put("allocation", campaign.allocation().json());
        goal(out, campaign.goal());
        if (horizon == null) out.putNull("horizon");
        else out.put("horizon", horizon);

        Map<String, ArmTotals> totals = new LinkedHashMap<>();
        for (String arm : arms) totals.put(arm, m.totals(id, arm, first, last));
        ArrayNode armsJson = out.putArray("arms");
        for (Map.Entry<String, ArmTotals> e : totals.entrySet()) arm(armsJson.addObject(), e.getKey(), e.getValue(), true);

        DecisionRules rules = DecisionRules.standard();
        if (variants.size() > 1) rules = rules.bonferroni(variants.size());
        out.put("confidence", 1 - rules.alpha());
        ArrayNode comparisons = out.putArray("comparisons");
        Verdict overall = Verdict.COLLECTING;
        String best = null;
        double bestRate = -1;
        int bestRank = -1;
        if (hasControl) {
            ArmStats control = stats(SiteMeasures.CONTROL_ARM, totals.get(SiteMeasures.CONTROL_ARM));
            for (String v : variants) {
                ArmStats treatment = stats(v, totals.get(v));
                Comparison c;
                Integer decidedOn = null;
                if (method == Comparison.Method.SEQUENTIAL) {
                    c = sequential(m, id, v, first, last, rules);
                } else if (horizon == null) {
                    c = FixedHorizonAnalysis.of(rules, Horizon.perArm(Long.MAX_VALUE)).compare(control, treatment);
                } else {
                    // One test, on the data of the day both arms reached the horizon: testing again as later
                    // days come in would be the peeking the fixed horizon exists to avoid.
                    decidedOn = horizonDay(m, id, v, first, last, horizon);
                    int until = decidedOn == null ? last : decidedOn;
                    c = FixedHorizonAnalysis.of(rules, Horizon.perArm(horizon)).compare(
                            stats(SiteMeasures.CONTROL_ARM, m.totals(id, SiteMeasures.CONTROL_ARM, first, until)),
                            stats(v, m.totals(id, v, first, until)));
                }
                ObjectNode cj = comparisons.addObject();
                comparison(cj, v, c);
                if (method != Comparison.Method.SEQUENTIAL && horizon != null) {
                    if (decidedOn == null) cj.putNull("decided_on");
                    else cj.put("decided_on", LocalDate.ofEpochDay(decidedOn).toString());
                }
                // the headline: the variant with the strongest verdict, then the highest rate, so that a
                // variant with one lucky conversion cannot hide another's win
                int rank = rank(c.verdict());
                if (best == null || rank > bestRank || rank == bestRank && treatment.rate() > bestRate) {
                    bestRank = rank;
                    bestRate = treatment.rate();
                    best = v;
                    overall = c.verdict();
                }
            }
        }
        out.put("verdict", overall.json());
        if (best == null) out.putNull("best");
        else out.put("best", best);
        if (!hasControl) out.put("note", "no control group: set control.percent to measure lift");
        if (campaign.allocation() == Campaign.Allocation.BANDIT && variants.size() > 1) {
            List<ArmStats> vs = new ArrayList<>();
            for (String v : variants) vs.add(stats(v, totals.get(v)));
            List<Double> p = ThompsonSampler.probabilityBest(vs, DRAWS, 1);
            ObjectNode pb = out.putObject("probability_best");
            for (int i = 0; i < variants.size(); i++) pb.put(variants.get(i), p.get(i));
        }

        ArrayNode daily = out.putArray("daily");
        List<Map<Integer, ArmTotals>> byArm = new ArrayList<>();
        for (String arm : arms) byArm.add(m.daily(id, arm, first, last));
        for (int d = first; d <= last; d++) {
            ObjectNode day = daily.addObject();
            day.put("date", LocalDate.ofEpochDay(d).toString());
            ArrayNode dayArms = day.putArray("arms");
            for (int a = 0; a < arms.size(); a++) {
                ArmTotals t = byArm.get(a).get(d);
                arm(dayArms.addObject(), arms.get(a), t == null ? ArmTotals.of(new CampaignCounters.Row()) : t, false);
            }
        }
        return out;
    }

    /** Control first (when the campaign has one or it was counted), then the variants in order, then arms counted
     * for variants since removed. */
    private static List<String> arms(Campaign campaign, SiteMeasures m) {
        List<String> counted = m.arms(campaign.id());
        List<String> arms = new ArrayList<>();
        if (campaign.control().percent() > 0 || counted.contains(SiteMeasures.CONTROL_ARM)) arms.add(SiteMeasures.CONTROL_ARM);
        for (Variant v : campaign.variants()) arms.add(v.id());
        for (String a : counted) if (!arms.contains(a)) arms.add(a);
        return arms;
    }

    /** The sequential comparison with one look per day, cumulative from the first day. */
    private static Comparison sequential(SiteMeasures m, String campaign, String variant, int first, int last,
                                         DecisionRules rules) {
        SequentialAnalysis method = SequentialAnalysis.of(rules, SequentialAnalysis.DEFAULT_RELATIVE_TAU);
        Map<Integer, ArmTotals> c = m.daily(campaign, SiteMeasures.CONTROL_ARM, first, last);
        Map<Integer, ArmTotals> t = m.daily(campaign, variant, first, last);
        java.util.TreeSet<Integer> days = new java.util.TreeSet<>(c.keySet());
        days.addAll(t.keySet());
        long cn = 0, cx = 0, tn = 0, tx = 0;
        double cv = 0, tv = 0;
        Comparison previous = null;
        for (int d : days) {
            ArmTotals ct = c.get(d), tt = t.get(d);
            if (ct != null) {
                cn += ct.exposed();
                cx += ct.goalVisitors();
                cv += ct.goalValue();
            }
            if (tt != null) {
                tn += tt.exposed();
                tx += tt.goalVisitors();
                tv += tt.goalValue();
            }
            previous = method.compare(new ArmStats(SiteMeasures.CONTROL_ARM, cn, Math.min(cn, cx), cv),
                    new ArmStats(variant, tn, Math.min(tn, tx), tv), previous);
        }
        return previous != null ? previous
                : method.compare(ArmStats.empty(SiteMeasures.CONTROL_ARM), ArmStats.empty(variant));
    }

    private static ArmStats stats(String arm, ArmTotals t) {
        return new ArmStats(arm, t.exposed(), Math.min(t.exposed(), t.goalVisitors()), t.goalValue());
    }

    private static void goal(ObjectNode out, Goal g) {
        if (g == null) {
            out.putNull("goal");
            return;
        }
        ObjectNode goal = out.putObject("goal");
        goal.put("event", g.event());
        goal.put("window", g.window() instanceof Goal.Window.Within w ? w.duration().toString() : "session");
        if (g.value() == null) goal.putNull("value");
        else goal.put("value", g.value());
    }

    private static void arm(ObjectNode o, String arm, ArmTotals t, boolean rates) {
        boolean control = SiteMeasures.CONTROL_ARM.equals(arm);
        o.put("arm", control ? "control" : arm);
        o.put("control", control);
        o.put("exposed", t.exposed());
        o.put("deliveries", t.deliveries());
        o.put("shows", t.shows());
        o.put("clicks", t.clicks());
        o.put("closes", t.closes());
        o.put("goal_visitors", t.goalVisitors());
        o.put("goal_value", t.goalValue());
        if (!rates) {
            o.put("goals", t.goals());
            return;
        }
        o.put("goal_rate", t.exposed() == 0 ? 0 : (double) Math.min(t.exposed(), t.goalVisitors()) / t.exposed());
        o.put("value_per_exposed", t.exposed() == 0 ? 0 : t.goalValue() / t.exposed());
        o.put("click_rate", t.shows() == 0 ? 0 : (double) t.clicks() / t.shows());
    }

    private static void comparison(ObjectNode o, String arm, Comparison c) {
        o.put("arm", arm);
        o.put("method", c.method().json());
        o.put("control_rate", c.controlRate());
        o.put("rate", c.treatmentRate());
        estimate(o, "absolute_lift", c.absoluteLift());
        estimate(o, "relative_lift", c.relativeLift());
        o.put("p_value", c.pValue());
        o.put("confidence", c.confidence());
        o.put("verdict", c.verdict().json());
    }

    private static void estimate(ObjectNode o, String name, Estimate e) {
        if (e == null) {
            o.putNull(name);
            return;
        }
        ObjectNode x = o.putObject(name);
        x.put("estimate", e.point());
        x.put("low", finite(e.lower()));
        x.put("high", finite(e.upper()));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
