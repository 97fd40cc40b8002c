package io.socketmonitor.server;

import io.socketmonitor.net.Addresses;

/** The sentences the lecture's server prints, shared by the terminal and the window's log. */
public final class Lines {
    private Lines() {}

    /** "Listening on 127.0.0.1:8080 for connections", or "... for HTTP connections" as in the lecture. */
    public static String listening(ServerEvent.Listening l) {
        String what = l.config().mode() == Mode.HTTP ? "HTTP connections" : "connections";
        return "Listening on " + Addresses.hostPort(l.local()) + " for " + what
                + " (mode: " + l.config().mode().cliName() + ")";
    }

    /**
     * "('127.0.0.1', 46930) sent an HTTP request (GET / HTTP/1.1): curl and browsers need an HTTP
     * answer. {@code howToSwitch}." The terminal and the window each say how to pick HTTP mode in
     * their own terms. Short enough that the window's log shows it whole at its default width: a
     * longer one cut off just the part that says what to do.
     */
    public static String httpRequestOutsideHttpMode(ServerEvent.HttpRequestOutsideHttpMode h, String howToSwitch) {
        return Addresses.lectureTuple(h.remote()) + " sent an HTTP request (" + h.requestLine()
                + "): curl and browsers need an HTTP answer. " + howToSwitch;
    }

    /** "Stopped: served 12, peak open 3, errors 0"; "Stopped" alone when no figures came. */
    public static String summary(ServerStats s) {
        return s == null ? "Stopped"
                : "Stopped: served " + s.served() + ", peak open " + s.peakOpen() + ", errors " + s.errors();
    }
}
