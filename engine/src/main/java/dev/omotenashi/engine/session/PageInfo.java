package dev.omotenashi.engine.session;

import dev.omotenashi.engine.Page;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Page} taken apart once per request, so conditions on {@code page.*} and the session's traffic
 * source read fields instead of re-parsing the URL for every campaign.
 *
 * <p>Parsing is deliberately lenient and never throws: the URL comes from a browser we do not control
 * (and from Segment libraries that send whatever the app put there). {@link java.net.URI} rejects much of
 * what browsers send (spaces, {@code |}, raw non-ASCII, stray {@code %}), so this class splits the URL
 * itself, the way a browser would: {@code scheme://authority/path?query#fragment}, every part optional.
 * Malformed percent-escapes are kept literally and invalid UTF-8 becomes U+FFFD; a relative URL
 * ({@code /cart?x=1}) has no host.
 *
 * <p>Accessors: {@code url()} the URL as reported, or null; {@code path()} the decoded path, never null,
 * always starting with {@code /} ({@code /} when empty); {@code host()} the host in lower case, without port,
 * user info or trailing dot, null when the URL has none (relative, missing or opaque like
 * {@code about:blank}); {@code query()} the query parameters, first value per name, names and values
 * decoded ({@code +} is a space), unmodifiable, in URL order, parameters with an empty name dropped;
 * {@code title()} the document title as reported, or null; {@code referrer()} the referrer URL as reported,
 * or null (empty is null); {@code referrerHost()} the host of the referrer, parsed like {@code host()}, null
 * when there is none — parsed when asked (only a session's start needs it). Whether the referrer is
 * internal is not decided here (see {@link TrafficSourceClassifier}).
 *
 * <p>Immutable; equal when URL, title and referrer are (everything else is derived from them).
 */
public final class PageInfo {

    /** A page nothing is known about: path {@code /}, no host, no query. */
    public static final PageInfo EMPTY = new PageInfo(null, "/", null, Map.of(), null, null);

    private final String url;
    private final String path;
    private final String host;
    private final Map<String, String> query;
    private final String title;
    private final String referrer;
    /** see {@link #memo}: page-rule results of one configuration, for this URL; shared with its retitled copies */
    private final Memo memo;

    /** The memo's array and the configuration it belongs to. */
    private static final class Memo {
        Object owner;
        byte[] results;
        /** {@link #campaignSource()}, once parsed (immutable; a racing thread parses it again) */
        CampaignSource campaign;
    }

    private PageInfo(String url, String path, String host, Map<String, String> query, String title, String referrer) {
        this(url, path, host, query, title, referrer, new Memo());
    }

    private PageInfo(String url, String path, String host, Map<String, String> query, String title, String referrer,
                     Memo memo) {
        this.memo = memo;
        this.url = url;
        this.path = path == null || path.isEmpty() ? "/" : path;
        this.host = host;
        this.query = query;
        this.title = title;
        this.referrer = referrer == null || referrer.isEmpty() ? null : referrer;
    }

    /**
     * The campaign parameters in this URL's query ({@link CampaignSource#of}), parsed on first use and kept
     * with the URL: a page the {@link PageCache} returns again does not parse them again.
     */
    public CampaignSource campaignSource() {
        CampaignSource c = memo.campaign;
        if (c == null) memo.campaign = c = CampaignSource.parse(this);
        return c;
    }

    /** Parses a page; a null page or URL gives {@link #EMPTY}'s path, host and query. Never throws. */
    public static PageInfo of(Page page) {
        if (page == null) return EMPTY;
        Parts url = split(page.url());
        return new PageInfo(page.url(), url.path, url.host, parseQuery(url.rawQuery), page.title(), page.referrer());
    }

    /**
     * This page's URL with another title and referrer, without parsing the URL again (the same URL is
     * reached from many referrers).
     */
    PageInfo retitled(String title, String referrer) {
        return new PageInfo(url, path, host, query, title, referrer, memo);
    }

    public String url() {
        return url;
    }

    public String path() {
        return path;
    }

    public String host() {
        return host;
    }

    public Map<String, String> query() {
        return query;
    }

    public String title() {
        return title;
    }

    public String referrer() {
        return referrer;
    }

    /**
     * A scratch array of {@code size} bytes for remembering what depends on this page's URL alone under one
     * configuration ({@code owner}): the decision keeps its page rules' results here, so a page served from
     * the {@link PageCache} evaluates each rule once. The array is shared with the copies of this page that
     * have another title or referrer (the same URL reached from another page): rules that read the title
     * must not be kept in it. A new owner gets a fresh, zeroed array. Not thread-safe: the pages of a
     * site's cache are used under the site's lock.
     */
    public byte[] memo(Object owner, int size) {
        if (this == EMPTY) return new byte[size]; // shared by every site and thread: never remember anything
        Memo m = memo;
        if (m.owner != owner || m.results == null || m.results.length != size) {
            m.results = new byte[size];
            m.owner = owner;
        }
        return m.results;
    }

    /** The referrer's host, parsed on each call; null when there is no referrer or it has no host. */
    public String referrerHost() {
        return referrer == null ? null : split(referrer).host;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageInfo p && Objects.equals(url, p.url) && Objects.equals(title, p.title)
                && Objects.equals(referrer, p.referrer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, title, referrer);
    }

    @Override
    public String toString() {
        return "PageInfo[url=" + url + ", path=" + path + ", host=" + host + ", query=" + query + ", title=" + title
                + ", referrer=" + referrer + "]";
    }

    /** Parses a bare URL (no title, no referrer). Never throws. */
    public static PageInfo ofUrl(String url) {
        return of(new Page(url, null, null));
    }

    /** The host of any URL, parsed as {@link #host} is; null when it has none. Never throws. */
    public static String hostOf(String url) {
        return split(url).host;
    }

    /**
     * The page field a {@code view} event reads as a property when it does not carry one of that name:
     * {@code url}, {@code path}, {@code host}, {@code title}, {@code referrer}; null for any other name.
     */
    public Object field(String name) {
        return switch (name) {
            case "url" -> url;
            case "path" -> path;
            case "host" -> host;
            case "title" -> title;
            case "referrer" -> referrer;
            default -> null;
        };
    }

    /** The first value of a query parameter, or null. */
    public String queryParameter(String name) {
        return query.get(name);
    }

    private record Parts(String host, String path, String rawQuery) {}

    private static final Parts NO_PARTS = new Parts(null, "/", null);

    private static Parts split(String url) {
        if (url == null) return NO_PARTS;
        String s = url.strip();
        if (s.isEmpty()) return NO_PARTS;
        int hash = s.indexOf('#');
        if (hash >= 0) s = s.substring(0, hash);
        int q = s.indexOf('?');
        String rawQuery = q >= 0 ? s.substring(q + 1) : null;
        String beforeQuery = q >= 0 ? s.substring(0, q) : s;
        // Browsers treat a backslash like a slash in special (http/https) URLs.
        beforeQuery = beforeQuery.replace('\\', '/');

        String host = null;
        String rawPath;
        int schemeEnd = schemeEnd(beforeQuery);
        String rest = schemeEnd > 0 ? beforeQuery.substring(schemeEnd + 1) : beforeQuery;
        if (rest.startsWith("//")) {
            int authorityEnd = rest.indexOf('/', 2);
            String authority = authorityEnd < 0 ? rest.substring(2) : rest.substring(2, authorityEnd);
            host = hostOfAuthority(authority);
            rawPath = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        } else if (schemeEnd > 0 && !rest.startsWith("/")) {
            // Opaque URL (about:blank, mailto:a@b, javascript:…): no host and no path worth matching.
            rawPath = "";
        } else {
            rawPath = rest;
        }
        String path = decode(rawPath, false);
        if (path.isEmpty()) path = "/";
        else if (path.charAt(0) != '/') path = "/" + path;
        return new Parts(host, path, rawQuery);
    }

    /** Index of the ':' ending a valid scheme (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )), else -1. */
    private static int schemeEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return i > 0 ? i : -1;
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) return -1;
        }
        return -1;
    }

    private static String hostOfAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String hp = at >= 0 ? authority.substring(at + 1) : authority;
        String host;
        if (hp.startsWith("[")) {
            int close = hp.indexOf(']');
            host = close < 0 ? hp : hp.substring(0, close + 1);
        } else {
            int colon = hp.indexOf(':');
            host = colon < 0 ? hp : hp.substring(0, colon);
        }
        host = decode(host, false).toLowerCase(Locale.ROOT);
        // "shop.example." is the same host as "shop.example"; domain lists are written without the dot.
        while (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        return host.isEmpty() ? null : host;
    }

    private static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            if (end > start) {
                String pair = raw.substring(start, end);
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                if (!name.isEmpty()) out.putIfAbsent(name, value);
            }
            if (amp < 0) break;
            start = amp + 1;
        }
        return out.isEmpty() ? Map.of() : Collections.unmodifiableMap(out);
    }

    /**
     * Percent-decodes as UTF-8. A '%' not followed by two hex digits stays as it is; byte sequences that are
     * not UTF-8 become U+FFFD, as browsers display them.
     */
    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) return s;
        StringBuilder out = new StringBuilder(s.length());
        byte[] bytes = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isEscape(s, i)) {
                // Collect a run of escapes first: one character may span several bytes (%E3%81%82).
                if (bytes == null) bytes = new byte[s.length() / 3];
                int n = 0;
                while (isEscape(s, i)) {
                    bytes[n++] = (byte) Integer.parseInt(s, i + 1, i + 3, 16);
                    i += 3;
                }
                // The String constructor substitutes U+FFFD for malformed input and never throws.
                out.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
            } else {
                out.append(plusIsSpace && c == '+' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int i) {
        return i < s.length() && s.charAt(i) == '%' && isHex(s, i + 1) && isHex(s, i + 2);
    }

    private static boolean isHex(String s, int i) {
        if (i >= s.length()) return false;
        char c = s.charAt(i);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
