package io.socketmonitor.client;

import java.time.Duration;
import java.util.Locale;

/** Short human formats for measured times. */
public final class Durations {
    private Durations() {}

    /** "0.27 ms", "12.3 ms", "1,204 ms". */
    public static String millis(Duration d) {
        double ms = d.toNanos() / 1_000_000.0;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%,d ms", Math.round(ms));
    }

    /** "0.84 s", "12.0 s". */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1_000_000_000.0);
    }
}
