package io.socketmonitor.server;

/**
 * Lets at most a few messages a second through, and says how many were held back, so a
 * fault repeated thousands of times a second cannot flood the log.
 */
final class RateLimitedLog {
    private final int perSecond;
    private long windowStartNanos;
    private int inWindow;
    private long suppressed;

    RateLimitedLog(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Returns the message to log (with a note of what was held back), or null to drop it. */
    String admit(String message, long nowNanos) {
        if (nowNanos - windowStartNanos >= 1_000_000_000L) {
            windowStartNanos = nowNanos;
            inWindow = 0;
        }
        if (inWindow >= perSecond) {
            suppressed++;
            return null;
        }
        inWindow++;
        if (suppressed > 0) {
            message = message + " (" + suppressed + " similar messages suppressed)";
            suppressed = 0;
        }
        return message;
    }
}
