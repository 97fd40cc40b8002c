package io.socketmonitor.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status bar's "N conn/s": accepts of the last second, on a clock the test moves. */
class AcceptRateTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsTheAcceptsOfTheLastSecondAndForgetsOlderOnes() {
        AcceptRate rate = new AcceptRate();
        long t0 = 50_000 * MS;
        for (int i = 0; i < 30; i++) {
            rate.record(t0 + i * 10 * MS); // 30 over 300 ms
        }
        assertThat(rate.lastSecond(t0 + 300 * MS)).isEqualTo(30);
        assertThat(rate.lastSecond(t0 + 950 * MS)).as("still within the second").isEqualTo(30);
        assertThat(rate.lastSecond(t0 + 1_050 * MS)).as("the first 100 ms have aged out").isEqualTo(20);
        assertThat(rate.lastSecond(t0 + 1_150 * MS)).as("the first 200 ms have aged out").isEqualTo(10);
        assertThat(rate.lastSecond(t0 + 1_400 * MS)).as("all older than a second").isZero();
    }

    @Test
    void aBucketReusedAfterASecondStartsFromZero() {
        AcceptRate rate = new AcceptRate();
        long t0 = 80_000 * MS;
        rate.record(t0);
        rate.record(t0);
        rate.record(t0 + 1_000 * MS); // the same bucket, ten buckets later
        assertThat(rate.lastSecond(t0 + 1_000 * MS)).isEqualTo(1);
    }
}
