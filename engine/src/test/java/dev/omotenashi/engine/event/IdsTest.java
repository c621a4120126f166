package dev.omotenashi.engine.event;

import dev.omotenashi.engine.testing.Cases;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    private static final long T = 1_764_000_000_000L;

    @Test
    void idIsPrefixAndTwentySixCrockfordCharacters() {
        String id = Ids.next(Ids.VISITOR, T, new SplittableRandom(1));
        assertThat(id).startsWith("v_").hasSize(28).matches("v_[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Test
    void sameTimeAndSeedGiveTheSameId() {
        assertThat(Ids.next(Ids.EVENT, T, new SplittableRandom(7))).isEqualTo(Ids.next(Ids.EVENT, T, new SplittableRandom(7)));
    }

    @Test
    void timeIsEncodedFirstMostSignificantFirst() {
        // The ULID spec's example time: 1469918176385 ms is "01ARYZ6S41".
        assertThat(Ids.ulid(1_469_918_176_385L, new SplittableRandom(0))).startsWith("01ARYZ6S41");
        assertThat(Ids.ulid(0, new SplittableRandom(0))).startsWith("0000000000");
        assertThat(Ids.ulid(Ids.MAX_TIME, new SplittableRandom(0))).startsWith("7ZZZZZZZZZ");
    }

    @Test
    void timeCanBeReadBack() {
        assertThat(Ids.timeOf(Ids.next(Ids.SESSION, T, new SplittableRandom(3)))).isEqualTo(T);
        assertThat(Ids.timeOf("s_not-a-ulid")).isEqualTo(-1);
        assertThat(Ids.timeOf(null)).isEqualTo(-1);
    }

    @Test
    void laterTimeSortsLater() {
        Cases.forEach(500, r -> {
            long t = r.nextLong(0, (1L << 48) - 1);
            String earlier = Ids.next(Ids.ACTION, t, new SplittableRandom(r.nextLong()));
            String later = Ids.next(Ids.ACTION, t + 1, new SplittableRandom(r.nextLong()));
            assertThat(earlier).isLessThan(later);
        });
    }

    @Test
    void secureIdsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) assertThat(seen.add(Ids.visitor(T))).isTrue();
        assertThat(Ids.session(T)).startsWith("s_");
        assertThat(Ids.action(T)).startsWith("a_");
        assertThat(Ids.event(T)).startsWith("e_");
    }

    @Test
    void timeOutsideUlidRangeIsRejected() {
        assertThatThrownBy(() -> Ids.ulid(-1, new SplittableRandom(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ids.ulid(Ids.MAX_TIME + 1, new SplittableRandom(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mintedVisitorIdsAreValidVisitorIds() {
        assertThat(Ids.isValidVisitorId(Ids.visitor(T))).isTrue();
    }

    @Test
    void visitorIdIs8To64UrlSafeCharacters() {
        assertThat(Ids.isValidVisitorId("abcdefgh")).isTrue();
        assertThat(Ids.isValidVisitorId("A-z_0-9-")).isTrue();
        assertThat(Ids.isValidVisitorId("x".repeat(64))).isTrue();
        assertThat(Ids.isValidVisitorId("abcdefg")).isFalse();
        assertThat(Ids.isValidVisitorId("x".repeat(65))).isFalse();
        assertThat(Ids.isValidVisitorId("abcd efgh")).isFalse();
        assertThat(Ids.isValidVisitorId("abcd.efgh")).isFalse();
        assertThat(Ids.isValidVisitorId("abcd+efg=")).isFalse();
        assertThat(Ids.isValidVisitorId(null)).isFalse();
    }
}
