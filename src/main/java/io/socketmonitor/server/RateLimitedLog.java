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

    /**
     * Once the current second is over, the number held back in it, as a message; else null.
     * Without this a burst that simply stops would never say how much it hid.
     */
    String pendingSummary(long nowNanos) {
        if (suppressed == 0 || nowNanos - windowStartNanos < 1_000_000_000L) {
            return null;
        }
        String note = suppressed + " similar messages suppressed in the last second";
        suppressed = 0;
        windowStartNanos = nowNanos;
        inWindow = 1;
        return note;
    }
}
