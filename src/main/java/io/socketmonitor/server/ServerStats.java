package io.socketmonitor.server;

/** Counters since the server was started. */
public record ServerStats(
        long served,
        int open,
        int peakOpen,
        long acceptsLastSecond,
        long bytesIn,
        long bytesOut,
        long errors) {

    public static final ServerStats ZERO = new ServerStats(0, 0, 0, 0, 0, 0, 0);
}
