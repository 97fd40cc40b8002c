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
        switch (event) {
            case ServerEvent.Listening l -> {
                out.println(Lines.listening(l));
                out.flush();
            }
            case ServerEvent.Connected c -> {
                if (!quiet) {
                    out.println("Connected to " + Addresses.lectureTuple(c.peer().remote()));
                }
            }
            case ServerEvent.Received r -> {
                if (!quiet) {
                    out.println("Received " + r.bytes() + " bytes from peer #" + r.peerId() + ": " + r.preview());
                }
            }
            case ServerEvent.Closed c -> {
                CloseReason why = c.peer().closeReason();
                boolean expected = why == CloseReason.AFTER_GREETING || why == CloseReason.AFTER_RESPONSE
                        || why == CloseReason.SERVER_STOPPED;
                if (!quiet && !expected) {
                    out.println("Closed " + Addresses.lectureTuple(c.peer().remote()) + ": " + why.text());
                }
            }
            case ServerEvent.Error e -> {
                out.flush();
                err.println(e.message());
                err.flush();
            }
            case ServerEvent.Stopped s -> {
                out.println(Lines.summary(s.finalStats()));
                out.flush();
            }
            case ServerEvent.Sent s -> { }
        }
    }

    public void flush() {
        out.flush();
    }
}
