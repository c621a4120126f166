package dev.omotenashi.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a site's settings:
 * {@code {"timezone": "Asia/Tokyo", "session_timeout": "PT30M", "spacing": {"min_pageviews": 2, "min_seconds": 60},
 * "domains": ["shop.example", "www.shop.example"]}}. Only {@code timezone} is required.
 *
 * <p>{@code session_timeout} (a duration, default 30 minutes) ranges from one minute to one day;
 * {@code domains} are host names without scheme, port or path, compared case-insensitively (stored in
 * lower case).
 */
public final class SiteSettingsParser {
    public static final Duration MIN_SESSION_TIMEOUT = Duration.ofMinutes(1);
    public static final Duration MAX_SESSION_TIMEOUT = Duration.ofDays(1);

    private static final List<String> FIELDS = List.of("timezone", "session_timeout", "spacing", "domains");
    private static final List<String> SPACING_FIELDS = List.of("min_pageviews", "min_seconds");
    private static final Pattern HOST = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private SiteSettingsParser() {}

    /** @throws ValidationException with every problem, paths relative to the document ({@code spacing.min_seconds}) */
    public static SiteSettings parse(JsonNode json) {
        Errors errors = new Errors();
        Fields f = Fields.of(json, "", errors, FIELDS);
        if (f == null) throw new ValidationException(errors.list());
        ZoneId zone = null;
        String tz = f.string("timezone", true);
        if (tz != null) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                errors.add(f.path("timezone"), Codes.INVALID_VALUE, "'" + tz + "' is not a timezone such as \"Asia/Tokyo\"");
            }
        }
        Duration timeout = SiteSettings.DEFAULT_SESSION_TIMEOUT;
        if (f.has("session_timeout")) {
            timeout = Values.duration(f.get("session_timeout"), f.path("session_timeout"), errors);
            if (timeout != null && (timeout.compareTo(MIN_SESSION_TIMEOUT) < 0 || timeout.compareTo(MAX_SESSION_TIMEOUT) > 0)) {
                errors.add(f.path("session_timeout"), Codes.INVALID_VALUE, "a session timeout is from one minute (PT1M) to one day (P1D)");
            }
        }
        SiteSettings.Spacing spacing = f.has("spacing") ? spacing(f.get("spacing"), f.path("spacing"), errors) : SiteSettings.Spacing.NONE;
        List<String> domains = f.has("domains") ? domains(f.get("domains"), f.path("domains"), errors) : List.of();
        errors.throwIfAny();
        return new SiteSettings(zone, timeout, spacing, domains);
    }

    private static SiteSettings.Spacing spacing(JsonNode node, String path, Errors errors) {
        Fields f = Fields.of(node, path, errors, SPACING_FIELDS);
        if (f == null) return null;
        Integer pageviews = f.integer("min_pageviews", false, 0, 1_000);
        Integer seconds = f.integer("min_seconds", false, 0, 86_400 * 30);
        if (f.has("min_pageviews") && pageviews == null || f.has("min_seconds") && seconds == null) return null;
        return new SiteSettings.Spacing(pageviews == null ? 0 : pageviews, seconds == null ? 0 : seconds);
    }

    private static List<String> domains(JsonNode node, String path, Errors errors) {
        if (!node.isArray()) {
            errors.add(path, Codes.INVALID_TYPE, "expected a list of host names, got " + Values.describe(node));
            return null;
        }
        List<String> domains = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String p = Errors.index(path, i);
            String s = Values.string(node.get(i), p, errors);
            if (s == null) continue;
            if (s.length() > 253 || !HOST.matcher(s).matches()) {
                errors.add(p, Codes.INVALID_VALUE, "'" + s + "' is not a host name such as \"shop.example\" (no scheme, port or path)");
            } else if (!seen.add(s.toLowerCase(Locale.ROOT))) {
                errors.add(p, Codes.DUPLICATE, "'" + s + "' is listed twice");
            } else {
                domains.add(s.toLowerCase(Locale.ROOT));
            }
        }
        return domains;
    }
}
