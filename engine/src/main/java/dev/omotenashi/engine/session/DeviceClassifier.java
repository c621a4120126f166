package dev.omotenashi.engine.session;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Decides a session's {@link DeviceClass} from the User-Agent and the tag's {@code mobile} hint, with Yauaa
 * (a maintained, rule-based user agent analyzer) rather than hand-written patterns that rot with every new
 * device.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>No User-Agent (null or blank): {@code smartphone} when the hint is true, else {@code pc}.</li>
 *   <li>Yauaa's {@code DeviceClass} {@code Phone}, {@code Mobile} (a phone it cannot name, feature phones
 *       included), {@code Watch} or {@code Robot Mobile} (Googlebot Smartphone and the like: a crawler that
 *       renders as a phone should see what phones see): {@code smartphone}.</li>
 *   <li>{@code Tablet} or {@code eReader}: {@code tablet}.</li>
 *   <li>The hint is true and Yauaa could not place the device ({@code Unknown}, {@code Anonymized},
 *       {@code Hacker}) or saw a desktop ({@code Desktop}): {@code smartphone}. The hint follows the
 *       semantics of Client Hints' {@code Sec-CH-UA-Mobile}, which is true for phones and false for tablets,
 *       so "looks like a desktop but says mobile" is a phone in desktop mode (an iPhone asking for the
 *       desktop site sends a Mac User-Agent). An iPad in its default desktop mode also sends a Mac
 *       User-Agent; the tag must report it as {@code mobile: false}, and it then counts as {@code pc}, since
 *       nothing in the request tells it from a Mac.</li>
 *   <li>Everything else ({@code Desktop}, {@code Robot}, {@code TV}, {@code Set-top box}, {@code Game
 *       Console} ...): {@code pc}. A false hint never overrides what the User-Agent says.</li>
 * </ol>
 *
 * <p>Cost: building an analyzer loads and compiles Yauaa's rule set, which takes one to three seconds of CPU
 * and holds roughly 100 MB of heap, so build one per process: {@link #shared()} does so lazily, on first use,
 * and every later call returns the same instance. Only the {@code DeviceClass} field is requested, which
 * skips most of Yauaa's work per User-Agent. A User-Agent not seen before takes around a millisecond; results
 * are cached (Caffeine, bounded to the cache size, behind a direct-mapped front cache of recent ones), so the
 * few hundred distinct User-Agents a site really sees cost a hash lookup and a string comparison.
 *
 * <p>Thread safety: instances are thread-safe. Yauaa serialises cache misses on one lock inside the
 * analyzer; cache hits do not lock.
 *
 * <p>Yauaa logs through the Log4j 2 API, which it declares as a {@code provided} dependency: the
 * application must put {@code org.apache.logging.log4j:log4j-api} on the class path, or construction
 * fails with the {@link IllegalStateException} described below.
 */
public final class DeviceClassifier {

    /** Distinct User-Agents whose analysis is kept; Yauaa's own default. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    /** Slots of the front cache (a power of two). */
    static final int RECENT_SLOTS = 4096;

    private final UserAgentAnalyzer analyzer;
    /**
     * The User-Agents classified most recently, direct-mapped by hash (null when caching is off). Yauaa's own
     * cache is keyed by the request's headers, so even a hit first builds its request object (maps, a field
     * set: most of the allocation of starting a session); a hit here costs a string comparison. Shared
     * without locks as {@link PageCache} is: a slot holds an immutable pair.
     */
    private final Seen[] recent;

    private record Seen(String userAgent, String yauaaDeviceClass) {}

    /**
     * Builds an analyzer (expensive, see the class documentation) with a cache of
     * {@link #DEFAULT_CACHE_SIZE} User-Agents.
     *
     * @throws IllegalStateException when Yauaa cannot start because the Log4j 2 API is not on the class path
     */
    public DeviceClassifier() {
        this(DEFAULT_CACHE_SIZE);
    }

    /**
     * Builds an analyzer (expensive) caching up to {@code cacheSize} distinct User-Agents; 0 disables the cache.
     *
     * @throws IllegalArgumentException when {@code cacheSize} is negative
     * @throws IllegalStateException    when Yauaa cannot start because the Log4j 2 API is not on the class path
     */
    public DeviceClassifier(int cacheSize) {
        if (cacheSize < 0) throw new IllegalArgumentException("cacheSize must be >= 0: " + cacheSize);
        try {
            var builder = UserAgentAnalyzer.newBuilder()
                    .hideMatcherLoadStats()
                    .withField(UserAgent.DEVICE_CLASS)
                    // Pay the rule compilation here rather than in the first request that needs a device.
                    .immediateInitialization();
            this.analyzer = (cacheSize == 0 ? builder.withoutCache() : builder.withCache(cacheSize)).build();
            this.recent = cacheSize == 0 ? null : new Seen[RECENT_SLOTS];
        } catch (NoClassDefFoundError e) {
            // Yauaa declares its logging API as "provided": a missing jar surfaces here, deep in its
            // initialisation, with a message that does not say what to add. Say it.
            throw new IllegalStateException("Yauaa cannot start: " + e.getMessage() + " is missing; add "
                    + "org.apache.logging.log4j:log4j-api to the class path", e);
        }
    }

    private static volatile DeviceClassifier shared;

    /**
     * The process-wide instance, built on first call (which therefore takes seconds; concurrent first callers
     * wait for the one build) and shared afterwards.
     *
     * @throws IllegalStateException as {@link #DeviceClassifier()}; nothing is remembered, a later call tries again
     */
    public static DeviceClassifier shared() {
        DeviceClassifier s = shared;
        if (s == null) {
            // Double-checked locking rather than a holder class: a holder whose initialiser failed would
            // answer NoClassDefFoundError forever, hiding the first error's message.
            synchronized (DeviceClassifier.class) {
                s = shared;
                if (s == null) shared = s = new DeviceClassifier();
            }
        }
        return s;
    }

    /**
     * The device class of a User-Agent, with the tag's hint, by the rules in the class documentation.
     *
     * @param userAgent  the User-Agent header, may be null or empty
     * @param mobileHint the tag's {@code context.mobile}, may be null when the tag did not say
     * @return never null; never throws on any input
     */
    public DeviceClass classify(String userAgent, Boolean mobileHint) {
        boolean hintMobile = Boolean.TRUE.equals(mobileHint);
        if (userAgent == null || userAgent.isBlank()) {
            return hintMobile ? DeviceClass.SMARTPHONE : DeviceClass.PC;
        }
        return fromYauaa(yauaaDeviceClass(userAgent), hintMobile);
    }

    private String yauaaDeviceClass(String userAgent) {
        if (recent == null) return analyzer.parse(userAgent).getValue(UserAgent.DEVICE_CLASS);
        int slot = userAgent.hashCode() & (RECENT_SLOTS - 1);
        Seen seen = recent[slot];
        if (seen != null && seen.userAgent().equals(userAgent)) return seen.yauaaDeviceClass();
        String deviceClass = analyzer.parse(userAgent).getValue(UserAgent.DEVICE_CLASS);
        recent[slot] = new Seen(userAgent, deviceClass);
        return deviceClass;
    }

    /** The mapping of Yauaa's DeviceClass values; separate so that it is testable without building Yauaa. */
    static DeviceClass fromYauaa(String yauaaDeviceClass, boolean hintMobile) {
        String v = yauaaDeviceClass == null ? "Unknown" : yauaaDeviceClass;
        return switch (v) {
            case "Phone", "Mobile", "Watch", "Robot Mobile" -> DeviceClass.SMARTPHONE;
            case "Tablet", "eReader" -> DeviceClass.TABLET;
            case "Unknown", "Anonymized", "Hacker", "Desktop" ->
                    hintMobile ? DeviceClass.SMARTPHONE : DeviceClass.PC;
            default -> DeviceClass.PC;
        };
    }
}
