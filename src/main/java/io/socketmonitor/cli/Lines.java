package io.socketmonitor.cli;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerStats;

/** The sentences the lecture's server prints, shared by the terminal and the window's log. */
public final class Lines {
    private Lines() {}

    /** "Listening on 127.0.0.1:8080 for connections", or "... for HTTP connections" as in the lecture. */
    public static String listening(ServerEvent.Listening l) {
        String what = l.config().mode() == Mode.HTTP ? "HTTP connections" : "connections";
        return "Listening on " + Addresses.hostPort(l.local()) + " for " + what
                + " (mode: " + l.config().mode().cliName() + ")";
    }

    /** "Stopped: served 12, peak open 3, errors 0". */
    public static String summary(ServerStats s) {
        return "Stopped: served " + s.served() + ", peak open " + s.peakOpen() + ", errors " + s.errors();
    }
}
