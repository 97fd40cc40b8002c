package io.socketmonitor.server;

/**
 * A pause that grows while something keeps failing: 50 ms, doubling to 1 s, back to 50 ms after
 * a success (Tomcat's approach). For accepts that fail (out of file descriptors, most often) and
 * for unexpected errors in a server thread, so neither can spin.
 */
final class Backoff {
    private static final long FIRST_NANOS = 50_000_000L;
    private static final long MAX_NANOS = 1_000_000_000L;
    private long next = FIRST_NANOS;

    /** Records a failure and returns the pause to take now, in nanoseconds. */
    long fail() {
        long pause = next;
        next = Math.min(MAX_NANOS, next * 2);
        return pause;
    }

    void succeeded() {
        next = FIRST_NANOS;
    }
}
