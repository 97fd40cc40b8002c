package io.socketmonitor.client;

import io.socketmonitor.net.Addresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/** What a {@link TestClient} reports, on its own thread, in the order it happens. */
public sealed interface ClientEvent {

    /** About to connect to one resolved address (a name may resolve to several). */
    record Trying(InetAddress address) implements ClientEvent {
        /** telnet's "Trying 127.0.0.1..." */
        public String text() {
            return "Trying " + Addresses.literal(address) + "...";
        }
    }

    /** The handshake finished. {@code host} is the name as the user typed it. */
    record Connected(String host, InetSocketAddress remote, InetSocketAddress local, Duration connectTime)
            implements ClientEvent {
        /** telnet's "Connected to localhost." */
        public String text() {
            return "Connected to " + host + ".";
        }
    }

    /** Bytes from the server; {@code sinceConnected} is measured when they were read. */
    record Received(byte[] data, Duration sinceConnected) implements ClientEvent {}

    /** Bytes written to the server. */
    record Sent(byte[] data) implements ClientEvent {}

    /** Our side was shut down (half-close): the server reads end of stream, we can still read. */
    record OutputShutdown() implements ClientEvent {}

    /** Connecting failed; {@code message} is one sentence. A {@link Closed} follows. */
    record Failed(String message) implements ClientEvent {}

    /** The session is over; always the last event. */
    record Closed(SessionSummary summary) implements ClientEvent {}
}
