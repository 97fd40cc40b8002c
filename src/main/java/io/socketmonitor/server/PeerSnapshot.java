package io.socketmonitor.server;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * An immutable view of one connection at one moment. {@code closeReason} is null while open;
 * {@code lastReceived} is a short printable preview of the last bytes the peer sent (keep-open);
 * {@code finSent}: the server shut its side down (the lecture's "shutdown"), so the peer got a
 * FIN before the close.
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
        String lastReceived,
        boolean finSent) {

    /** Without {@code finSent}: the server sends its FIN when it ends a connection it served to the end. */
    public PeerSnapshot(long id, InetSocketAddress remote, InetSocketAddress local, Instant connectedAt, long bytesIn,
            long bytesOut, CloseReason closeReason, Instant closedAt, String lastReceived) {
        this(id, remote, local, connectedAt, bytesIn, bytesOut, closeReason, closedAt, lastReceived,
                closeReason != null && closeReason.endsWithServersFin());
    }

    public boolean open() {
        return closeReason == null;
    }

    public String state() {
        return open() ? "open" : closeReason.asState();
    }
}
