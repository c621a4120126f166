package dev.omotenashi.engine.campaign;

import dev.omotenashi.engine.condition.Condition;
import dev.omotenashi.engine.config.Values;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An on-site action with its rules (config-language.md §5; 接客サービス): who sees it ({@code audience}),
 * where ({@code pages}), when ({@code status}, {@code schedule}, {@code trigger}), what ({@code variants}),
 * how often ({@code frequency}, {@code stop}), how success is measured ({@code control}, {@code goal}) and
 * which wins a conflict ({@code priority}, higher first). Parsed by {@link CampaignParser}; segment and
 * campaign references are checked against the site by {@link dev.omotenashi.engine.config.ConfigSet}.
 *
 * @param audience null for everyone
 * @param pages    null for every page; only {@code page.*} attributes
 * @param variants at least one, ids unique; a campaign written with {@code creative} has one variant {@code default}
 * @param goal     null when the campaign has none
 * @param allocation how visitors outside control are split between the variants
 */
public record Campaign(String id, String name, Status status, Schedule schedule, Condition audience, Condition pages,
                       Trigger trigger, List<Variant> variants, Control control, Frequency frequency, Stop stop,
                       Goal goal, int priority, Allocation allocation) {

    /** A campaign whose variants are split by their weights. */
    public Campaign(String id, String name, Status status, Schedule schedule, Condition audience, Condition pages,
                    Trigger trigger, List<Variant> variants, Control control, Frequency frequency, Stop stop,
                    Goal goal, int priority) {
        this(id, name, status, schedule, audience, pages, trigger, variants, control, frequency, stop, goal, priority,
                Allocation.WEIGHTS);
    }

    /**
     * How visitors outside the control group are split between variants: by the variants' weights (a hash
     * of the visitor, stable), or by Thompson sampling over the variants' live goal rates (docs/measurement.md
     * §6); the control group is held out by hash either way, so lift stays measured.
     */
    public enum Allocation {
        WEIGHTS("weights"), BANDIT("bandit");

        private final String json;

        Allocation(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Allocation fromJson(String s) {
            for (Allocation a : values()) if (a.json.equals(s)) return a;
            return null;
        }
    }

    public enum Status {
        DRAFT("draft"), LIVE("live"), PAUSED("paused"), ENDED("ended");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Status fromJson(String s) {
            for (Status v : values()) if (v.json.equals(s)) return v;
            return null;
        }
    }

    public Campaign {
        if (!Values.isId(id)) throw new IllegalArgumentException("invalid campaign id: " + id);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(stop, "stop");
        variants = List.copyOf(variants);
        if (variants.isEmpty()) throw new IllegalArgumentException("a campaign needs at least one variant");
        Set<String> ids = new HashSet<>();
        for (Variant v : variants) {
            if (!ids.add(v.id())) throw new IllegalArgumentException("duplicate variant id: " + v.id());
        }
        if (stop.afterGoal() && goal == null) throw new IllegalArgumentException("stop after_goal needs a goal");
        Objects.requireNonNull(allocation, "allocation");
    }

    /** Whether the operator set the campaign live (it is delivered only inside its schedule too). */
    public boolean live() {
        return status == Status.LIVE;
    }

    /** The variant with this id, or null. */
    public Variant variant(String variantId) {
        for (Variant v : variants) if (v.id().equals(variantId)) return v;
        return null;
    }

    /** The sum of the variants' weights. */
    public int totalWeight() {
        int sum = 0;
        for (Variant v : variants) sum += v.weight();
        return sum;
    }
}
