package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.condition.ConditionParser.Context;
import dev.omotenashi.engine.config.Json;
import dev.omotenashi.engine.profile.Agg;
import dev.omotenashi.engine.profile.AggregateKey;
import dev.omotenashi.engine.profile.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An event predicate with a where reads a derived event that the engine records for it. */
class DerivedEventTest {
    private static final String VIEWED_CAMPAIGN_PAGE_3_TIMES =
            "{'event': 'view', 'where': {'prop': 'path', 'op': 'eq', 'value': '/campaign'}, 'agg': 'count', 'op': 'gte', 'value': 3}";

    private static Condition parse(String json) {
        return ConditionParser.parse(Json.parse(json), Context.AUDIENCE);
    }

    @Test
    void aWhereCompilesIntoADerivedEventWhoseAggregatesThePredicateReads() {
        ConditionCompiler compiler = ConditionCompiler.withoutSegments();
        Predicate p = compiler.compile(parse(VIEWED_CAMPAIGN_PAGE_3_TIMES));

        assertThat(compiler.derivedEvents()).singleElement().satisfies(d -> {
            assertThat(d.from()).isEqualTo("view");
            assertThat(d.name()).matches("view~[0-9a-f]{12}");
            assertThat(d.synthetic()).isTrue();
            assertThat(d.where().test(FakeFacts.at(0).prop("path", "/campaign"))).isTrue();
            assertThat(d.where().test(FakeFacts.at(0).prop("path", "/other"))).isFalse();
        });
        String derived = compiler.derivedEvents().get(0).name();
        assertThat(compiler.requiredAggregates()).containsExactly(new AggregateKey(derived, null, Scope.ALL, Agg.COUNT));
        assertThat(p.test(FakeFacts.at(0).agg(derived, null, Scope.ALL, Agg.COUNT, 3.0))).isTrue();
        assertThat(p.test(FakeFacts.at(0).agg("view", null, Scope.ALL, Agg.COUNT, 3.0))).isFalse();
    }

    @Test
    void theSyntheticNameIsStable() {
        // Profiles keep aggregates under this name: if this test fails, the canonical form changed and the
        // counts kept for every existing where clause would be orphaned. Change it only with a migration.
        Condition where = ((Condition.EventPredicate) parse(VIEWED_CAMPAIGN_PAGE_3_TIMES)).where();
        assertThat(ConditionCompiler.derivedName("view", where)).isEqualTo("view~ceab5aa04d80");
    }

    @Test
    void equalWhereClausesShareOneDerivedEventHoweverSpelt() {
        ConditionCompiler compiler = ConditionCompiler.withoutSegments();
        compiler.compile(parse("{'event': 'view', 'where': {'prop': 'n', 'op': 'eq', 'value': 3}, 'op': 'gte', 'value': 1}"));
        compiler.compile(parse("{'event': 'view', 'scope': 'session', 'where': {'prop': 'n', 'op': 'eq', 'value': 3.0, 'ignore_case': false}, "
                + "'agg': 'count', 'op': 'eq', 'value': 0}"));
        assertThat(compiler.derivedEvents()).hasSize(1);
        assertThat(compiler.requiredAggregates()).hasSize(2);
    }

    @Test
    void differentWhereClausesOrSourcesGetDifferentNames() {
        Condition where1 = ((Condition.EventPredicate) parse("{'event': 'view', 'where': {'prop': 'path', 'op': 'eq', 'value': '/a'}, 'op': 'exists'}")).where();
        Condition where2 = ((Condition.EventPredicate) parse("{'event': 'view', 'where': {'prop': 'path', 'op': 'eq', 'value': '/b'}, 'op': 'exists'}")).where();
        assertThat(ConditionCompiler.derivedName("view", where1)).isNotEqualTo(ConditionCompiler.derivedName("view", where2));
        assertThat(ConditionCompiler.derivedName("view", where1)).isNotEqualTo(ConditionCompiler.derivedName("cart", where1));
    }

    @Test
    void anEventDefinitionCompilesToADerivedEventUnderItsOwnName() {
        ConditionCompiler compiler = ConditionCompiler.withoutSegments();
        DerivedEvent saleView = compiler.derive("sale_view", "view",
                ConditionParser.parse(Json.parse("{'attr': 'page.path', 'op': 'starts_with', 'value': '/sale'}"), Context.DEFINITION_WHERE));
        assertThat(saleView.synthetic()).isFalse();
        assertThat(saleView.where().test(FakeFacts.at(0).attr("page.path", "/sale/winter"))).isTrue();
        assertThat(saleView.where().test(FakeFacts.at(0).attr("page.path", "/items/1"))).isFalse();
        assertThat(compiler.derivedEvents()).isEmpty();
        assertThat(compiler.requiredAggregates()).isEmpty();
    }
}
