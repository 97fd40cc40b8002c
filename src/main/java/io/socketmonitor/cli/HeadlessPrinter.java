package io.socketmonitor.cli;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerListener;
import java.io.PrintStream;

/**
 * Prints server events in the lecture's words. It runs on the server thread, so it only writes
 * into a buffered stream; {@link #flush()} is called by a timer and at the important moments
 * (listening, errors, stop), which keeps up with thousands of connections a second.
 */
public final class HeadlessPrinter implements ServerListener {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;

    /** {@code out} should be a buffered stream without auto-flush. */
    public HeadlessPrinter(PrintStream out, PrintStream err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void onEvent(ServerEvent event) {
        if (event instanceof ServerEvent.Listening l) {
            out.println(Lines.listening(l));
            out.flush();
        } else if (event instanceof ServerEvent.Connected c) {
            if (!quiet) {
                out.println("Connected to " + Addresses.lectureTuple(c.peer().remote()));
            }
        } else if (event instanceof ServerEvent.Received r) {
            if (!quiet) {
                out.println("Received " + r.bytes() + " bytes from peer #" + r.peerId() + ": " + r.preview());
            }
        } else if (event instanceof ServerEvent.Closed c) {
            CloseReason why = c.peer().closeReason();
            boolean expected = why == CloseReason.AFTER_GREETING || why == CloseReason.AFTER_RESPONSE
                    || why == CloseReason.SERVER_STOPPED;
            if (!quiet && !expected) {
                out.println("Closed " + Addresses.lectureTuple(c.peer().remote()) + ": " + why.text());
            }
        } else if (event instanceof ServerEvent.Error e) {
            out.flush();
            err.println(e.message());
            err.flush();
        } else if (event instanceof ServerEvent.Stopped s) {
            out.println(Lines.summary(s.finalStats()));
            out.flush();
        }
    }

    public void flush() {
        out.flush();
    }
}
