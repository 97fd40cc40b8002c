package io.socketmonitor.client;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The result of one test-client session.
 *
 * @param message         the line to show, e.g. "Connection closed by foreign host." or why connecting failed
 * @param remote          the address connected to; null when no connection was made
 * @param connectTime     how long the TCP handshake took; null when no connection was made
 * @param timeToFirstByte from connected to the first received byte; null when nothing arrived
 */
public record SessionSummary(
        SessionEnd end,
        String message,
        InetSocketAddress remote,
        Duration connectTime,
        Duration timeToFirstByte,
        long bytesIn,
        long bytesOut) {

    /** True when a connection was made and the server closed it normally. */
    public boolean closedNormally() {
        return end == SessionEnd.BY_PEER || end == SessionEnd.BY_USER;
    }

    /**
     * "connect 0.3 ms, first byte 1.2 ms later, 18 bytes received, 0 bytes sent": "later", for
     * the first byte is timed from the connect, and could otherwise read as before it.
     */
    public String timings() {
        StringBuilder sb = new StringBuilder();
        sb.append("connect ").append(connectTime == null ? "-" : Durations.millis(connectTime));
        sb.append(", first byte ").append(timeToFirstByte == null ? "-" : Durations.millis(timeToFirstByte) + " later");
        sb.append(", ").append(bytesIn).append(bytesIn == 1 ? " byte" : " bytes").append(" received");
        sb.append(", ").append(bytesOut).append(bytesOut == 1 ? " byte" : " bytes").append(" sent");
        return sb.toString();
    }
}
