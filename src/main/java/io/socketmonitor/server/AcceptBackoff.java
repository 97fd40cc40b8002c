package io.socketmonitor.server;

/**
 * When accept fails (out of file descriptors, most often) the acceptor pauses instead of
 * spinning: 50 ms, doubling to 1 s, reset by the next successful accept (Tomcat's approach).
 */
final class AcceptBackoff {
    static final long FIRST_MILLIS = 50;
    static final long MAX_MILLIS = 1000;
    private long nextMillis = FIRST_MILLIS;

    /** Records a failure and returns the pause chosen, in milliseconds. */
    long fail() {
        long pause = nextMillis;
        nextMillis = Math.min(MAX_MILLIS, nextMillis * 2);
        return pause;
    }

    void succeeded() {
        nextMillis = FIRST_MILLIS;
    }
}
