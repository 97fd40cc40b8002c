package io.socketmonitor.client;

import io.socketmonitor.template.Printable;
import java.time.Duration;

/**
 * Bounds of one load run, checked once with sentences the user can act on.
 *
 * @param connections    how many connections in total (N)
 * @param concurrency    how many may be connecting (burst, reset: in progress) at once (C)
 * @param duration       how long timed modes last; for burst and reset, the time limit of the run
 * @param interval       slow mode: the pause between two bytes
 * @param connectTimeout per connection: connecting, and for burst reading to the end
 */
public record LoadOptions(int connections, int concurrency, Duration duration, Duration interval,
                          Duration connectTimeout) {

    public static final int MAX_CONNECTIONS = 10_000;
    public static final int MAX_CONCURRENCY = 1_000;
    public static final int MAX_DURATION_SECONDS = 600;
    public static final int MAX_INTERVAL_MILLIS = 60_000;

    public static final int DEFAULT_CONNECTIONS = 100;
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_DURATION_SECONDS = 10;
    public static final int DEFAULT_INTERVAL_MILLIS = 1_000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public LoadOptions {
        range("The number of connections", connections, 1, MAX_CONNECTIONS);
        range("The concurrency", concurrency, 1, MAX_CONCURRENCY);
        // Sub-second durations are allowed here (tests, the pane); the command line asks whole seconds.
        if (duration.toMillis() < 100 || duration.toSeconds() > MAX_DURATION_SECONDS
                || duration.toSeconds() == MAX_DURATION_SECONDS && duration.toNanosPart() > 0) {
            throw new IllegalArgumentException("The duration must be between 1 and " + MAX_DURATION_SECONDS
                    + " seconds, not " + Durations.seconds(duration) + ".");
        }
        range("The interval in milliseconds", interval.toMillis(), 1, MAX_INTERVAL_MILLIS);
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("The connect timeout must be positive.");
        }
    }

    public static LoadOptions defaults() {
        return of(null, null, null, null);
    }

    /** Builds from command-line values; null means the default. */
    public static LoadOptions of(Integer connections, Integer concurrency, Integer durationSeconds,
                                 Integer intervalMillis) {
        int n = connections == null ? DEFAULT_CONNECTIONS : connections;
        int c = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
        int d = durationSeconds == null ? DEFAULT_DURATION_SECONDS : durationSeconds;
        int i = intervalMillis == null ? DEFAULT_INTERVAL_MILLIS : intervalMillis;
        range("The number of connections", n, 1, MAX_CONNECTIONS);
        range("The concurrency", c, 1, MAX_CONCURRENCY);
        range("The duration in seconds", d, 1, MAX_DURATION_SECONDS);
        range("The interval in milliseconds", i, 1, MAX_INTERVAL_MILLIS);
        return new LoadOptions(n, c, Duration.ofSeconds(d), Duration.ofMillis(i), DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Builds from command-line text exactly as typed (picocli String fields); null or blank means the
     * default. Errors name the option: "--connections must be a whole number, not 'ten'."
     */
    public static LoadOptions parse(String connections, String concurrency, String durationSeconds,
                                    String intervalMillis) {
        return of(number("--connections", connections, 1, MAX_CONNECTIONS),
                number("--concurrency", concurrency, 1, MAX_CONCURRENCY),
                number("--duration", durationSeconds, 1, MAX_DURATION_SECONDS),
                number("--interval", intervalMillis, 1, MAX_INTERVAL_MILLIS));
    }

    private static Integer number(String option, String text, long min, long max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '"
                    + Printable.visible(text.trim()) + "'.");
        }
        range(option, value, min, max); // named as typed, as the server's options are
        return value;
    }

    public LoadOptions withConnections(int n) {
        return new LoadOptions(n, concurrency, duration, interval, connectTimeout);
    }

    public LoadOptions withConcurrency(int c) {
        return new LoadOptions(connections, c, duration, interval, connectTimeout);
    }

    public LoadOptions withDuration(Duration d) {
        return new LoadOptions(connections, concurrency, d, interval, connectTimeout);
    }

    public LoadOptions withInterval(Duration i) {
        return new LoadOptions(connections, concurrency, duration, i, connectTimeout);
    }

    public LoadOptions withConnectTimeout(Duration t) {
        return new LoadOptions(connections, concurrency, duration, interval, t);
    }

    private static void range(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max
                    + ", not " + value + ".");
        }
    }
}
