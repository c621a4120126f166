package dev.omotenashi.engine.condition;

import dev.omotenashi.engine.condition.ConditionParser.Context;
import dev.omotenashi.engine.config.Json;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Segment references compile to the referenced segment's predicate, once. */
class SegmentReferenceCompilationTest {
    private final Map<String, Condition> segments = new HashMap<>();
    private final Map<String, Integer> lookups = new HashMap<>();

    private ConditionCompiler compiler() {
        return new ConditionCompiler(id -> {
            lookups.merge(id, 1, Integer::sum);
            return segments.get(id);
        });
    }

    private static Condition parse(String json) {
        return ConditionParser.parse(Json.parse(json), Context.AUDIENCE);
    }

    @Test
    void aReferenceEvaluatesTheReferencedSegment() {
        segments.put("gold", parse("{'attr': 'user.member_rank', 'op': 'eq', 'value': 'gold'}"));
        Predicate p = compiler().compile(parse("{'all': [{'segment': 'gold'}, {'attr': 'session.pv', 'op': 'gte', 'value': 2}]}"));
        assertThat(p.test(FakeFacts.at(0).attr("user.member_rank", "gold").attr("session.pv", 2.0))).isTrue();
        assertThat(p.test(FakeFacts.at(0).attr("user.member_rank", "silver").attr("session.pv", 2.0))).isFalse();
    }

    @Test
    void eachSegmentIsCompiledOnceAndShared() {
        segments.put("gold", parse("{'attr': 'user.member_rank', 'op': 'eq', 'value': 'gold'}"));
        segments.put("gold-buyer", parse("{'all': [{'segment': 'gold'}, {'event': 'buy', 'op': 'gte', 'value': 1}]}"));
        ConditionCompiler compiler = compiler();
        compiler.compile(parse("{'any': [{'segment': 'gold'}, {'segment': 'gold-buyer'}, {'not': {'segment': 'gold'}}]}"));
        assertThat(compiler.segment("gold")).isSameAs(compiler.segment("gold"));
        assertThat(lookups).containsEntry("gold", 1).containsEntry("gold-buyer", 1);
    }

    @Test
    void unknownSegmentsAndCyclesAreProgrammingErrorsHere() {
        // ConfigSet rejects both when saving; the compiler refuses them rather than looping or guessing.
        assertThatThrownBy(() -> compiler().compile(parse("{'segment': 'ghost'}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ghost");
        segments.put("a", parse("{'segment': 'b'}"));
        segments.put("b", parse("{'segment': 'a'}"));
        assertThatThrownBy(() -> compiler().segment("a")).isInstanceOf(IllegalStateException.class).hasMessageContaining("cycle");
    }

    @Test
    void omittedAndTrivialConditionsCompileToConstants() {
        ConditionCompiler compiler = ConditionCompiler.withoutSegments();
        assertThat(compiler.compile(null)).isSameAs(Predicate.TRUE);
        assertThat(compiler.compile(parse("{'all': []}"))).isSameAs(Predicate.TRUE);
        assertThat(compiler.compile(parse("{'any': []}"))).isSameAs(Predicate.FALSE);
        assertThat(compiler.compile(parse("{'not': {'all': []}}"))).isSameAs(Predicate.FALSE);
    }
}
