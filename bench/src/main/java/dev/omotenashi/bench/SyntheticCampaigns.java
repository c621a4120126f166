package dev.omotenashi.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Campaigns of the kind a busy shop runs beside the S01–S17 scenarios, to load the decision with more than
 * the scenarios' simple audiences. Ten families, five campaigns each (parameter {@code k} = 0…4), so that
 * 50 campaigns exercise every part of the configuration language the decision evaluates:
 *
 * <ol start="0">
 *   <li>visitor attributes (visits, membership) with a placeholder in the text;</li>
 *   <li>traffic source and landing path (session attributes), pages excluding the cart;</li>
 *   <li>device and session duration, with schedules by hours and weekdays;</li>
 *   <li>event counts over each scope ({@code 7d}, {@code 28d}, {@code today}, {@code session}, {@code all});</li>
 *   <li>property aggregates ({@code max}, {@code sum}, {@code avg}, {@code latest}, {@code min}) of cart and buy;</li>
 *   <li>{@code values} aggregates and event predicates with a {@code where} (derived events);</li>
 *   <li>action predicates on the scenarios' campaigns ({@code count} and {@code latest_at});</li>
 *   <li>page rules ({@code matches}, {@code in}, {@code page.query}, negations);</li>
 *   <li>segments, one of which refers to another;</li>
 *   <li>A/B variants with a control group, stop rules and a goal.</li>
 * </ol>
 *
 * <p>Templates cycle through all ten built-in ones, placeholders read attributes, traits and aggregates,
 * priorities interleave with the scenarios' (5…100), frequencies vary. Deterministic: the same
 * configuration every run. Stateless.
 */
final class SyntheticCampaigns {
    static final int FAMILIES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticCampaigns() {}

    /** {@code count} campaigns (families cycle) and the segments and event definitions they use. */
    static SiteConfig generate(int count) {
        List<JsonNode> campaigns = new ArrayList<>();
        for (int i = 0; i < count; i++) campaigns.add(parse(campaign(i)));
        return new SiteConfig(segments(), eventDefinitions(), campaigns);
    }

    private static List<JsonNode> segments() {
        return List.of(
                parse("""
                        {"id": "syn-heavy-browser", "name": "7日間で20PV以上",
                         "condition": {"event": "view", "scope": "7d", "agg": "count", "op": "gte", "value": 20}}"""),
                parse("""
                        {"id": "syn-cart-no-buy", "name": "28日以内にカート投入、購入なし",
                         "condition": {"all": [
                           {"event": "cart", "scope": "28d", "agg": "count", "op": "gte", "value": 1},
                           {"event": "buy", "scope": "28d", "agg": "count", "op": "eq", "value": 0}]}}"""),
                parse("""
                        {"id": "syn-from-ads", "name": "広告流入",
                         "condition": {"any": [
                           {"attr": "session.source", "op": "eq", "value": "ad"},
                           {"attr": "session.utm_medium", "op": "in", "value": ["cpc", "display", "paid_social"]}]}}"""),
                parse("""
                        {"id": "syn-loyal-member", "name": "5回以上来店の会員",
                         "condition": {"all": [
                           {"attr": "visitor.is_member", "op": "eq", "value": true},
                           {"attr": "visitor.visits", "op": "gte", "value": 5}]}}"""),
                parse("""
                        {"id": "syn-sale-fan", "name": "セールをよく見るヘビーユーザー",
                         "condition": {"all": [
                           {"segment": "syn-heavy-browser"},
                           {"event": "sale_view", "scope": "28d", "agg": "count", "op": "gte", "value": 2}]}}"""));
    }

    private static List<JsonNode> eventDefinitions() {
        return List.of(parse("""
                {"name": "staff_view", "from": "view",
                 "where": {"attr": "page.path", "op": "starts_with", "value": "/staff/"}}"""));
    }

    /** Every built-in template; modal ones (one per page view) more often, as shops use them most. */
    private static final String[] TEMPLATES = {"popup", "banner", "coupon", "slide_in", "recommendation", "popup",
            "notice_bar", "survey", "coupon", "call_button", "popup", "chat_invite", "html", "recommendation"};

    private static String campaign(int i) {
        int family = i % FAMILIES;
        int k = (i / FAMILIES) % 5;
        String id = "syn-" + family + "-" + k;
        int priority = 1 + (i * 37) % 95;
        String template = TEMPLATES[(i * 3 + k) % TEMPLATES.length];
        String text = text(family, k);
        String audience = audience(family, k);
        String pages = pages(family, k);
        String extra = extra(family, k, template, text);
        StringBuilder json = new StringBuilder();
        json.append("{\"id\": \"").append(id).append("\", \"name\": \"synthetic ").append(family).append('/').append(k)
                .append("\", \"status\": \"live\"");
        if (audience != null) json.append(", \"audience\": ").append(audience);
        if (pages != null) json.append(", \"pages\": ").append(pages);
        json.append(", \"priority\": ").append(priority);
        json.append(extra);
        json.append('}');
        return json.toString();
    }

    /** A text with a placeholder that fits the family (each with a default, so content is rarely suppressed). */
    private static String text(int family, int k) {
        return switch (family) {
            case 0 -> "{{ visitor.visits }}回目のご来店ありがとうございます";
            case 1 -> "{{ session.referrer_host ?? 'ブックマーク' }}からお越しのお客様へ";
            case 2 -> "ご覧いただき{{ (session.duration / 60) ?? 0 }}分になります";
            case 3 -> "最近{{ event.view.count }}ページご覧いただきました";
            case 4 -> "カート金額{{ event.cart.in_cart_price.max ?? 0 }}円のお客様へ";
            case 5 -> "「{{ event.search.query.latest ?? 'おすすめ' }}」の新着があります";
            case 6 -> "{{ user.member_rank ?? 'ゲスト' }}様へのご案内";
            case 7 -> "{{ page.path }}をご覧のお客様へ";
            case 8 -> "{{ visitor.is_member ? '会員様' : 'ゲスト様' }}限定のお知らせ";
            default -> "今なら{{ 1000 + 100 * " + k + " }}円OFF";
        };
    }

    private static String audience(int family, int k) {
        return switch (family) {
            case 0 -> """
                    {"all": [{"attr": "visitor.visits", "op": "gte", "value": %d},
                             {"attr": "visitor.is_member", "op": "eq", "value": %s}]}"""
                    .formatted(2 + k, k % 2 == 0 ? "false" : "true");
            case 1 -> """
                    {"all": [{"attr": "session.source", "op": "eq", "value": "%s"},
                             {"attr": "session.landing_path", "op": "starts_with", "value": "%s"}]}"""
                    .formatted(new String[]{"search", "social", "referral", "email", "ad"}[k],
                            new String[]{"/items/", "/", "/staff/", "/sale/", "/"}[k]);
            case 2 -> """
                    {"all": [{"attr": "session.device", "op": "eq", "value": "%s"},
                             {"attr": "session.duration", "op": "gte", "value": %d}]}"""
                    .formatted(new String[]{"smartphone", "pc", "tablet", "smartphone", "pc"}[k], 60 * (k + 1));
            case 3 -> """
                    {"event": "view", "scope": "%s", "agg": "count", "op": "gte", "value": %d}"""
                    .formatted(new String[]{"7d", "28d", "today", "session", "all"}[k], 5 + 5 * k);
            case 4 -> switch (k) {
                case 0 -> """
                        {"event": "cart", "property": "in_cart_price", "agg": "max", "op": "gte", "value": 10000}""";
                case 1 -> """
                        {"event": "buy", "scope": "28d", "property": "price", "agg": "sum", "op": "gte", "value": 20000}""";
                case 2 -> """
                        {"event": "cart", "scope": "session", "property": "in_cart_price", "agg": "avg", "op": "between", "value": [3000, 8000]}""";
                case 3 -> """
                        {"all": [{"event": "buy", "property": "price", "agg": "latest", "op": "gte", "value": 5000},
                                 {"event": "buy", "scope": "7d", "agg": "count", "op": "lte", "value": 1}]}""";
                default -> """
                        {"event": "cart", "scope": "previous_session", "property": "in_cart_price", "agg": "min", "op": "lt", "value": 2000}""";
            };
            case 5 -> switch (k) {
                case 0 -> """
                        {"event": "favorite", "property": "item_id", "agg": "values", "op": "in", "value": ["1", "2", "3", "5", "8"]}""";
                case 1 -> """
                        {"event": "search", "property": "query", "agg": "latest", "op": "contains", "value": "コート"}""";
                case 2 -> """
                        {"event": "view", "scope": "session", "agg": "count", "op": "gte", "value": 3,
                         "where": {"prop": "path", "op": "starts_with", "value": "/items/"}}""";
                case 3 -> """
                        {"event": "view", "scope": "7d", "agg": "count", "op": "gte", "value": 2,
                         "where": {"prop": "path", "op": "eq", "value": "/cart"}}""";
                default -> """
                        {"event": "search", "property": "query", "agg": "values", "op": "contains", "value": "ワンピース"}""";
            };
            case 6 -> switch (k) {
                case 0 -> """
                        {"all": [{"action": "welcome-first-visit", "metric": "shown", "scope": "all", "agg": "count", "op": "gte", "value": 1},
                                 {"attr": "visitor.visits", "op": "gte", "value": 2}]}""";
                case 1 -> """
                        {"action": "member-registration", "metric": "closed", "scope": "all", "agg": "count", "op": "gte", "value": 1}""";
                case 2 -> """
                        {"action": "signup-coupon", "metric": "delivered", "scope": "all", "agg": "latest_at", "op": "within_last", "value": "PT30M"}""";
                case 3 -> """
                        {"action": "sale-guidance", "metric": "shown", "scope": "today", "agg": "count", "op": "gte", "value": 2}""";
                default -> """
                        {"all": [{"action": "item-page-message", "metric": "clicked", "scope": "session", "agg": "count", "op": "eq", "value": 0},
                                 {"attr": "session.pv", "op": "gte", "value": 4}]}""";
            };
            case 7 -> k % 2 == 0 ? """
                    {"attr": "visitor.visits", "op": "gte", "value": %d}""".formatted(2 + k) : """
                    {"attr": "visitor.is_member", "op": "eq", "value": false}""";
            case 8 -> {
                String segment = new String[]{"syn-heavy-browser", "syn-cart-no-buy", "syn-from-ads", "syn-loyal-member", "syn-sale-fan"}[k];
                yield k % 2 == 0 ? "{\"segment\": \"" + segment + "\"}" : """
                        {"all": [{"segment": "%s"}, {"not": {"event": "staff_view", "agg": "count", "op": "gte", "value": 3}}]}"""
                        .formatted(segment);
            }
            default -> """
                    {"any": [{"attr": "session.pv", "op": "gte", "value": %d},
                             {"event": "favorite", "scope": "session", "agg": "count", "op": "gte", "value": 1},
                             {"attr": "user.member_rank", "op": "in", "value": ["silver", "gold"]}]}"""
                    .formatted(3 + k);
        };
    }

    private static String pages(int family, int k) {
        if (family == 7) {
            return switch (k) {
                case 0 -> """
                        {"attr": "page.path", "op": "matches", "value": "^/items/[0-9]+$"}""";
                case 1 -> """
                        {"attr": "page.query.category", "op": "in", "value": ["dress", "coat", "knit"]}""";
                case 2 -> """
                        {"attr": "page.path", "op": "in", "value": ["/cart", "/mypage"]}""";
                case 3 -> """
                        {"all": [{"attr": "page.path", "op": "starts_with", "value": "/staff/"},
                                 {"not": {"attr": "page.path", "op": "eq", "value": "/staff/1"}}]}""";
                default -> """
                        {"all": [{"attr": "page.url", "op": "contains", "value": "utm_"},
                                 {"attr": "page.host", "op": "eq", "value": "shop.example"}]}""";
            };
        }
        return switch ((family + k) % 4) {
            case 0 -> """
                    {"not": {"attr": "page.path", "op": "eq", "value": "/cart"}}""";
            case 1 -> """
                    {"all": [{"not": {"attr": "page.path", "op": "starts_with", "value": "/signup"}},
                             {"not": {"attr": "page.path", "op": "eq", "value": "/request"}}]}""";
            default -> null;
        };
    }

    /** Creative (or variants), frequency, stop, goal, control, schedule and trigger, as ", field: ..." text. */
    private static String extra(int family, int k, String template, String text) {
        StringBuilder out = new StringBuilder();
        if (family == 9) {
            out.append(", \"variants\": [")
                    .append("{\"id\": \"a\", \"weight\": 1, \"creative\": ").append(creative(template, text, 0)).append("}, ")
                    .append("{\"id\": \"b\", \"weight\": 2, \"creative\": ").append(creative(TEMPLATES[(k + 4) % TEMPLATES.length], text, 1)).append("}]");
            out.append(", \"control\": {\"percent\": 10}");
            out.append(", \"stop\": {\"after_closes\": 2, \"after_goal\": true}");
            out.append(", \"goal\": {\"event\": \"buy\", \"window\": \"P7D\"}");
        } else {
            out.append(", \"creative\": ").append(creative(template, text, k));
        }
        // mostly the default (once per session), as operators leave it; the scenarios have the per-pageview ones
        out.append(", \"frequency\": ").append(switch ((family + k) % 4) {
            case 1 -> "{\"per\": \"day\", \"max\": 1}";
            case 2 -> "{\"per\": \"user\", \"max\": 2}";
            default -> "{\"per\": \"session\", \"max\": 1}";
        });
        if (family == 2) {
            out.append(k % 2 == 0
                    ? ", \"schedule\": {\"hours\": {\"from\": \"09:00\", \"to\": \"23:00\"}}"
                    : ", \"schedule\": {\"start\": \"2026-11-01T00:00:00+09:00\", \"days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]}");
        }
        if (family == 4 || family == 6) out.append(", \"stop\": {\"after_shows\": 5, \"period\": \"day\"}");
        if (family == 1) out.append(", \"goal\": {\"event\": \"cart\", \"window\": \"session\"}");
        // mostly on load, as most campaigns are; one in five waits for a delay or a scroll, two ask for exit intent
        out.append(", \"trigger\": ").append(family == 5 && k == 0 || family == 9 && k == 3 ? "{\"on\": \"exit_intent\"}"
                : switch (k) {
                    case 3 -> "{\"on\": \"delay\", \"seconds\": 5}";
                    case 4 -> "{\"on\": \"scroll\", \"percent\": 50}";
                    default -> "{\"on\": \"load\"}";
                });
        return out.toString();
    }

    /** A creative of the template whose content carries the family's text where the template has text. */
    private static String creative(String template, String text, int k) {
        String t = jsonString(text);
        String content = switch (template) {
            case "popup" -> "{\"title\": " + t + ", \"text\": \"詳しくはこちら\", \"link\": \"/sale/winter\"}";
            case "banner" -> "{\"text\": " + t + ", \"link\": \"/items\", \"position\": \"bottom\"}";
            case "slide_in" -> "{\"title\": " + t + ", \"text\": \"今だけの特典です\", \"link\": \"/feature/" + k + "\"}";
            case "notice_bar" -> "{\"text\": " + t + ", \"link\": \"/guide\"}";
            case "coupon" -> "{\"title\": " + t + ", \"text\": \"お会計時にコードを入力\", \"code\": \"SYN" + (100 + k) + "\"}";
            case "survey" -> "{\"title\": " + t + ", \"fields\": [{\"name\": \"age\", \"label\": \"年代\", \"type\": \"select\", "
                    + "\"options\": [\"10代\", \"20代\", \"30代\", \"40代以上\"], \"trait\": \"age_group\"}], \"submit_text\": \"送信\"}";
            case "recommendation" -> "{\"title\": " + t + ", \"source\": \"" + new String[]{"mixed", "recent", "popular"}[k % 3]
                    + "\", \"limit\": " + (3 + k) + "}";
            case "call_button" -> "{\"text\": " + t + ", \"tel\": \"0120-000-00" + k + "\"}";
            case "chat_invite" -> "{\"title\": " + t + ", \"text\": \"スタッフがお答えします\", \"operator_name\": \"佐藤\"}";
            default -> "{\"html\": " + jsonString("<div class=\"syn\"><strong>" + text + "</strong></div>") + "}";
        };
        return "{\"template\": \"" + template + "\", \"content\": " + content + "}";
    }

    private static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("synthetic configuration does not parse: " + json, e);
        }
    }
}
