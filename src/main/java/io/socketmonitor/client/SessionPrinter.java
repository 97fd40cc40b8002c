package io.socketmonitor.client;

import java.io.PrintStream;

/**
 * Prints a session the way telnet does in the lecture: "Trying 127.0.0.1...", "Connected to
 * localhost.", the received bytes as they are, "Connection closed by foreign host.". Failures go to
 * the error stream as one sentence.
 */
public final class SessionPrinter implements ClientListener {
    private final PrintStream out;
    private final PrintStream err;
    private final Runnable outputGone;
    private boolean atLineStart = true;
    private boolean gone;

    public SessionPrinter(PrintStream out, PrintStream err) {
        this(out, err, () -> { });
    }

    /**
     * @param outputGone runs once when standard output fails (a pipe's reader such as
     *     {@code head} has exited, or the disk is full): what comes next would be lost, so the
     *     session should end
     */
    public SessionPrinter(PrintStream out, PrintStream err, Runnable outputGone) {
        this.out = out;
        this.err = err;
        this.outputGone = outputGone;
    }

    @Override
    public synchronized void onEvent(ClientEvent event) {
        // Java 17: no pattern switch yet, so a chain of instanceof.
        if (event instanceof ClientEvent.Trying t) {
            line(t.text());
        } else if (event instanceof ClientEvent.Connected c) {
            line(c.text());
        } else if (event instanceof ClientEvent.Received r && r.data().length > 0) {
            out.write(r.data(), 0, r.data().length);
            out.flush();
            atLineStart = r.data()[r.data().length - 1] == '\n';
            if (out.checkError() && !gone) { // PrintStream keeps the broken pipe to itself
                gone = true;
                outputGone.run();
            }
        } else if (event instanceof ClientEvent.Failed f) {
            err.println(f.message());
            err.flush();
        } else if (event instanceof ClientEvent.Closed c && c.summary().end() != SessionEnd.FAILED) {
            line(c.summary().message());
        }
    }

    private void line(String text) {
        if (!atLineStart) {
            out.println(); // the server's last bytes had no newline; keep our line on its own
        }
        out.println(text);
        out.flush();
        atLineStart = true;
    }
}
