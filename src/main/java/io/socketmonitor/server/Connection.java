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
    /** For each buffer in {@link #pending}: whether it is the peer's own bytes sent back. */
    final ArrayDeque<Boolean> pendingIsEcho = new ArrayDeque<>();
    long pendingBytes;
    /** The echo part of {@link #pendingBytes}, which counts toward the server-wide bound. */
    long echoPendingBytes;
    /** When the oldest unsent byte was queued, or when the last write made progress. */
    long writeProgressNanos;
    /** When the peer last sent something: the idle timeout counts from here. */
    long lastReadNanos;
    /**
     * The server stopped reading this peer (its own unsent bytes, or every peer's together, are
     * past their bound): its silence meanwhile is ours, so the idle clock waits too.
     */
    boolean readPaused;
    long pausedAtNanos;
    /** Paused for the server-wide bound: {@link PeerIo} resumes it once there is room. */
    boolean waitingForRoom;
    /** Someone watches this peer's data: its events carry the bytes, not only a preview. */
    boolean watched;
    /** What may still be copied for the watcher in this tenth of a second, and when it began. */
    long watchBytesLeft;
    long watchPeriodStart;
    /** Greeted and shut down, waiting (briefly) for the peer to finish sending before we close. */
    boolean lingering;
    long lingerDeadlineNanos;
    /** Close (with this reason) as soon as everything queued is written. */
    CloseReason closeWhenFlushed;
    /** HTTP mode: the request head collected so far; null once answered. */
    HttpResponder http;
    long httpDeadlineNanos;
    boolean closed;
    /** shutdownOutput succeeded: the peer was sent our FIN before the close. */
    boolean finSent;

    Connection(long id, SocketChannel channel, InetSocketAddress remote, InetSocketAddress local,
            Instant connectedAt, long nowNanos) {
        this.id = id;
        this.channel = channel;
        this.remote = remote;
        this.local = local;
        this.connectedAt = connectedAt;
        this.lastReadNanos = nowNanos;
    }

    PeerSnapshot snapshot(CloseReason reason, Instant closedAt) {
        return new PeerSnapshot(id, remote, local, connectedAt, bytesIn, bytesOut, reason, closedAt, lastReceived,
                finSent);
    }
}
