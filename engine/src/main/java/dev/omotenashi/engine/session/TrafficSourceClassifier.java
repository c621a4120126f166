package dev.omotenashi.engine.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides a session's {@link TrafficSource} from its landing page (config-language.md §2). The first rule
 * that holds wins:
 * <ol>
 *   <li>{@code ad}: an ad click id is present ({@link CampaignSource#AD_CLICK_IDS}), or {@code utm_medium} is
 *       a paid medium: cpc, ppc, paid, paidsearch, display, cpm, banner, paid_social (the spec's list), also
 *       cpv, cpa, ad, ads, retargeting, and anything starting with {@code paid} (Google Analytics' rule).</li>
 *   <li>{@code email}: {@code utm_medium} is email, e-mail, mail, newsletter, or a Japanese mail-magazine
 *       spelling (mailmagazine, mailmag, melmaga, merumaga).</li>
 *   <li>{@code social}: {@code utm_medium} is social, sns, social-network, social-media or sm, or
 *       {@code utm_source} names a social network ({@code line}, {@code instagram}, {@code x},
 *       {@code facebook.com} ...).</li>
 *   <li>{@code search}: {@code utm_medium} is organic.</li>
 *   <li>By the external referrer: a webmail is {@code email}, a search engine {@code search}, a social network
 *       {@code social} (lists in {@link KnownHosts} and docs/sessions.md), any other host {@code referral}.</li>
 *   <li>{@code direct} otherwise, including when the referrer is internal.</li>
 * </ol>
 * Media and source names are compared ignoring case and the separators {@code -}, {@code _}, space and
 * {@code .} (so {@code Paid-Social}, {@code paid_social} and {@code paidsocial} are one medium).
 *
 * <p>Why UTM parameters may say social and search: in-app browsers (LINE, Instagram, X) and app-to-browser
 * hand-offs usually send no referrer at all, so a link a shop posts on its LINE official account, tagged
 * {@code utm_source=line}, would otherwise count as direct. An explicit tag is the operator's own statement
 * of where the link was placed, so it outranks the referrer.
 *
 * <p>A referrer is internal, and ignored, when its host is one of the site's domains or a subdomain of one.
 * Stateless and thread-safe.
 */
public final class TrafficSourceClassifier {
    private TrafficSourceClassifier() {}

    private static final Set<String> PAID_MEDIA = Set.of(
            "cpc", "ppc", "paid", "paidsearch", "display", "cpm", "banner", "paidsocial",
            "cpv", "cpa", "ad", "ads", "retargeting");
    private static final Set<String> EMAIL_MEDIA = Set.of(
            "email", "mail", "newsletter", "mailmagazine", "mailmag", "melmaga", "merumaga");
    private static final Set<String> SOCIAL_MEDIA = Set.of(
            "social", "sns", "socialnetwork", "socialmedia", "sm");
    private static final Set<String> SEARCH_MEDIA = Set.of("organic");
    /** utm_source values naming a social network without a domain; a source with a dot is matched as a host. */
    private static final Set<String> SOCIAL_SOURCES = Set.of(
            "facebook", "fb", "instagram", "ig", "line", "x", "twitter", "youtube", "tiktok", "pinterest",
            "linkedin", "reddit", "threads", "note", "ameba", "ameblo", "mixi", "niconico", "bluesky", "misskey");

    /**
     * The traffic source of a session starting on a page with these campaign parameters and referrer.
     *
     * @param campaign     the landing page's campaign parameters; null is read as {@link CampaignSource#EMPTY}
     * @param referrerHost the referrer's host ({@link PageInfo#referrerHost()}), or null
     * @param siteDomains  the site's own domains (SiteSettings.domains()); a referrer on one of them or on a
     *                     subdomain is internal. Entries may be written {@code Shop.Example},
     *                     {@code *.shop.example}, {@code .shop.example} or with a port; null or empty: none
     * @return never null
     */
    public static TrafficSource classify(CampaignSource campaign, String referrerHost,
                                         Collection<String> siteDomains) {
        CampaignSource c = campaign == null ? CampaignSource.EMPTY : campaign;
        String medium = normalize(c.utmMedium());
        if (c.hasAdClickId() || (medium != null && (PAID_MEDIA.contains(medium) || medium.startsWith("paid")))) {
            return TrafficSource.AD;
        }
        if (medium != null && EMAIL_MEDIA.contains(medium)) return TrafficSource.EMAIL;
        if ((medium != null && SOCIAL_MEDIA.contains(medium)) || isSocialSource(c.utmSource())) {
            return TrafficSource.SOCIAL;
        }
        if (medium != null && SEARCH_MEDIA.contains(medium)) return TrafficSource.SEARCH;

        String host = externalHost(referrerHost, siteDomains);
        if (host == null) return TrafficSource.DIRECT;
        if (KnownHosts.isWebmail(host)) return TrafficSource.EMAIL;
        if (KnownHosts.isSearch(host)) return TrafficSource.SEARCH;
        if (KnownHosts.isSocial(host)) return TrafficSource.SOCIAL;
        return TrafficSource.REFERRAL;
    }

    /**
     * The traffic source of a session starting on this page. Besides {@code siteDomains}, the page's own host
     * counts as internal (and, when it starts with {@code www.}, the domain below it), so a site whose domains
     * are not configured does not count its own pages as referrals. A null page is {@link PageInfo#EMPTY}.
     */
    public static TrafficSource classify(PageInfo page, Collection<String> siteDomains) {
        if (page == null) page = PageInfo.EMPTY;
        return classify(CampaignSource.of(page), page.referrerHost(), withPageHost(page, siteDomains));
    }

    /**
     * The referrer host a session records as {@code session.referrer_host}: the page's referrer host when it
     * is external (judged as in {@link #classify(PageInfo, Collection)}), else null (also for a null page).
     */
    public static String externalReferrerHost(PageInfo page, Collection<String> siteDomains) {
        if (page == null) return null;
        return externalHost(page.referrerHost(), withPageHost(page, siteDomains));
    }

    /**
     * Whether {@code host} is one of the site's domains or a subdomain of one (entries normalised as in
     * {@link #classify(CampaignSource, String, Collection)}). A null host is not internal.
     */
    public static boolean isInternal(String host, Collection<String> siteDomains) {
        if (host == null || siteDomains == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : siteDomains) {
            String d = normalizeDomain(entry);
            if (d != null && isDomainOrSubdomain(h, d)) return true;
        }
        return false;
    }

    /** {@code host} is {@code domain} or ends with {@code "." + domain} (without building that string). */
    private static boolean isDomainOrSubdomain(String host, String domain) {
        int cut = host.length() - domain.length();
        return cut == 0 ? host.equals(domain) : cut > 0 && host.charAt(cut - 1) == '.' && host.endsWith(domain);
    }

    private static String externalHost(String referrerHost, Collection<String> siteDomains) {
        if (referrerHost == null || referrerHost.isEmpty()) return null;
        String host = referrerHost.toLowerCase(Locale.ROOT);
        return isInternal(host, siteDomains) ? null : host;
    }

    private static Collection<String> withPageHost(PageInfo page, Collection<String> siteDomains) {
        String host = page.host();
        if (host == null) return siteDomains;
        List<String> all = new ArrayList<>(siteDomains == null ? List.of() : siteDomains);
        // www.shop.example and shop.example (and its other subdomains) are one site in practice.
        all.add(host.startsWith("www.") && host.indexOf('.', 4) > 0 ? host.substring(4) : host);
        return all;
    }

    private static String normalizeDomain(String entry) {
        if (entry == null) return null;
        String d = entry.strip().toLowerCase(Locale.ROOT);
        if (d.contains("/")) d = PageInfo.hostOf(d.contains("//") ? d : "//" + d);   // a URL was configured
        if (d == null) return null;
        if (d.startsWith("*.")) d = d.substring(2);
        while (d.startsWith(".")) d = d.substring(1);
        int colon = d.lastIndexOf(':');
        if (colon > 0 && d.indexOf(']') < colon) d = d.substring(0, colon);
        while (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        return d.isEmpty() ? null : d;
    }

    private static boolean isSocialSource(String utmSource) {
        String s = utmSource == null ? null : utmSource.strip().toLowerCase(Locale.ROOT);
        if (s == null || s.isEmpty()) return false;
        if (s.indexOf('.') > 0) {
            // utm_source=facebook.com or l.instagram.com: a host; judge it as a referrer would be.
            return KnownHosts.isSocial(s);
        }
        return SOCIAL_SOURCES.contains(normalize(s));
    }

    /** Lower case without the separators people vary in UTM values: "Paid-Social" is "paidsocial". */
    private static String normalize(String value) {
        if (value == null) return null;
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-' || c == '_' || c == ' ' || c == '.') continue;
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
