package dev.omotenashi.engine.recommend;

/**
 * What the site knows of one item, from the latest {@code view} event that carried it (or the catalog).
 * Values are raw: they are escaped when rendered into a page.
 */
public record Item(String itemId, String name, Double price, String url, String image) {
}
