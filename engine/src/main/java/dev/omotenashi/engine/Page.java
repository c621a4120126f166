package dev.omotenashi.engine;

/**
 * The page a request comes from, as the tag reports it.
 *
 * @param url      absolute URL of the page ({@code https://shop.example/cart?x=1}); may be null for server-side events
 * @param title    document title, may be null
 * @param referrer document.referrer, may be null or empty
 */
public record Page(String url, String title, String referrer) {
    public static Page of(String url) {
        return new Page(url, null, null);
    }
}
