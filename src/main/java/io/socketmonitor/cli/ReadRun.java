package io.socketmonitor.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One peer's consecutive reads, for the terminal: the first is printed as it comes, the rest are
 * summed and printed as one line a second ("Received 65,536,000 bytes in 1,000 more reads from
 * peer #2: …"), and what is left when any other line comes. A flood of 200 MB printed 6,000
 * lines; it now prints one a second. Server thread only.
 */
final class ReadRun {
    static final Duration PERIOD = Duration.ofSeconds(1);
    /**
     * A student typing at a telnet prompt pauses longer than this between lines, and each line
     * is printed whole; a flood's reads come microseconds apart. As the window's log (DataRun).
     */
    static final Duration GAP = Duration.ofSeconds(1);

    private boolean open;
    private long peerId;
    private Instant printedAt;
    private Instant lastAt;
    private long bytes;
    private long reads;
    private String preview;

    /**
     * Whether a read from {@code peer} at {@code at} goes on this run (else it is printed and
     * {@link #start}s one): the same peer, within {@link #GAP} of its last read.
     */
    boolean continues(long peer, Instant at) {
        return open && peer == peerId && Duration.between(lastAt, at).compareTo(GAP) <= 0;
    }

    /** A read from {@code peer} was printed whole at {@code at}. */
    void start(long peer, Instant at) {
        open = true;
        peerId = peer;
        printedAt = at;
        lastAt = at;
        reads = 0;
        bytes = 0;
    }

    /** Adds a read; the summary line to print when a second has passed since the last line, else null. */
    String add(int n, String latestPreview, Instant at) {
        bytes += n;
        reads++;
        preview = latestPreview;
        lastAt = at;
        if (Duration.between(printedAt, at).compareTo(PERIOD) < 0) {
            return null;
        }
        printedAt = at;
        return summary();
    }

    /** The line for reads summed a {@link #PERIOD} or more ago and not printed yet, or null; the run goes on. */
    String due(Instant now) {
        if (!open || reads == 0 || Duration.between(printedAt, now).compareTo(PERIOD) < 0) {
            return null;
        }
        printedAt = now;
        return summary();
    }

    /** Ends the run: the line for reads summed but not yet printed, or null. */
    String end() {
        String line = open ? summary() : null;
        open = false;
        return line;
    }

    private String summary() {
        if (reads == 0) {
            return null;
        }
        String line = String.format(Locale.ROOT, "Received %,d %s in %,d more %s from peer #%d", bytes,
                bytes == 1 ? "byte" : "bytes", reads, reads == 1 ? "read" : "reads", peerId)
                + (preview == null || preview.isEmpty() ? "" : ": " + preview);
        reads = 0;
        bytes = 0;
        return line;
    }
}
