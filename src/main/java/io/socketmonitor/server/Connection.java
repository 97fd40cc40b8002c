package io.socketmonitor.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * One accepted peer. Mutated only by the server's loop thread; the few fields other threads
 * read for snapshots are volatile.
 */
final class Connection {
    final long id;
    final SocketChannel channel;
    final InetSocketAddress remote;
    final InetSocketAddress local;
    final Instant connectedAt;
    SelectionKey key;

    volatile long bytesIn;
    volatile long bytesOut;
    volatile String lastReceived = "";

    final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    long pendingBytes;
    /** When the oldest unsent byte was queued, or when the last write made progress. */
    long writeProgressNanos;
    long lastActivityNanos;
    /** Close (with this reason) as soon as everything queued is written. */
    CloseReason closeWhenFlushed;
    /** HTTP mode: the request head collected so far; null once answered. */
    HttpResponder http;
    long httpDeadlineNanos;
    boolean closed;

    Connection(long id, SocketChannel channel, InetSocketAddress remote, InetSocketAddress local,
            Instant connectedAt, long nowNanos) {
        this.id = id;
        this.channel = channel;
        this.remote = remote;
        this.local = local;
        this.connectedAt = connectedAt;
        this.lastActivityNanos = nowNanos;
    }

    PeerSnapshot snapshot(CloseReason reason, Instant closedAt) {
        return new PeerSnapshot(id, remote, local, connectedAt, bytesIn, bytesOut, reason, closedAt, lastReceived);
    }
}
