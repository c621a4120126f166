package dev.omotenashi.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omotenashi.engine.Action;
import dev.omotenashi.engine.ClientContext;
import dev.omotenashi.engine.Page;
import dev.omotenashi.engine.TrackRequest;
import dev.omotenashi.engine.TrackResult;
import dev.omotenashi.engine.decision.Decision;
import dev.omotenashi.engine.decision.Outcome;
import dev.omotenashi.engine.decision.Reason;
import dev.omotenashi.engine.event.Event;
import dev.omotenashi.engine.profile.Profile;

import java.util.List;
import java.util.Objects;

/**
 * One browser on the demo shop, sending what the tag sends (tracking-protocol.md §1): a {@code view} with
 * {@code decide: true} on every page, custom events and action reports with {@code decide: false}, the
 * user id on every request once identified. Events are stamped with the shop clock's current time; the
 * browser's referrer on a page is the previous page of the shop, unless the test names one.
 *
 * <p>Not thread-safe: one test drives one visitor.
 */
public final class ShopVisitor {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Shop shop;
    private final String visitorId;
    private final ClientContext context;
    private String userId;
    private String currentUrl;
    private TrackResult lastResult;

    ShopVisitor(Shop shop, String visitorId, String userAgent, boolean mobile) {
        this.shop = shop;
        this.visitorId = visitorId;
        this.context = new ClientContext(userAgent, mobile, "ja-JP", "Asia/Tokyo");
    }

    public String id() {
        return visitorId;
    }

    // ---- page views ------------------------------------------------------------------------------

    /** Views a page of the shop ({@code /items/1?x=y}) coming from the previous one; returns the actions delivered. */
    public List<Action> view(String pathAndQuery) {
        return view(pathAndQuery, currentUrl, null);
    }

    /** Views a page arriving from the given referrer URL (an ad, a search engine; null for direct). */
    public List<Action> view(String pathAndQuery, String referrer) {
        return view(pathAndQuery, referrer, null);
    }

    /** Views a page whose {@code view} event carries properties (an item page: item_id, name, price, url, image). */
    public List<Action> viewWith(String pathAndQuery, ObjectNode viewProperties) {
        return view(pathAndQuery, currentUrl, viewProperties);
    }

    private List<Action> view(String pathAndQuery, String referrer, ObjectNode viewProperties) {
        Page page = new Page(Shop.ORIGIN + pathAndQuery, null, referrer);
        currentUrl = page.url();
        return send(page, event("view", viewProperties), null, true).actions();
    }

    // ---- events and identity ---------------------------------------------------------------------

    /** A custom event on the current page ({@code omotenashi('track', name, props)}), fire-and-forget. */
    public TrackResult track(String name, ObjectNode properties) {
        return send(currentPage(), event(name, properties), null, false);
    }

    public TrackResult track(String name) {
        return track(name, null);
    }

    /** A custom event on the current page that asks for actions, as the tag's {@code track} does. */
    public TrackResult trackDeciding(String name, ObjectNode properties) {
        return send(currentPage(), event(name, properties), null, true);
    }

    /** Identifies the visitor as a user ({@code omotenashi('identify', userId, traits)}); later requests carry the user id. */
    public TrackResult identify(String userId, ObjectNode traits) {
        this.userId = Objects.requireNonNull(userId, "userId");
        return send(currentPage(), event("identify", null), traits, false);
    }

    public TrackResult identify(String userId) {
        return identify(userId, null);
    }

    // ---- action reports (what the tag reports after rendering an action) -------------------------

    public TrackResult shown(Action action) {
        return report("_action_shown", action, null);
    }

    public TrackResult clicked(Action action) {
        return report("_action_clicked", action, null);
    }

    public TrackResult closed(Action action) {
        return report("_action_closed", action, null);
    }

    /** The trigger of a control-group action fired: nothing was shown, the visitor was exposed. */
    public TrackResult controlFired(Action action) {
        return report("_action_control", action, null);
    }

    /** Survey answers, as {@code "fields": {"height": 162}}. */
    public TrackResult submit(Action action, ObjectNode fields) {
        return report("_form_submitted", action, fields);
    }

    private TrackResult report(String name, Action action, ObjectNode fields) {
        ObjectNode props = NODES.objectNode()
                .put("campaign", action.campaign())
                .put("variant", action.variant())
                .put("action", action.action());
        if (fields != null) props.set("fields", fields);
        return send(currentPage(), event(name, props), null, false);
    }

    // ---- what the engine knows ---------------------------------------------------------------------

    /** The answer to the latest request of this browser. */
    public TrackResult lastResult() {
        return lastResult;
    }

    /**
     * Every event the engine took from the latest request, in order: what it journals (the request's events,
     * {@code _action_delivered}) followed by what it derived (event definitions, {@code _goal} conversions).
     */
    public List<Event> lastEvents() {
        return java.util.stream.Stream.concat(lastResult.recorded().stream(), lastResult.derived().stream()).toList();
    }

    /** The names of {@link #lastEvents()}. */
    public List<String> lastEventNames() {
        return lastEvents().stream().map(Event::name).toList();
    }

    /** The events of the latest request with the given name, journaled or derived. */
    public List<Event> lastEvents(String name) {
        return lastEvents().stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The derived events of the latest request with the given name ({@code sale_view}, {@code _goal}). */
    public List<Event> lastDerived(String name) {
        return lastResult.derived().stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The person's profile, or null when never seen. */
    public Profile profile() {
        return shop.engine().profile(visitorId);
    }

    /** What the decision would be on a page now, changing nothing. */
    public Decision explain(String pathAndQuery) {
        return shop.engine().explain(visitorId, new Page(Shop.ORIGIN + pathAndQuery, null, currentUrl));
    }

    /** Why the campaign would not be delivered on a page now; null when it would be. */
    public Reason whyNot(String campaign, String pathAndQuery) {
        Outcome o = explain(pathAndQuery).outcome(campaign);
        if (o == null) throw new AssertionError("explain() has no outcome for campaign " + campaign);
        return o.delivered() ? null : o.reason();
    }

    // ---- plumbing --------------------------------------------------------------------------------

    private Page currentPage() {
        return new Page(currentUrl, null, null);
    }

    private Event event(String name, ObjectNode properties) {
        return new Event(shop.nextEventId(), name, shop.clock().millis(), properties == null ? null : properties.deepCopy());
    }

    private TrackResult send(Page page, Event event, ObjectNode traits, boolean decide) {
        lastResult = shop.engine().track(new TrackRequest(visitorId, userId, traits, page, context, List.of(event), decide));
        return lastResult;
    }

    /** A JSON object from alternating keys and values (String, Number, Boolean, JsonNode). */
    public static ObjectNode props(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object v = keysAndValues[i + 1];
            switch (v) {
                case null -> o.putNull(key);
                case String s -> o.put(key, s);
                case Integer n -> o.put(key, n);
                case Long n -> o.put(key, n);
                case Double n -> o.put(key, n);
                case Boolean b -> o.put(key, b);
                case JsonNode n -> o.set(key, n);
                default -> throw new IllegalArgumentException("unsupported value " + v.getClass());
            }
        }
        return o;
    }

    @Override
    public String toString() {
        return "ShopVisitor[" + visitorId + (userId == null ? "" : ", user " + userId) + "]";
    }
}
