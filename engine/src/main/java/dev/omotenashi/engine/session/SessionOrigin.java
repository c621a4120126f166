package dev.omotenashi.engine.session;

import java.util.Collection;
import java.util.Objects;

/**
 * How a session began: what its {@code session.source}, {@code session.utm_*}, {@code session.referrer_host},
 * {@code session.landing_path} and {@code session.device} attributes hold for its whole life
 * (config-language.md §2). Computed once, from the first page of the session.
 *
 * @param source       the traffic source, never null
 * @param campaign     the landing page's campaign parameters, never null ({@link CampaignSource#EMPTY} when none);
 *                     later pages are compared with it by {@link SessionBoundary}
 * @param referrerHost the external referrer's host, or null when there was none or it was internal
 * @param landingPath  the landing page's decoded path, never null
 * @param device       the device class, never null
 */
public record SessionOrigin(TrafficSource source, CampaignSource campaign, String referrerHost, String landingPath,
                            DeviceClass device) {
    public SessionOrigin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(device, "device");
        if (campaign == null) campaign = CampaignSource.EMPTY;
        if (landingPath == null || landingPath.isEmpty()) landingPath = "/";
    }

    /**
     * The origin of a session whose first page is {@code landing}. The device is passed in, already
     * classified (see {@link DeviceClassifier}), so this stays cheap and free of Yauaa.
     *
     * @param siteDomains the site's own domains; the landing page's host counts as internal too (see
     *                    {@link TrafficSourceClassifier#classify(PageInfo, Collection)})
     */
    public static SessionOrigin of(PageInfo landing, DeviceClass device, Collection<String> siteDomains) {
        PageInfo page = landing == null ? PageInfo.EMPTY : landing;
        return new SessionOrigin(TrafficSourceClassifier.classify(page, siteDomains), CampaignSource.of(page),
                TrafficSourceClassifier.externalReferrerHost(page, siteDomains), page.path(), device);
    }
}
