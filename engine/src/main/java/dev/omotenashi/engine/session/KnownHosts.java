package dev.omotenashi.engine.session;

import java.util.Set;

/**
 * The referrer hosts that name a search engine, a social network or a webmail, for
 * {@link TrafficSourceClassifier}. The lists are documented (and must be kept in step) in docs/sessions.md.
 *
 * <p>Matching is by domain suffix on label boundaries, never by substring: {@code l.facebook.com} is
 * {@code facebook.com}, {@code notfacebook.com} and {@code facebook.com.evil.example} are not. Only hosts
 * are matched, never paths: browsers' default referrer policy ({@code strict-origin-when-cross-origin})
 * sends just the origin to other sites, so a path-based rule ({@code so-net.ne.jp/search}) could not work.
 *
 * <p>Android apps send {@code android-app://<package>/} as the referrer; its "host" is the package name,
 * so the packages of the Google app, Gmail, LINE and the big social apps are listed as exact hosts.
 *
 * <p>Immutable and thread-safe.
 */
final class KnownHosts {
    private KnownHosts() {}

    /** Webmail: a click from a mail read in the browser is an email visit. Suffix match. */
    static final Set<String> WEBMAIL = Set.of(
            "mail.google.com", "com.google.android.gm", "outlook.live.com", "outlook.office.com",
            "outlook.office365.com", "mail.yahoo.com", "mail.yahoo.co.jp", "mail.aol.com",
            "mail.smt.docomo.ne.jp", "mail.auone.jp");

    /**
     * Search engines, suffix match. Google is matched by {@link #isGoogleSearch} instead (every ccTLD), and
     * {@code search.yahoo.*} and {@code yandex.*} by {@link #brandSuffix}. All of {@code yahoo.co.jp} counts
     * as search (its portal is a search entry point, as Google Analytics counts it), except Yahoo! Mail,
     * which {@link #WEBMAIL} catches first.
     */
    static final Set<String> SEARCH = Set.of(
            "bing.com", "duckduckgo.com", "baidu.com", "search.naver.com", "ecosia.org", "yahoo.co.jp",
            "search.goo.ne.jp", "search.biglobe.ne.jp", "search.smt.docomo.ne.jp", "search.auone.jp",
            "sp-search.auone.jp", "websearch.rakuten.co.jp", "search.nifty.com", "search.brave.com",
            "startpage.com", "qwant.com", "kagi.com");

    /**
     * Search portals matched exactly, because their other subdomains host unrelated services or user
     * content (NAVER blogs, goo blogs), plus the Google app's Android package.
     */
    static final Set<String> SEARCH_EXACT = Set.of(
            "naver.com", "www.naver.com", "m.naver.com", "goo.ne.jp", "www.goo.ne.jp",
            "com.google.android.googlequicksearchbox");

    /**
     * Social networks, suffix match; {@code pinterest.*} is matched by {@link #brandSuffix}. Besides the
     * global networks this holds the Japanese ones marketers count as SNS: LINE, note, Ameba blogs, Hatena
     * Bookmark, mixi, niconico, Misskey.
     */
    static final Set<String> SOCIAL = Set.of(
            "facebook.com", "fb.com", "fb.me", "messenger.com", "instagram.com", "x.com", "twitter.com",
            "t.co", "line.me", "line.naver.jp", "youtube.com", "youtu.be", "tiktok.com", "pin.it",
            "linkedin.com", "lnkd.in", "reddit.com", "threads.net", "threads.com", "note.com", "ameblo.jp",
            "b.hatena.ne.jp", "mixi.jp", "nicovideo.jp", "bsky.app", "misskey.io");

    /** Android packages of social apps (android-app:// referrers), exact match. */
    static final Set<String> SOCIAL_EXACT = Set.of(
            "jp.naver.line.android", "com.facebook.katana", "com.instagram.android", "com.twitter.android",
            "com.google.android.youtube", "com.zhiliaoapp.musically", "com.pinterest", "com.linkedin.android",
            "com.reddit.frontpage");

    static boolean isWebmail(String host) {
        return matchesSuffix(host, WEBMAIL);
    }

    static boolean isSearch(String host) {
        return SEARCH_EXACT.contains(host) || matchesSuffix(host, SEARCH) || isGoogleSearch(host)
                || brandSuffix(host, "search.yahoo") != null || brandSuffix(host, "yandex") != null;
    }

    static boolean isSocial(String host) {
        return SOCIAL_EXACT.contains(host) || matchesSuffix(host, SOCIAL) || brandSuffix(host, "pinterest") != null;
    }

    /**
     * Google's search front ends on every ccTLD: {@code google.com}, {@code www.google.co.jp},
     * {@code images.google.de}. Other Google subdomains (mail, docs, sites, news) are not search.
     */
    static boolean isGoogleSearch(String host) {
        String sub = brandSuffix(host, "google");
        return sub != null && (sub.isEmpty() || sub.equals("www") || sub.equals("images") || sub.equals("m"));
    }

    /** Whether {@code host} is one of {@code domains} or a subdomain of one. */
    static boolean matchesSuffix(String host, Set<String> domains) {
        if (domains.contains(host)) return true;
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            if (domains.contains(host.substring(dot + 1))) return true;
        }
        return false;
    }

    /**
     * When {@code host} is {@code [sub.]brand.<suffix>} with a country-or-generic suffix ({@code com},
     * {@code jp}, {@code co.jp}, {@code com.br}), the part before {@code brand} ("" when none); else null.
     * The suffix shapes stand in for a public suffix list, which the engine does not carry: they cover
     * every ccTLD Google and Yahoo serve from without listing them.
     */
    static String brandSuffix(String host, String brand) {
        String label = brand + ".";
        for (int i = host.indexOf(label); i >= 0; i = host.indexOf(label, i + 1)) {
            if (i > 0 && host.charAt(i - 1) != '.') continue;   // "notgoogle.com" is not Google
            if (isCountryOrGenericSuffix(host.substring(i + label.length()))) {
                return i == 0 ? "" : host.substring(0, i - 1);
            }
        }
        return null;
    }

    private static boolean isCountryOrGenericSuffix(String s) {
        if (s.equals("com")) return true;
        if (isCountryCode(s)) return true;
        int dot = s.indexOf('.');
        if (dot < 0) return false;
        String second = s.substring(0, dot);
        return (second.equals("co") || second.equals("com")) && isCountryCode(s.substring(dot + 1));
    }

    private static boolean isCountryCode(String s) {
        return s.length() == 2 && Character.isLetter(s.charAt(0)) && Character.isLetter(s.charAt(1))
                && s.charAt(0) < 128 && s.charAt(1) < 128;
    }
}
