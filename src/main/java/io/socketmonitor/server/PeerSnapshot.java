package io.socketmonitor.server;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * An immutable view of one connection at one moment. {@code closeReason} is null while open;
 * {@code lastReceived} is a short printable preview of the last bytes the peer sent (keep-open).
 */
public record PeerSnapshot(
        long id,
        InetSocketAddress remote,
        InetSocketAddress local,
        Instant connectedAt,
        long bytesIn,
        long bytesOut,
        CloseReason closeReason,
        Instant closedAt,
        String lastReceived) {

    public boolean open() {
        return closeReason == null;
    }

    public String state() {
        return open() ? "open" : closeReason.asState();
    }
}
