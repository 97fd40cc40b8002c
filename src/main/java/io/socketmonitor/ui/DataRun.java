package io.socketmonitor.ui;

import io.socketmonitor.server.ServerEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * The peer whose reads and writes are being merged into the newest log lines: one line for what
 * it sent, one for what went back (an echo alternates them), until any other line comes between,
 * or the peer pauses longer than {@link #GAP}. The first read (and write) of a run keeps a line of
 * its own, as the terminal prints it, so "USER x" stays readable when "PASS y" follows at once;
 * the reads after it grow the next line. EDT only.
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
    /** Whether that line takes more reads (writes): not the run's first, which stays as it came. */
    private boolean receivedLineGrows;
    private boolean sentLineGrows;

    /** The number of the log line {@code e} grows, or -1 when it starts a line of its own. */
    long lineFor(ServerEvent e, Instant at) {
        if (!open || peerOf(e) != peerId || Duration.between(last, at).compareTo(GAP) > 0) {
            end();
            return -1;
        }
        if (e instanceof ServerEvent.Received) {
            return receivedLineGrows ? receivedLine : -1;
        }
        return sentLineGrows ? sentLine : -1;
    }

    /** {@code e} started log line number {@code line}. */
    void started(ServerEvent e, Instant at, long line) {
        boolean sameRun = open && peerOf(e) == peerId;
        open = true;
        peerId = peerOf(e);
        last = at;
        if (e instanceof ServerEvent.Received) {
            receivedLineGrows = sameRun && receivedLine >= 0; // the run's first line came before
            receivedLine = line;
        } else {
            sentLineGrows = sameRun && sentLine >= 0;
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
        receivedLineGrows = false;
        sentLineGrows = false;
    }

    private static long peerOf(ServerEvent e) {
        return e instanceof ServerEvent.Received r ? r.peerId() : ((ServerEvent.Sent) e).peerId();
    }
}
