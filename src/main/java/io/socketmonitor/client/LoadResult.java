package io.socketmonitor.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a load run did.
 *
 * @param attempted      connections started (at most {@code requested})
 * @param connected      handshakes that finished
 * @param completed      burst: read to end of stream; reset: aborted with RST; timed modes: held to the end
 * @param unfinished     burst, reset: still under way when the run stopped (time limit, cancel);
 *                       with completed, failed and those never started, they make up requested
 * @param greeted        connections that received any bytes (burst: before end of stream)
 * @param silent         burst: connected, then got not a byte and no end of stream (timed out or
 *                       cut by the limit): a server waiting for the client to speak, as HTTP does
 * @param closedByServer timed modes: connections the server ended while we held them
 * @param closedAtOnce   of those, ended within a second of connecting, as a greet-and-close
 *                       server does (not a keep-open server whose user disconnects them later)
 * @param p50            burst: median connect-to-end-of-stream time; null when none completed
 * @param failures       count per kind ("refused", "timed out", "reset", ...)
 * @param firstFailure   the first failure as a sentence; null when none
 */
public record LoadResult(
        LoadMode mode,
        String target,
        int requested,
        int attempted,
        int connected,
        int completed,
        int failed,
        int unfinished,
        int greeted,
        int silent,
        int closedByServer,
        int closedAtOnce,
        long bytesSent,
        Duration elapsed,
        Duration p50,
        Duration p99,
        boolean cancelled,
        boolean timeLimitReached,
        Map<String, Integer> failures,
        String firstFailure) {

    public LoadResult {
        failures = Map.copyOf(failures);
    }

    /** Completed connections per second of the whole run. */
    public double connectionsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : completed / s;
    }

    /**
     * True when everything asked for happened: no failures, not cancelled, not cut by the limit,
     * and in hold mode none closed by the server before the end. (Slow and never-read are there
     * to see the server's timeouts cut them: its closing them is the point.)
     */
    public boolean clean() {
        return failed == 0 && !cancelled && !timeLimitReached && attempted == requested
                && (mode != LoadMode.HOLD || closedByServer == 0);
    }

    /** A few sentences for the terminal and the pane. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(mode.label()).append(" on ").append(target).append(": ");
        switch (mode) {
            case BURST -> sb.append(String.format(Locale.ROOT,
                    "%d of %d connections served in %s (%,.0f conn/s); latency p50 %s, p99 %s; %d got a greeting; %d failed",
                    completed, requested, Durations.seconds(elapsed), connectionsPerSecond(),
                    p50 == null ? "-" : Durations.millis(p50), p99 == null ? "-" : Durations.millis(p99),
                    greeted, failed)).append(notFinished()).append('.');
            case RESET -> sb.append(String.format(Locale.ROOT,
                    "%d of %d connections opened and aborted with RST in %s; %d failed",
                    completed, requested, Durations.seconds(elapsed), failed)).append(notFinished()).append('.');
            case HOLD -> sb.append(closedByServer == 0 ? String.format(Locale.ROOT,
                    "%d of %d connections opened and held for %s; %d got a greeting; %d failed.",
                    connected, requested, Durations.seconds(elapsed), greeted, failed)
                    : String.format(Locale.ROOT, // not "held for": the server did not hold them
                    "%d of %d connections opened; the server closed %d of them, %d held to the end (%s); "
                            + "%d got a greeting; %d failed.",
                    connected, requested, closedByServer, completed, Durations.seconds(elapsed), greeted, failed));
            case NEVER_READ -> sb.append(String.format(Locale.ROOT,
                    "%d of %d connections opened and never read for %s; %d failed.",
                    connected, requested, Durations.seconds(elapsed), failed)).append(
                    "\nA greeting fits the sockets' buffers, so the server never waits on these; closed with one"
                    + " unread, each ends in a reset (RST). A server's write timeout cuts only a peer sent more"
                    + " than the buffers hold: in the window, Send\u2026 a few MB to one held in keep-open mode.");
            case SLOW -> sb.append(String.format(Locale.ROOT,
                    "%d of %d connections sent %d bytes one at a time over %s; %d closed by the server; %d failed.",
                    connected, requested, bytesSent, Durations.seconds(elapsed), closedByServer, failed));
        }
        if (mode == LoadMode.BURST && greeted > completed
                && (failures.containsKey("timed out reading") || timeLimitReached)) {
            // A keep-open server: the most common way to get here, and not a slow server.
            sb.append("\nThe server greeted but did not close: use hold against a keep-open server."
                    + " A burst counts a connection served when the server closes it, as the lecture's does.");
        }
        if (mode == LoadMode.BURST && silent > 0 && greeted == 0) {
            // An HTTP-mode server: it waits for a request, and a burst sends none.
            sb.append("\nThe server sent nothing and did not close: most likely it waits for the client to speak"
                    + " first, as an HTTP server waits for a request such as \"GET / HTTP/1.1\", and a burst sends"
                    + " nothing. Burst a server in close mode, or ask an HTTP server with curl.");
        }
        // Nine in ten at once: in a large run a few ends are noticed late, not closed late.
        if (mode == LoadMode.HOLD && closedByServer > 0 && closedByServer == connected
                && closedAtOnce * 10L >= connected * 9L) {
            sb.append("\nThe server closed every one at once: a greet-and-close server does. Hold them against a"
                    + " keep-open server (--mode keep-open).");
        }
        if (failures.containsKey("out of file descriptors")) {
            sb.append("\nThis process ran out of file descriptors: ask for fewer connections at a time, or raise"
                    + " the limit (ulimit -n).");
        }
        if (!failures.isEmpty()) {
            sb.append("\nFailures: ").append(failures.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "))).append(". First: ").append(firstFailure);
        }
        if (cancelled) {
            sb.append("\nCancelled after ").append(Durations.seconds(elapsed)).append('.');
        } else if (timeLimitReached && mode.timed()) {
            sb.append("\nOnly ").append(connected).append(" of ").append(requested)
                    .append(" connections had opened when the time limit came: give more time or ask for fewer.");
        } else if (timeLimitReached) {
            sb.append("\nStopped at the time limit (").append(Durations.seconds(elapsed)).append(").");
        }
        return sb.toString();
    }

    /**
     * "; 8 still waiting when the time limit came; 4 never started": what served and failed leave
     * out, so the figures add up to those asked for.
     */
    private String notFinished() {
        StringBuilder sb = new StringBuilder();
        if (unfinished > 0) {
            sb.append("; ").append(unfinished).append(" still waiting when ")
                    .append(cancelled ? "cancelled" : "the time limit came");
        }
        int neverStarted = requested - attempted;
        if (neverStarted > 0) {
            sb.append("; ").append(neverStarted).append(" never started");
        }
        return sb.toString();
    }
}
