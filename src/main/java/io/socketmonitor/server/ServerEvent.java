package io.socketmonitor.server;

import java.net.InetSocketAddress;
import java.time.Instant;

/** What the server reports to its listeners, on the server thread. */
public sealed interface ServerEvent {

    Instant time();

    /** The listening socket is bound; {@code local} carries the real port. */
    record Listening(Instant time, InetSocketAddress local, ServerConfig config) implements ServerEvent {}

    /** A connection was accepted (it may be closed at once when a limit applies). */
    record Connected(Instant time, PeerSnapshot peer) implements ServerEvent {}

    /**
     * Bytes were written to a peer (the greeting, an HTTP answer, an echo or a user's text);
     * {@code preview} is short and printable, or null (greet and close does not make one).
     */
    record Sent(Instant time, long peerId, int bytes, String preview, byte[] data) implements ServerEvent {
        public Sent(Instant time, long peerId, int bytes) {
            this(time, peerId, bytes, null, null);
        }

        public Sent(Instant time, long peerId, int bytes, String preview) {
            this(time, peerId, bytes, preview, null);
        }
    }

    /**
     * Bytes arrived from a peer; {@code preview} is short and printable. {@code data}: the
     * bytes themselves, for a peer someone watches ({@link MonitorServer#watch}), else null.
     * {@link Sent}'s likewise.
     */
    record Received(Instant time, long peerId, int bytes, String preview, byte[] data) implements ServerEvent {
        public Received(Instant time, long peerId, int bytes, String preview) {
            this(time, peerId, bytes, preview, null);
        }
    }

    /** A connection ended; {@code peer} is its final snapshot, with the reason. */
    record Closed(Instant time, PeerSnapshot peer) implements ServerEvent {}

    /**
     * A peer sent an HTTP request to a server that greets instead of answering (mode close or
     * keep-open), so curl or a browser got a greeting it cannot read as an answer. Said at a
     * limited rate; not an error of the server's, so not counted as one. {@code requestLine}:
     * printable, "GET / HTTP/1.1".
     */
    record HttpRequestOutsideHttpMode(Instant time, long peerId, InetSocketAddress remote, String requestLine)
            implements ServerEvent {}

    /** Something went wrong that the user should read (accept failures, limits, I/O). */
    record Error(Instant time, String message) implements ServerEvent {}

    /** The server stopped; the listening port is free again. */
    record Stopped(Instant time, ServerStats finalStats) implements ServerEvent {}
}
