package dev.omotenashi.server.measure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omotenashi.engine.TrackResult;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.experiment.ArmStats;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.CampaignHistory;
import dev.omotenashi.engine.profile.Days;
import dev.omotenashi.engine.profile.Profile;
import dev.omotenashi.engine.profile.Scope;
import dev.omotenashi.engine.profile.VisitorState;
import dev.omotenashi.server.measure.CampaignCounters.Counter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one site measures, maintained from each {@link TrackResult} as the engine produces it — live, and
 * again during the journal replay at start-up, so the counters follow exactly the events the profiles hold:
 * <ul>
 *   <li>campaign counters per arm and day ({@link CampaignCounters}), from the journaled action events
 *       ({@code _action_delivered}, {@code _action_shown}, {@code _action_control}, {@code _action_clicked},
 *       {@code _action_closed}) and the engine's derived {@code _exposure} (a person's first exposure to a
 *       campaign) and {@code _goal} (a conversion attributed inside the goal window, once per person);</li>
 *   <li>the journey phases per first-visit cohort ({@link JourneyCounters});</li>
 *   <li>events and deliveries per minute and the recently active visitors for the overview
 *       ({@link Activity}, {@link ActiveVisitors}).</li>
 * </ul>
 *
 * <p>Exactness: the site applies requests one at a time and drops event ids it already took before the
 * engine sees them, so a retried event is never counted twice. The counters are saved with the profiles in
 * the same checkpoint (taken while no request is applied, at the same journal position) and the records
 * after it are replayed through {@link #apply}, so after a restart the counters are what they were.
 *
 * <p>Thread-safe: every method is synchronized; the site applies requests under its own lock, so the only
 * contention is a report being read.
 */
public final class SiteMeasures {
    /** The event that makes the journey's convert and retain phases. */
    public static final String PURCHASE = "buy";
    private static final int FORMAT = 1;

    private volatile Days days;
    private final CampaignCounters campaigns = new CampaignCounters();
    private final JourneyCounters journey = new JourneyCounters();
    private final Activity activity = new Activity();
    private final ActiveVisitors active = new ActiveVisitors(ACTIVE_MS);
    /** What counts as an active visitor: an event in the last five minutes. */
    public static final long ACTIVE_MS = 5 * 60_000;

    public SiteMeasures(ZoneId zone) {
        this.days = new Days(zone);
    }

    /** The timezone whose days the counters use from now on (counts already made keep their day). */
    public void zone(ZoneId zone) {
        this.days = new Days(zone);
    }

    public ZoneId zone() {
        return days.zone();
    }

    public int dayOf(long epochMs) {
        return days.dayOf(epochMs);
    }

    /**
     * Counts what one applied request produced.
     *
     * @param profile    the person's profile after the request
     * @param newVisitor whether the request's visitor id was unknown to the engine before it (a first visit)
     */
    public void apply(TrackResult result, Profile profile, boolean newVisitor) {
        apply(result.visitor(), result.recorded(), result.derived(), profile, newVisitor);
    }

    /**
     * Counts a request's recorded and derived events, as {@link TrackResult} lists them (the benchmark
     * builds them directly). Without a profile the journey phases are not counted.
     */
    public synchronized void apply(String visitor, List<Event> recorded, List<Event> derived, Profile profile,
                                   boolean newVisitor) {
        if (recorded.isEmpty()) return;
        active.seen(visitor, recorded.getLast().ts());
        if (newVisitor && profile != null && profile.visitorIds().size() == 1) {
            // a new person (a new browser of a known person is not a first visit)
            VisitorState b = profile.browser(visitor);
            journey.firstVisit(days.dayOf(profile.firstSeen()), b == null ? null : b.source());
        }
        int purchases = 0;
        for (Event e : recorded) {
            String name = e.name();
            activity.event(e.ts(), "_action_delivered".equals(name));
            switch (name) {
                case "_action_delivered" -> count(e, Counter.DELIVERIES, bool(e, "control"));
                case "_action_shown" -> count(e, Counter.SHOWS, false);
                case "_action_control" -> count(e, Counter.SHOWS, true);
                case "_action_clicked" -> count(e, Counter.CLICKS, false);
                case "_action_closed" -> count(e, Counter.CLOSES, false);
                default -> {
                    if (PURCHASE.equals(name)) purchases++;
                }
            }
        }
        int exposures = 0;
        List<Long> purchaseTimes = new ArrayList<>();
        for (Event e : derived) {
            switch (e.name()) {
                case "_exposure" -> {
                    boolean control = bool(e, "control");
                    count(e, Counter.EXPOSED, control);
                    if (!control) exposures++;
                }
                case "_goal" -> goal(e);
                default -> {
                    if (PURCHASE.equals(e.name())) purchaseTimes.add(e.ts());
                }
            }
        }
        if (profile == null) return;
        if (exposures > 0) engage(profile, exposures);
        if (purchases > 0 || !purchaseTimes.isEmpty()) {
            for (Event e : recorded) if (PURCHASE.equals(e.name())) purchaseTimes.add(e.ts());
            purchases(profile, purchaseTimes);
        }
    }

    private void count(Event e, Counter counter, boolean control) {
        String campaign = text(e, "campaign");
        if (campaign == null) return;
        campaigns.add(campaign, arm(e, control), days.dayOf(e.ts()), counter, 1);
    }

    private void goal(Event e) {
        String campaign = text(e, "campaign");
        if (campaign == null) return;
        String arm = arm(e, bool(e, "control"));
        JsonNode exposedAt = e.properties().get("exposed_at");
        int cohort = days.dayOf(exposedAt != null && exposedAt.canConvertToLong() ? exposedAt.longValue() : e.ts());
        campaigns.add(campaign, arm, cohort, Counter.GOAL_VISITORS, 1);
        JsonNode value = e.properties().get("value");
        if (value != null && value.isNumber()) campaigns.addValue(campaign, arm, cohort, value.doubleValue());
        campaigns.add(campaign, arm, days.dayOf(e.ts()), Counter.GOALS_ON_DAY, 1);
    }

    /**
     * Engage: the person was first shown an action of any campaign in this request. Control exposures do
     * not count: a visitor held out saw nothing.
     */
    private void engage(Profile profile, int exposures) {
        int exposed = 0;
        long first = Long.MAX_VALUE;
        for (CampaignHistory h : profile.campaigns()) {
            if (!h.exposed() || h.exposedControl()) continue;
            exposed++;
            first = Math.min(first, h.exposedAt());
        }
        if (exposed != exposures) return; // exposed before this request
        journey.milestone(days.dayOf(profile.firstSeen()), days.dayOf(first), JourneyCounters.ENGAGE);
    }

    /**
     * Convert: the person's first purchase, when it came after an action was first shown; retain: the second
     * purchase of a person whose first one converted.
     */
    private void purchases(Profile profile, List<Long> times) {
        Object total = profile.aggregate(PURCHASE, null, Scope.ALL, Agg.COUNT, null, 0);
        long count = total instanceof Number n ? n.longValue() : 0;
        long before = count - times.size();
        if (before >= 2) return;
        times.sort(null);
        long exposedAt = firstExposure(profile);
        Object firstAt = profile.aggregate(PURCHASE, null, Scope.ALL, Agg.FIRST_AT, null, 0);
        long firstPurchase = firstAt instanceof Number n ? n.longValue() : Long.MAX_VALUE;
        int cohort = days.dayOf(profile.firstSeen());
        for (int i = 0; i < times.size(); i++) {
            long nth = before + i + 1;
            long at = times.get(i);
            if (nth == 1 && exposedAt <= at) journey.milestone(cohort, days.dayOf(at), JourneyCounters.CONVERT);
            if (nth == 2 && exposedAt <= firstPurchase) journey.milestone(cohort, days.dayOf(at), JourneyCounters.RETAIN);
        }
    }

    /** When an action was first shown to the person (control exposures aside), or Long.MAX_VALUE. */
    private static long firstExposure(Profile profile) {
        long first = Long.MAX_VALUE;
        for (CampaignHistory h : profile.campaigns()) if (h.exposed() && !h.exposedControl()) first = Math.min(first, h.exposedAt());
        return first;
    }

    private static String arm(Event e, boolean control) {
        if (control) return CampaignCounters.CONTROL;
        String v = text(e, "variant");
        return v == null ? "default" : v;
    }

    private static String text(Event e, String field) {
        JsonNode n = e.properties() == null ? null : e.properties().get(field);
        return n != null && n.isTextual() && !n.textValue().isEmpty() ? n.textValue() : null;
    }

    private static boolean bool(Event e, String field) {
        JsonNode n = e.properties() == null ? null : e.properties().get(field);
        return n != null && n.asBoolean(false);
    }

    // ---- reads -----------------------------------------------------------------------------------

    /** One arm's totals over days {@code from}..{@code to} (inclusive). */
    public synchronized ArmTotals totals(String campaign, String arm, int from, int to) {
        return ArmTotals.of(campaigns.total(campaign, arm, from, to));
    }

    /** The arms with counts for a campaign (control as {@link #CONTROL_ARM}). */
    public synchronized List<String> arms(String campaign) {
        return List.copyOf(campaigns.arms(campaign).keySet());
    }

    /** The arm key of the control group. */
    public static final String CONTROL_ARM = CampaignCounters.CONTROL;

    /** Each day's totals of one arm in {@code from}..{@code to} that has counts, by day. */
    public synchronized Map<Integer, ArmTotals> daily(String campaign, String arm, int from, int to) {
        Map<Integer, ArmTotals> out = new TreeMap<>();
        campaigns.days(campaign, arm).subMap(from, true, to, true).forEach((d, r) -> out.put(d, ArmTotals.of(r)));
        return out;
    }

    /** The first day with a count for the campaign, or null. */
    public synchronized Integer firstDay(String campaign) {
        return campaigns.firstDay(campaign);
    }

    /** All-time exposed and goal visitors per variant (not control), for the bandit. */
    public synchronized List<ArmStats> variantStats(String campaign, List<String> variants) {
        List<ArmStats> out = new ArrayList<>(variants.size());
        for (String v : variants) {
            CampaignCounters.Row r = campaigns.total(campaign, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            out.add(new ArmStats(v, r.get(Counter.EXPOSED), Math.min(r.get(Counter.EXPOSED), r.get(Counter.GOAL_VISITORS)), r.value));
        }
        return out;
    }

    public synchronized JourneyCounters.Phases journey(int from, int to) {
        return journey.phases(from, to);
    }

    public synchronized long eventsInMinute(long epochMinute) {
        return activity.events(epochMinute);
    }

    public synchronized long deliveriesInMinute(long epochMinute) {
        return activity.deliveries(epochMinute);
    }

    /** Visitors (browsers) whose latest event is in the {@link #ACTIVE_MS} before {@code now}. */
    public synchronized long activeVisitors(long now) {
        return active.count(now);
    }

    public synchronized long goalsOn(int day) {
        return campaigns.goalsOn(day);
    }

    /** One arm's counts summed over some days. */
    public record ArmTotals(long deliveries, long shows, long clicks, long closes, long exposed, long goalVisitors,
                            long goals, double goalValue) {
        static ArmTotals of(CampaignCounters.Row r) {
            return new ArmTotals(r.get(Counter.DELIVERIES), r.get(Counter.SHOWS), r.get(Counter.CLICKS), r.get(Counter.CLOSES),
                    r.get(Counter.EXPOSED), r.get(Counter.GOAL_VISITORS), r.get(Counter.GOALS_ON_DAY), r.value);
        }
    }

    // ---- checkpoint --------------------------------------------------------------------------------

    /** The counters as bytes, for the site's checkpoint. */
    public synchronized byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            campaigns.write(out);
            journey.write(out);
            activity.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Replaces the counters with those of a checkpoint ({@link #encode}). */
    public synchronized void decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readInt();
            if (format != FORMAT) throw new IllegalStateException("unknown measures format " + format);
            campaigns.read(in);
            journey.read(in);
            activity.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
