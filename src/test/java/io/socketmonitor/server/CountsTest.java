package io.socketmonitor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Counts read as {@code String.format(Locale.ROOT, "%,d")} wrote them, which they replace. */
class CountsTest {
    @Test
    void groupsOfThreeAsTheFormatterWroteThem() {
        long[] edges = {0, 1, -1, 9, 10, 99, 100, 999, 1_000, -1_000, 9_999, 10_000, 123_456, 999_999,
            1_000_000, -1_234_567, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (long n : edges) {
            assertThat(Counts.grouped(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong() >> random.nextInt(64); // every length of number
            assertThat(Counts.grouped(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }

    @Test
    void appendsAfterWhatIsThere() {
        assertThat(Counts.appendGrouped(new StringBuilder("in "), 65_536).append(" B")).hasToString("in 65,536 B");
    }
}
