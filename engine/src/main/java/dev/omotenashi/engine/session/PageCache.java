package dev.omotenashi.engine.session;

import dev.omotenashi.engine.Page;

import java.util.Objects;

/**
 * The page URLs parsed most recently, so that a request from a page seen a moment ago (the next event on
 * the same page, a popular item page, the cart) does not split and decode its URL again: parsing was a
 * quarter of the cost of applying one event. Direct-mapped by URL: one slot per hash, a new URL replaces
 * whatever was there.
 *
 * <p>Safe to share between threads without locks: a slot holds an immutable {@link PageInfo}, whose final
 * fields are visible to any thread that reads the reference; a racing reader sees an older page or
 * another one, checks it against the request, and parses on a mismatch.
 */
public final class PageCache {
    private final PageInfo[] slots;
    private final int mask;

    /** @param capacity slots, rounded up to a power of two */
    public PageCache(int capacity) {
        int n = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        this.slots = new PageInfo[n];
        this.mask = n - 1;
    }

    /**
     * {@link PageInfo#of(Page)}, without parsing the URL when it was parsed last in its slot: the same page
     * is returned when title and referrer match too, else a copy with the request's title and referrer.
     */
    public PageInfo of(Page page) {
        if (page == null || page.url() == null) return PageInfo.of(page);
        int slot = page.url().hashCode() & mask;
        PageInfo cached = slots[slot];
        if (cached == null || !cached.url().equals(page.url())) {
            PageInfo parsed = PageInfo.of(page);
            slots[slot] = parsed;
            return parsed;
        }
        String referrer = page.referrer() == null || page.referrer().isEmpty() ? null : page.referrer();
        if (Objects.equals(cached.referrer(), referrer) && Objects.equals(cached.title(), page.title())) return cached;
        return cached.retitled(page.title(), referrer);
    }
}
