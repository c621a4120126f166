package dev.omotenashi.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.SiteEngine;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Profile;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.util.Multiset;
import org.openjdk.jol.vm.VM;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The memory of a typical profile, measured with JOL: an anonymous smartphone visitor with 10 sessions
 * over 20 days and 50 events of 5 names (30 {@code view}, 6 {@code search}, 6 {@code cart}, 6
 * {@code favorite}, 2 {@code buy}), on a site with the S01–S17 configuration live. Target: at most 1 KB.
 *
 * <p><b>What counts.</b> {@code GraphLayout.parseInstance(profile).totalSize()} also counts objects every
 * profile of the site shares: event names, landing paths and referrer hosts (interned by the engine),
 * campaign ids, constant strings (traffic sources, device classes), shared empty arrays, {@code Boolean}
 * and small {@code Integer} constants. They cost once per site, not per profile, so they are excluded by
 * measuring a <em>twin</em>: a second visitor who runs the same script on the same engine (other ids,
 * freshly parsed properties, as a real request would be). Objects reachable from both are exactly the
 * shared ones, so
 * <pre>
 *   own(typical) = size(graph of typical ∪ twin) − size(graph of twin)
 * </pre>
 * with each graph walked once (JOL counts an object reached twice once). No address arithmetic is
 * involved, so a GC moving objects between the two walks does not matter. The table is the same
 * difference taken per class. As a cross-check, {@code N} profiles of varied visitors are measured
 * together and divided by {@code N}: the shared objects' share then shrinks to {@code shared / N}.
 *
 * <p>Two variants are printed: the profile as the events alone leave it ({@code decide: false}), and as
 * the tag leaves it, deciding on every page view, so that the deliveries of S01–S17 campaigns are in the
 * profile too ({@code _action_delivered} counts and the campaigns' histories).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.omotenashi.bench.ProfileMemory}
 * (add {@code -XX:+UseCompactObjectHeaders} on JDK 25 to see the effect of 8-byte headers).
 */
public final class ProfileMemory {
    static final int TARGET_BYTES = 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ClientContext IPHONE = new ClientContext(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1", true, "ja-JP", "Asia/Tokyo");

    private ProfileMemory() {}

    public static void main(String[] args) {
        System.out.println(VM.current().details());
        long decideFalse = report(false);
        long asTheTag = report(true);
        System.out.printf(Locale.ROOT, "%nTypical profile (10 sessions, 50 events of 5 names, S01-S17 live): %,d bytes (events only), "
                + "%,d bytes (deciding on views as the tag does); target %,d bytes%n", decideFalse, asTheTag, TARGET_BYTES);
    }

    /** Measures one variant, prints its tables, returns the typical profile's own bytes. */
    static long report(boolean decideOnViews) {
        BenchClock clock = new BenchClock(DemoShop.START, DemoShop.TOKYO);
        SiteEngine engine = DemoShop.engine(clock, ScenarioCatalog.all());
        Profile typical = TypicalVisitor.run(engine, clock, "v_01JD3Z8K4Q0000TYPICAL00001", 0, decideOnViews);
        Profile twin = TypicalVisitor.run(engine, clock, "v_01JD3Z8K4Q0000TYPICAL00002", 0, decideOnViews);

        GraphLayout both = GraphLayout.parseInstance(typical, twin);
        GraphLayout twinOnly = GraphLayout.parseInstance(twin);
        GraphLayout raw = GraphLayout.parseInstance(typical);
        long own = both.totalSize() - twinOnly.totalSize();

        String title = decideOnViews ? "deciding on every page view, as the tag does" : "events only (decide: false)";
        System.out.printf(Locale.ROOT, "%n==== Typical profile, %s ====%n", title);
        System.out.printf(Locale.ROOT, "counters %d, series %d, campaign histories %d, visits %d%n",
                typical.counters().size(), typical.series().size(), typical.campaigns().size(), typical.visits());
        System.out.println("Own objects (reachable from this profile and not from its twin):");
        System.out.print(table(both, twinOnly, null));
        System.out.println("Excluded as shared by all profiles (reachable from the twin too):");
        System.out.print(table(raw, both, twinOnly));
        System.out.printf(Locale.ROOT, "GraphLayout.parseInstance(profile).totalSize() = %,d bytes, of which shared %,d, own %,d%n",
                raw.totalSize(), raw.totalSize() - own, own);

        // cross-check: N varied visitors measured together
        int n = 1_000;
        List<Profile> many = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            many.add(TypicalVisitor.run(engine, clock, "v_01JD3Z8K4Q%014d".formatted(1_000 + i), i + 1, decideOnViews));
        }
        GraphLayout all = GraphLayout.parseInstance(many.toArray());
        System.out.printf(Locale.ROOT, "cross-check: %,d varied typical profiles together: %,d bytes, %,d per profile "
                + "(the shared objects amortised over %,d)%n", n, all.totalSize(), all.totalSize() / n, n);
        return own;
    }

    /**
     * A footprint table (as {@link GraphLayout#toFootprint()}), per class: {@code a − b} when {@code c} is
     * null, else {@code a − (b − c)}.
     */
    private static String table(GraphLayout a, GraphLayout b, GraphLayout c) {
        Set<Class<?>> classes = new TreeSet<>(Comparator.comparing(Class::getName));
        classes.addAll(a.getClasses());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, " %9s %9s %9s   %s%n", "COUNT", "AVG", "SUM", "DESCRIPTION"));
        long totalCount = 0;
        long totalSize = 0;
        for (Class<?> k : classes) {
            long count = a.getClassCounts().count(k) - minus(b.getClassCounts(), c == null ? null : c.getClassCounts(), k);
            long size = a.getClassSizes().count(k) - minus(b.getClassSizes(), c == null ? null : c.getClassSizes(), k);
            if (count == 0) continue;
            totalCount += count;
            totalSize += size;
            sb.append(String.format(Locale.ROOT, " %9d %9d %9d   %s%n", count, size / count, size, k.getName()));
        }
        sb.append(String.format(Locale.ROOT, " %9d %9s %9d   %s%n", totalCount, "", totalSize, "(total)"));
        return sb.toString();
    }

    private static long minus(Multiset<Class<?>> b, Multiset<Class<?>> c, Class<?> k) {
        return c == null ? b.count(k) : b.count(k) - c.count(k);
    }

    /**
     * The script of a typical visitor: 10 sessions two days apart, 5 events each, on an iPhone; lands from
     * an organic search, then an ad, then directly. {@code variant} &gt; 0 varies items, queries and prices,
     * so that the cross-check's profiles are not all alike.
     */
    static final class TypicalVisitor {
        private TypicalVisitor() {}

        static Profile run(SiteEngine engine, BenchClock clock, String visitor, int variant, boolean decideOnViews) {
            long t = DemoShop.START + variant * 1_000L;
            int serial = 0;
            String[] queries = {"コート", "ワンピース", "ニット", "スニーカー"};
            for (int session = 0; session < 10; session++) {
                String previous;
                String landing;
                if (session == 0) {
                    previous = "https://www.google.com/";
                    landing = "/items/" + (12 + variant % 50);
                } else if (session == 3) {
                    previous = "https://www.google.com/";
                    landing = "/sale/winter?utm_source=google&utm_medium=cpc&utm_campaign=winter_sale&utm_term=%E3%82%B3%E3%83%BC%E3%83%88&gclid=Cj0KCQiA"
                            + Integer.toString(variant + 1000, 36);
                } else {
                    previous = null;
                    landing = "/";
                }
                int item = 20 + (session * 7 + variant) % 80;
                // 3 views and 2 other events per session: 30 views, 6 searches, 6 carts, 6 favorites, 2 buys
                String[] steps = switch (session % 5) {
                    case 0 -> new String[]{"view " + landing, "search", "view /items/" + item, "favorite", "view /items/" + (item + 1)};
                    case 1 -> new String[]{"view " + landing, "view /items/" + item, "cart", "view /cart", "search"};
                    case 2 -> new String[]{"view " + landing, "view /items/" + item, "cart", "view /cart", "buy"};
                    case 3 -> new String[]{"view " + landing, "favorite", "view /items/" + item, "cart", "view /cart"};
                    default -> new String[]{"view " + landing, "search", "view /search?q=%E3%83%8B%E3%83%83%E3%83%88", "favorite", "view /items/" + item};
                };
                int cart = 0;
                String url = null;
                for (String step : steps) {
                    t += 20_000 + (serial % 7) * 5_000;
                    clock.set(t);
                    String id = "e_" + Long.toString(t, 36) + "_" + serial++;
                    if (step.startsWith("view ")) {
                        String path = step.substring(5);
                        String referrer = url == null ? previous : url;
                        url = DemoShop.ORIGIN + path;
                        ObjectNode props = null;
                        if (path.startsWith("/items/")) {
                            String itemId = path.substring(7);
                            props = NODES.objectNode().put("item_id", itemId).put("name", "商品 " + itemId)
                                    .put("price", 3900).put("url", url).put("image", DemoShop.ORIGIN + "/img/" + itemId + ".jpg");
                        }
                        track(engine, visitor, new Page(url, "SHOP EXAMPLE", referrer), new Event(id, "view", t, props), decideOnViews);
                    } else {
                        ObjectNode props = switch (step) {
                            case "search" -> NODES.objectNode().put("query", queries[(session + variant) % queries.length]);
                            case "favorite" -> NODES.objectNode().put("item_id", Integer.toString(item));
                            case "cart" -> NODES.objectNode().put("item_id", Integer.toString(item))
                                    .put("in_cart_price", cart += 3900 + 100 * (variant % 20)).put("items", 1);
                            default -> NODES.objectNode().put("order_id", "o_" + Integer.toString(visitor.hashCode() & 0x7fffffff, 36) + "_" + session)
                                    .put("price", 4500 + 100 * (variant % 30));
                        };
                        track(engine, visitor, new Page(url, null, null), new Event(id, step, t, props), false);
                    }
                }
                t += 2L * 86_400_000L; // two days later
            }
            return engine.profile(visitor);
        }

        private static void track(SiteEngine engine, String visitor, Page page, Event e, boolean decide) {
            engine.track(new TrackRequest(visitor, null, null, page, IPHONE, List.of(e), decide));
        }
    }
}
