package dev.omotenashi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.campaign.Campaign;
import dev.omotenashi.engine.campaign.CampaignParser;
import dev.omotenashi.engine.campaign.CompiledCampaign;
import dev.omotenashi.engine.campaign.Goal;
import dev.omotenashi.engine.campaign.Template;
import dev.omotenashi.engine.campaign.Variant;
import dev.omotenashi.engine.config.CompiledSite;
import dev.omotenashi.engine.config.ConfigSet;
import dev.omotenashi.engine.config.SiteSettings;
import dev.omotenashi.engine.decision.CampaignPlan;
import dev.omotenashi.engine.decision.ScheduleCheck;
import dev.omotenashi.engine.eventdef.EventDefinitionParser;
import dev.omotenashi.engine.experiment.BanditCounts;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.AggregatePlan;
import dev.omotenashi.engine.render.CreativeRenderer;
import dev.omotenashi.engine.segment.SegmentParser;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's configuration: segments, event definitions and campaigns, validated on every change and
 * compiled into the {@link SiteRuntime} the hot path reads. A change that does not validate throws
 * {@link dev.omotenashi.engine.config.ValidationException} and changes nothing.
 *
 * <p>Thread-safe: changes are serialised; readers get the current runtime without locking.
 */
public final class SiteConfiguration {
    private final SiteSettings settings;
    private final BanditCounts bandits = new BanditCounts();
    private ConfigSet config = ConfigSet.EMPTY;
    private volatile SiteRuntime runtime;

    SiteConfiguration(SiteSettings settings) {
        this.settings = settings;
        this.runtime = compile(ConfigSet.EMPTY);
    }

    /** The validated configuration as it is now. */
    public synchronized ConfigSet current() {
        return config;
    }

    /** The variant counts bandit campaigns sample from (the server keeps them current). */
    public BanditCounts bandits() {
        return bandits;
    }

    SiteRuntime runtime() {
        return runtime;
    }

    synchronized void putSegment(JsonNode json) {
        install(config.withSegment(SegmentParser.parse(json)));
    }

    synchronized void putEventDefinition(JsonNode json) {
        install(config.withEventDefinition(EventDefinitionParser.parse(json)));
    }

    synchronized void putCampaign(JsonNode json) {
        install(config.withCampaign(CampaignParser.parse(json)));
    }

    synchronized void removeSegment(String id) {
        install(config.withoutSegment(id));
    }

    synchronized void removeEventDefinition(String name) {
        install(config.withoutEventDefinition(name));
    }

    synchronized void removeCampaign(String id) {
        install(config.withoutCampaign(id));
    }

    /** Replaces the whole configuration at once (a server loading a site). */
    public synchronized void replace(ConfigSet next) {
        install(next);
    }

    private void install(ConfigSet next) {
        SiteRuntime compiled = compile(next); // compile first: a failure leaves the old configuration in place
        config = next;
        runtime = compiled;
    }

    private SiteRuntime compile(ConfigSet set) {
        CompiledSite site = CompiledSite.compile(set, settings);
        Set<AggregateKey> aggregates = new HashSet<>(site.requiredAggregates());
        List<CampaignPlan> plans = new ArrayList<>();
        for (CompiledCampaign cc : site.campaigns()) {
            plans.add(plan(cc, settings.timezone(), aggregates, bandits));
        }
        return SiteRuntime.of(site, plans, new AggregatePlan(aggregates));
    }

    private static CampaignPlan plan(CompiledCampaign cc, ZoneId zone, Set<AggregateKey> aggregates, BanditCounts bandits) {
        Campaign c = cc.campaign();
        List<CampaignPlan.VariantPlan> variants = new ArrayList<>();
        Map<String, String> surveyTraits = new HashMap<>();
        for (Variant v : c.variants()) {
            Template template = v.creative().template();
            ObjectNode content = v.creative().content();
            CreativeRenderer renderer = CreativeRenderer.compile(content,
                    template == Template.HTML ? Set.of("html") : Set.of());
            aggregates.addAll(renderer.requiredAggregates());
            variants.add(new CampaignPlan.VariantPlan(v.id(), v.weight(), template.json(), template.modal(), renderer::render));
            if (template == Template.SURVEY) {
                for (JsonNode field : content.path("fields")) {
                    String name = field.path("name").asText(null);
                    String trait = field.path("trait").asText(null);
                    if (name != null && trait != null) surveyTraits.put(name, trait);
                }
            }
        }
        CampaignPlan.GoalPlan goal = null;
        Goal g = c.goal();
        if (g != null) {
            boolean session = g.window() instanceof Goal.Window.Session;
            long windowMs = g.window() instanceof Goal.Window.Within w ? w.duration().toMillis() : Long.MAX_VALUE;
            goal = new CampaignPlan.GoalPlan(g.event(), cc.goalWhere(), session, windowMs, g.value());
        }
        var schedule = c.schedule();
        var stop = c.stop();
        return new CampaignPlan(c.id(), c.live(),
                schedule == null ? now -> true : new ScheduleCheck(schedule, zone),
                cc.audience(), cc.pages(),
                new CampaignPlan.Frequency(CampaignPlan.Frequency.Per.valueOf(c.frequency().per().name()), c.frequency().max()),
                new CampaignPlan.Stop(stop.afterShows(), stop.afterCloses(), stop.afterClicks(), stop.afterGoal(),
                        stop.period().name().equals("DAY")),
                c.control().percent(), variants, c.trigger().toJson(), goal, c.priority(), surveyTraits, null,
                null, allocator(c, bandits), cc.audienceSplit(),
                dev.omotenashi.engine.condition.ConditionCompiler.reads(c.pages(), dev.omotenashi.engine.condition.Attribute.PAGE_TITLE));
    }

    /** Weights, or Thompson sampling over the counts the server hands to {@link #bandits()}. */
    private static CampaignPlan.Allocator allocator(Campaign c, BanditCounts bandits) {
        if (c.allocation() != Campaign.Allocation.BANDIT) return CampaignPlan.Allocator.WEIGHTS;
        List<String> ids = c.variants().stream().map(Variant::id).toList();
        String id = c.id();
        return (visitorKey, plan) -> bandits.choose(id, ids);
    }
}
