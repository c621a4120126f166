package dev.omotenashi.engine.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The campaign parameters a page carries: the five UTM parameters and at most one ad click id. A session
 * remembers the one its landing page carried ({@code session.utm_*}), and a page that arrives with a
 * different one starts a new session (config-language.md §2; see {@link #startsNewSessionFrom}).
 *
 * <p>Values are the decoded query values, trimmed; an empty or blank parameter counts as absent
 * ({@code ?utm_source=&gclid=} carries nothing). Parameter names are matched case-insensitively
 * ({@code UTM_Source}, Snapchat's {@code ScCid}); when a name appears twice the first occurrence wins, as in
 * {@link PageInfo#query()}.
 *
 * <p>Ad click ids, in the order they are looked for ({@link #AD_CLICK_IDS}): {@code gclid}, {@code gbraid},
 * {@code wbraid} (Google Ads), {@code dclid} (Google Display &amp; Video 360 / Campaign Manager),
 * {@code yclid} (Yahoo! JAPAN Ads, search and display; also Yandex Direct), {@code msclkid} (Microsoft
 * Advertising), {@code ldtag_cl} (LINE Ads), {@code twclid} (X Ads), {@code ttclid} (TikTok Ads),
 * {@code li_fat_id} (LinkedIn Ads), {@code sccid} (Snapchat Ads), {@code rdt_cid} (Reddit Ads).
 *
 * <p>{@code fbclid} is deliberately <em>not</em> an ad click id: Facebook and Instagram append it to every
 * outbound link, organic posts and shares included, so it says "came from Meta", not "clicked an ad"
 * (paid Meta traffic is recognised by its UTM medium, e.g. {@code paid_social}, or by the referrer as
 * social). Treating it as a click id would also start a new session whenever a visitor opens a shared
 * link, since every share gets a new value.
 *
 * @param utmSource   {@code utm_source}, or null
 * @param utmMedium   {@code utm_medium}, or null
 * @param utmCampaign {@code utm_campaign}, or null
 * @param utmTerm     {@code utm_term}, or null
 * @param utmContent  {@code utm_content}, or null
 * @param clickParam  name of the ad click id parameter found (lower case, from {@link #AD_CLICK_IDS}), or
 *                    null; non-null exactly when {@code clickId} is
 * @param clickId     its value, or null
 */
public record CampaignSource(String utmSource, String utmMedium, String utmCampaign, String utmTerm,
                             String utmContent, String clickParam, String clickId) {

    /** The ad click id parameters, in the order they are looked for (see the class documentation). */
    public static final List<String> AD_CLICK_IDS = List.of(
            "gclid", "gbraid", "wbraid", "dclid", "yclid", "msclkid", "ldtag_cl", "twclid", "ttclid",
            "li_fat_id", "sccid", "rdt_cid");

    /** No campaign parameters: what a direct visit, an organic search or a plain link carries. */
    public static final CampaignSource EMPTY = new CampaignSource(null, null, null, null, null, null, null);

    /** Size of {@link #toArray()}: the five UTM parameters and the click id. */
    public static final int ARRAY_LENGTH = 6;

    public CampaignSource {
        utmSource = clean(utmSource);
        utmMedium = clean(utmMedium);
        utmCampaign = clean(utmCampaign);
        utmTerm = clean(utmTerm);
        utmContent = clean(utmContent);
        clickParam = clean(clickParam);
        clickId = clean(clickId);
        if ((clickParam == null) != (clickId == null)) {
            throw new IllegalArgumentException("clickParam and clickId go together: " + clickParam + "=" + clickId);
        }
        if (clickParam != null) clickParam = clickParam.toLowerCase(Locale.ROOT);
    }

    /** The campaign parameters of a page; {@link #EMPTY} when it carries none. Never throws. */
    public static CampaignSource of(PageInfo page) {
        return page == null ? EMPTY : page.campaignSource();
    }

    /** What {@link #of} answers, parsed from the page's query ({@link PageInfo} keeps it, once per URL). */
    static CampaignSource parse(PageInfo page) {
        if (page.query().isEmpty()) return EMPTY;
        String[] utm = new String[5];
        String clickParam = null;
        String clickId = null;
        int clickRank = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : page.query().entrySet()) {
            String value = clean(e.getValue());
            if (value == null) continue;
            String name = e.getKey().toLowerCase(Locale.ROOT);
            int u = switch (name) {
                case "utm_source" -> 0;
                case "utm_medium" -> 1;
                case "utm_campaign" -> 2;
                case "utm_term" -> 3;
                case "utm_content" -> 4;
                default -> -1;
            };
            if (u >= 0) {
                if (utm[u] == null) utm[u] = value;
                continue;
            }
            int rank = AD_CLICK_IDS.indexOf(name);
            if (rank >= 0 && rank < clickRank) {
                clickRank = rank;
                clickParam = name;
                clickId = value;
            }
        }
        CampaignSource s = new CampaignSource(utm[0], utm[1], utm[2], utm[3], utm[4], clickParam, clickId);
        return s.isEmpty() ? EMPTY : s;
    }

    /** Whether the page carried no campaign parameter at all. */
    public boolean isEmpty() {
        return utmSource == null && utmMedium == null && utmCampaign == null && utmTerm == null
                && utmContent == null && clickId == null;
    }

    /** Whether an ad click id is present. */
    public boolean hasAdClickId() {
        return clickId != null;
    }

    /**
     * The rule "a page arrives with a different campaign source than the session started with": true when
     * this page's parameters are not empty and differ from {@code sessionStart}'s in any of the six values
     * (compared exactly, case-sensitively). A page without campaign parameters never starts a session this
     * way (internal navigation after an ad landing carries none), and the same parameters again do not
     * (reloading or going back to the landing page). A new click id value is a new ad click, hence a new
     * session, as in Google Analytics.
     *
     * @param sessionStart the parameters the current session started with; null is read as {@link #EMPTY}
     */
    public boolean startsNewSessionFrom(CampaignSource sessionStart) {
        return !isEmpty() && !equals(sessionStart == null ? EMPTY : sessionStart);
    }

    /**
     * The six values as an array, for compact storage in profiles: utm_source, utm_medium, utm_campaign,
     * utm_term, utm_content, then the click id as {@code name=value}; absent values are null. Null for
     * {@link #isEmpty() empty} so that sessions without campaign keep no array at all.
     */
    public String[] toArray() {
        if (isEmpty()) return null;
        return new String[]{utmSource, utmMedium, utmCampaign, utmTerm, utmContent,
                clickId == null ? null : clickParam + "=" + clickId};
    }

    /**
     * The inverse of {@link #toArray()}; null gives {@link #EMPTY}.
     *
     * @throws IllegalArgumentException when the array does not have {@link #ARRAY_LENGTH} elements or the
     *                                  click id is not {@code name=value}
     */
    public static CampaignSource fromArray(String[] values) {
        if (values == null) return EMPTY;
        if (values.length != ARRAY_LENGTH) {
            throw new IllegalArgumentException("expected " + ARRAY_LENGTH + " values, got " + values.length);
        }
        String click = values[5];
        String param = null;
        String id = null;
        if (click != null) {
            int eq = click.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("click id must be name=value: " + click);
            param = click.substring(0, eq);
            id = click.substring(eq + 1);
        }
        return new CampaignSource(values[0], values[1], values[2], values[3], values[4], param, id);
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
