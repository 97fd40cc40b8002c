package io.socketmonitor.ui;

import io.socketmonitor.server.ServerEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * The peer whose reads and writes are being merged into the newest log lines: one line for what
 * it sent, one for what went back (an echo alternates them), until any other line comes between,
 * or the peer pauses longer than {@link #GAP}. EDT only.
 */
final class DataRun {
    /**
     * A student typing at a telnet prompt pauses longer than this between lines, and each line
     * keeps a log line of its own; a flood's reads come microseconds apart and merge.
     */
    static final Duration GAP = Duration.ofSeconds(1);

    private boolean open;
    private long peerId;
    private Instant last;
    private long receivedLine = -1;
    private long sentLine = -1;

    /** The number of the log line {@code e} grows, or -1 when it starts a line of its own. */
    long lineFor(ServerEvent e, Instant at) {
        if (!open || peerOf(e) != peerId || Duration.between(last, at).compareTo(GAP) > 0) {
            end();
            return -1;
        }
        return e instanceof ServerEvent.Received ? receivedLine : sentLine;
    }

    /** {@code e} started log line number {@code line}. */
    void started(ServerEvent e, Instant at, long line) {
        open = true;
        peerId = peerOf(e);
        last = at;
        if (e instanceof ServerEvent.Received) {
            receivedLine = line;
        } else {
            sentLine = line;
        }
    }

    void grew(Instant at) {
        last = at;
    }

    /** Another line came: the next read starts a line of its own. */
    void end() {
        open = false;
        receivedLine = -1;
        sentLine = -1;
    }

    private static long peerOf(ServerEvent e) {
        return e instanceof ServerEvent.Received r ? r.peerId() : ((ServerEvent.Sent) e).peerId();
    }
}
