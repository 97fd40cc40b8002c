package io.socketmonitor.client;

import java.time.Duration;

/**
 * One progress report of a load run.
 *
 * @param done    connections finished (burst, reset) or set up or failed (timed modes), of {@code total}
 * @param open    connections open right now
 * @param elapsed time since the run started; {@code planned} is the duration (timed modes) or the limit
 */
public record LoadProgress(LoadMode mode, int done, int total, int open, int failed, Duration elapsed,
                           Duration planned) {

    /** 0..1 for a progress bar: connections for burst and reset, time for the modes that last. */
    public double fraction() {
        if (mode.timed()) {
            return Math.min(1.0, elapsed.toNanos() / (double) planned.toNanos());
        }
        return total == 0 ? 1.0 : done / (double) total;
    }

    /**
     * "1200/2000 done, 8 open, 0 failed, 1.20 s of 10.00 s"; in the modes that hold connections
     * open, "50/50 connected": they are not done until the time is up.
     */
    public String text() {
        return done + "/" + total + (mode.timed() ? " connected, " : " done, ") + open + " open, " + failed
                + " failed, " + Durations.seconds(elapsed) + " of " + Durations.seconds(planned);
    }
}
