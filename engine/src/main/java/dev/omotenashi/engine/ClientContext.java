package dev.omotenashi.engine;

/**
 * What the client says about itself: the user agent (from the HTTP header or Segment's
 * {@code context.userAgent}) and the tag's hints.
 *
 * @param userAgent the User-Agent string, may be null
 * @param mobile    the tag's mobile hint (Client Hints {@code Sec-CH-UA-Mobile} or a touch/viewport check), may be null
 * @param lang      browser language ({@code ja-JP}), may be null
 * @param timezone  browser timezone ({@code Asia/Tokyo}), may be null
 */
public record ClientContext(String userAgent, Boolean mobile, String lang, String timezone) {
    public static final ClientContext EMPTY = new ClientContext(null, null, null, null);

    public static ClientContext ofUserAgent(String userAgent) {
        return new ClientContext(userAgent, null, null, null);
    }
}
