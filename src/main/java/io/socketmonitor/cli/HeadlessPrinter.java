package io.socketmonitor.cli;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Counts;
import io.socketmonitor.server.Lines;
import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * Prints server events in the lecture's words. It runs on the server thread, so it only hands
 * lines to an {@link OutputPump}, which writes them out on a thread of its own: thousands of
 * connections a second are printed, and a slow terminal never slows the server.
 */
public final class HeadlessPrinter implements ServerListener {
    private final OutputPump out;
    private final boolean quiet;
    private static final byte[] EOL = System.lineSeparator().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final byte[] line = new byte[256];
    private InetAddress lastAddress;
    private String lastTuplePrefix;
    private String lastTupleTail;
    private final ReadRun reads = new ReadRun();

    HeadlessPrinter(OutputPump out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    // Synchronized with the output pump's tick (printDueReads); the server's threads already
    // take turns, so the lock is never contended by them.
    @Override
    public synchronized void onEvent(ServerEvent event) {
        if (event instanceof ServerEvent.Listening l) {
            line(Lines.listening(l));
            out.requestFlush();
        } else if (event instanceof ServerEvent.Connected c) {
            if (!quiet) {
                endReads();
                connectedLine(c.peer().remote());
            }
        } else if (event instanceof ServerEvent.Received r) {
            if (!quiet) {
                received(r);
            }
        } else if (event instanceof ServerEvent.Closed c) {
            CloseReason why = c.peer().closeReason();
            boolean expected = why == CloseReason.AFTER_GREETING || why == CloseReason.AFTER_RESPONSE
                    || why == CloseReason.SERVER_STOPPED;
            if (!quiet && !expected) {
                line("Closed " + Addresses.lectureTuple(c.peer().remote()) + ": " + why.text());
            }
        } else if (event instanceof ServerEvent.HttpRequestOutsideHttpMode h) {
            line(Lines.httpRequestOutsideHttpMode(h, "Start the server with --mode http."));
        } else if (event instanceof ServerEvent.Error e) {
            endReads();
            out.errorLine(e.message());
        } else if (event instanceof ServerEvent.Stopped s) {
            line(Lines.summary(s.finalStats()));
        }
    }

    /**
     * Prints the reads summed for a second or more, when no other line has: a flood that then
     * stops, on a peer that stays open, showed its last second only at the next event. The output
     * pump calls this as it wakes (at least every 200 ms).
     */
    synchronized void printDueReads(Instant now) {
        String summary = reads.due(now);
        if (summary != null) {
            out.line(summary);
        }
    }

    /**
     * A line other than a read's: the reads summed so far go first, so the terminal reads in
     * order. Only before a line that is printed: the Sent an echo follows each read with is not,
     * and ending the run there printed every read whole.
     */
    private void line(String text) {
        endReads();
        out.line(text);
    }

    /** A read's line, or, for a peer reading on, a summary line a second ({@link ReadRun}). */
    private void received(ServerEvent.Received r) {
        if (reads.continues(r.peerId(), r.time())) {
            String summary = reads.add(r.bytes(), r.preview(), r.time());
            if (summary != null) {
                out.line(summary);
            }
            return;
        }
        endReads();
        out.line("Received " + Counts.grouped(r.bytes()) + (r.bytes() == 1 ? " byte" : " bytes") + " from peer #"
                + r.peerId() + ": " + r.preview());
        reads.start(r.peerId(), r.time());
    }

    private void endReads() {
        String summary = reads.end();
        if (summary != null) {
            out.line(summary);
        }
    }

    /**
     * "Connected to ('127.0.0.1', 46930)", the line printed most, thousands a second: built as
     * ASCII bytes in a reused buffer (the address text cached, as peers mostly share one), and
     * written without a String, a charset encoder or a line separator lookup per line.
     */
    private void connectedLine(InetSocketAddress remote) {
        InetAddress a = remote.getAddress();
        if (!a.equals(lastAddress)) {
            lastAddress = a;
            lastTuplePrefix = "Connected to " + Addresses.tupleHead(a);
            lastTupleTail = Addresses.tupleTail(a);
        }
        String prefix = lastTuplePrefix;
        String tail = lastTupleTail;
        int n = prefix.length();
        if (n + 5 + tail.length() + EOL.length > line.length) {
            out.line(prefix + remote.getPort() + tail);
            return;
        }
        for (int i = 0; i < n; i++) {
            char ch = prefix.charAt(i);
            if (ch > 0x7f) { // not ASCII (an IPv6 scope name, say): take the general path
                out.line(prefix + remote.getPort() + tail);
                return;
            }
            line[i] = (byte) ch;
        }
        int port = remote.getPort();
        int digits = port >= 10000 ? 5 : port >= 1000 ? 4 : port >= 100 ? 3 : port >= 10 ? 2 : 1;
        for (int i = n + digits - 1; i >= n; i--) {
            line[i] = (byte) ('0' + port % 10);
            port /= 10;
        }
        n += digits;
        for (int i = 0; i < tail.length(); i++) {
            line[n++] = (byte) tail.charAt(i);
        }
        for (byte b : EOL) {
            line[n++] = b;
        }
        out.write(line, 0, n);
    }

}
