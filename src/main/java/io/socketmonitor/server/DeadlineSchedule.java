package io.socketmonitor.server;

/**
 * When the loop's deadline pass next has work. With 10,000 held peers and nothing due, a tick
 * must not walk them all: every place that gives a peer a deadline, or brings one closer, says
 * so with {@link #at}; a deadline that moves later (a read, a write's progress) needs nothing,
 * the pass finds it. The server's threads (the acceptor gives a new peer its first deadline),
 * under its lock.
 */
final class DeadlineSchedule {
    private long nextNanos;
    private boolean any;
    private long passes; // tests: the walk happens only when something is due

    /** A peer may need closing at {@code nanos}: the pass runs on the first tick from then. */
    void at(long nanos) {
        if (!any || nanos - nextNanos < 0) {
            nextNanos = nanos;
            any = true;
        }
    }

    /**
     * True when something has fallen due: the caller then walks every open peer and calls
     * {@link #remember} for each one still open, which sets the next pass.
     */
    boolean startPassIfDue(long now) {
        if (!any || now - nextNanos < 0) {
            return false;
        }
        any = false;
        passes++;
        return true;
    }

    /**
     * Every deadline {@code c} has now. While bytes wait the idle close waits too, so their
     * write deadline stands in for it (a past idle deadline would bring a pass every tick until
     * they drained); the write path gives it back once they are gone.
     */
    void remember(Connection c, long idleNanos, long writeNanos) {
        if (c.lingering) {
            at(c.lingerDeadlineNanos);
        }
        if (c.pendingBytes > 0) {
            at(c.writeProgressNanos + writeNanos);
        }
        if (c.http != null) {
            at(c.httpDeadlineNanos);
        }
        if (idleNanos > 0 && c.pendingBytes == 0 && !c.readPaused) {
            at(c.lastReadNanos + idleNanos);
        }
    }

    long passes() {
        return passes;
    }

    /** A new run: no peer, so nothing due. */
    void reset() {
        any = false;
    }
}
