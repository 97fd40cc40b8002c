package io.socketmonitor.server;

/**
 * A run's counters: written by the server's threads under its lock, read by anyone at any
 * time (the status bar reads them twice a second).
 */
final class Tally {
    private volatile long served;
    private volatile long bytesIn;
    private volatile long bytesOut;
    private volatile long errors;

    // The increments are not atomic; the server's lock makes them so.
    void served() {
        served++;
    }

    void received(long n) {
        bytesIn += n;
    }

    void sent(long n) {
        bytesOut += n;
    }

    void error() {
        errors++;
    }

    void reset() {
        served = 0;
        bytesIn = 0;
        bytesOut = 0;
        errors = 0;
    }

    ServerStats stats(int open, int peakOpen, long acceptsLastSecond) {
        return new ServerStats(served, open, peakOpen, acceptsLastSecond, bytesIn, bytesOut, errors);
    }
}
