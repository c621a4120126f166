package dev.omotenashi.engine.recommend;

import dev.omotenashi.engine.profile.Profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Recommendations for S15, first version: the items this person viewed recently (newest first) and the
 * site's most viewed items of the last 24 hours. No collaborative filtering yet: the two sources are what
 * Web接客 tools show on exit intent, and they need no model.
 *
 * <p>Thread-safe. The popular list is recomputed at most once a minute (a scan of the item table).
 */
public final class Recommender {
    /** Where recommended items come from (a recommendation's {@code content.source}). */
    public enum Source { RECENT, POPULAR, MIXED }

    private static final long POPULAR_TTL_MS = 60_000;
    private static final int POPULAR_KEPT = 20;

    private final ItemTable items;
    private volatile Popular popular = new Popular(Long.MIN_VALUE, List.of());

    private record Popular(long computedAt, List<Item> items) {}

    public Recommender(ItemTable items) {
        this.items = items;
    }

    public ItemTable items() {
        return items;
    }

    /**
     * Up to {@code limit} items for a person: recently viewed first (for RECENT and MIXED), then popular
     * ones not already listed (for POPULAR and MIXED); each item id once. Items without a name or URL are
     * skipped: they cannot be shown. Empty when there is nothing to recommend.
     */
    public List<Item> recommend(Profile profile, long now, Source source, int limit) {
        List<Item> out = new ArrayList<>(Math.min(limit, POPULAR_KEPT));
        if (source != Source.POPULAR && profile != null) {
            List<String> recent = profile.recentItems();
            for (int i = recent.size() - 1; i >= 0 && out.size() < limit; i--) {
                add(out, items.item(recent.get(i)));
            }
        }
        if (source != Source.RECENT) {
            for (Item item : popular(now)) {
                if (out.size() >= limit) break;
                add(out, item);
            }
        }
        return out;
    }

    /** Adds a showable item whose id is not listed yet (a few dozen at most: a list beats a hash set). */
    private static void add(List<Item> out, Item item) {
        if (!showable(item)) return;
        for (Item listed : out) if (listed.itemId().equals(item.itemId())) return;
        out.add(item);
    }

    private List<Item> popular(long now) {
        Popular p = popular;
        if (p.computedAt == Long.MIN_VALUE || now - p.computedAt >= POPULAR_TTL_MS || now < p.computedAt) {
            p = new Popular(now, List.copyOf(items.popular(now, POPULAR_KEPT)));
            popular = p;
        }
        return p.items;
    }

    private static boolean showable(Item item) {
        return item != null && item.name() != null && item.url() != null;
    }
}
