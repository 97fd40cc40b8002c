package io.socketmonitor.server;

/** Pauses after an unexpected loop failure: 50 ms, doubling to 1 s, reset by a clean pass. */
final class LoopBackoff {
    private static final long FIRST_NANOS = 50_000_000L;
    private static final long MAX_NANOS = 1_000_000_000L;
    private long next = FIRST_NANOS;

    /** Returns the pause to take now, in nanoseconds. */
    long fail() {
        long pause = next;
        next = Math.min(MAX_NANOS, next * 2);
        return pause;
    }

    void succeeded() {
        next = FIRST_NANOS;
    }
}
