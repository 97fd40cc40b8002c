package io.socketmonitor.server;

/**
 * When accept fails (out of file descriptors, most often) the loop pauses accepting instead of
 * spinning: 50 ms, doubling to 1 s, reset by the next successful accept (Tomcat's approach).
 */
final class AcceptBackoff {
    static final long FIRST_MILLIS = 50;
    static final long MAX_MILLIS = 1000;
    private long nextMillis = FIRST_MILLIS;
    private long resumeAtNanos;
    private boolean paused;

    /** Records a failure and returns the pause chosen, in milliseconds. */
    long fail(long nowNanos) {
        long pause = nextMillis;
        nextMillis = Math.min(MAX_MILLIS, nextMillis * 2);
        resumeAtNanos = nowNanos + pause * 1_000_000L;
        paused = true;
        return pause;
    }

    void succeeded() {
        nextMillis = FIRST_MILLIS;
    }

    boolean paused() {
        return paused;
    }

    /** True when a pause has just ended and accepting should resume. */
    boolean resumeDue(long nowNanos) {
        if (paused && nowNanos - resumeAtNanos >= 0) {
            paused = false;
            return true;
        }
        return false;
    }

    long millisUntilResume(long nowNanos) {
        return paused ? Math.max(1, (resumeAtNanos - nowNanos) / 1_000_000L) : Long.MAX_VALUE;
    }
}
