package dev.omotenashi.engine.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A site's settings that the engine needs.
 *
 * @param timezone       the site's timezone: days for {@code today}, {@code 7d}, {@code 28d}, schedules and
 *                       {@code per: day} frequencies are counted in it
 * @param sessionTimeout silence after which the next event starts a new session (default 30 minutes)
 * @param spacing        minimum distance between two deliveries to one visitor
 * @param domains        the site's own hosts; a referrer on them is internal, not a traffic source
 */
public record SiteSettings(ZoneId timezone, Duration sessionTimeout, Spacing spacing, List<String> domains) {
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

    public SiteSettings {
        Objects.requireNonNull(timezone, "timezone");
        if (sessionTimeout == null) sessionTimeout = DEFAULT_SESSION_TIMEOUT;
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("sessionTimeout must be positive");
        }
        if (spacing == null) spacing = Spacing.NONE;
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    public static SiteSettings of(ZoneId timezone) {
        return new SiteSettings(timezone, DEFAULT_SESSION_TIMEOUT, Spacing.NONE, List.of());
    }

    public SiteSettings withSpacing(Spacing s) {
        return new SiteSettings(timezone, sessionTimeout, s, domains);
    }

    public SiteSettings withSessionTimeout(Duration d) {
        return new SiteSettings(timezone, d, spacing, domains);
    }

    public SiteSettings withDomains(List<String> d) {
        return new SiteSettings(timezone, sessionTimeout, spacing, d);
    }

    /**
     * Site-wide spacing between deliveries to one visitor (config-language.md §5): both must pass.
     *
     * @param minPageviews page views that must separate two deliveries (0: none)
     * @param minSeconds   seconds that must separate two deliveries (0: none)
     */
    public record Spacing(int minPageviews, long minSeconds) {
        public static final Spacing NONE = new Spacing(0, 0);

        public Spacing {
            if (minPageviews < 0) throw new IllegalArgumentException("minPageviews must be >= 0");
            if (minSeconds < 0) throw new IllegalArgumentException("minSeconds must be >= 0");
        }
    }
}
