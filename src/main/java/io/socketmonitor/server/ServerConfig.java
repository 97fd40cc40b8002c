package io.socketmonitor.server;

import io.socketmonitor.template.GreetingTemplate;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the server needs to start. Values are checked here, once, with sentences a user
 * can act on; the server trusts them afterwards.
 *
 * @param maxPerPeer   connections allowed from one peer address; 0 means no limit
 * @param idleTimeout  keep-open peers silent this long are closed; zero means never
 * @param writeTimeout a peer with unsent bytes for this long is cut
 */
public record ServerConfig(
        InetAddress bindAddress,
        int port,
        GreetingTemplate greeting,
        Mode mode,
        int backlog,
        int maxConnections,
        int maxPerPeer,
        Duration idleTimeout,
        Duration writeTimeout,
        boolean echo) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_BACKLOG = 511;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        checkPort(port);
        checkRange("Backlog", backlog, 1, 65_535);
        checkRange("Max connections", maxConnections, 1, 1_000_000);
        checkRange("Max connections per peer", maxPerPeer, 0, 1_000_000);
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("Idle timeout cannot be negative.");
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("Write timeout must be at least 1 second.");
        }
    }

    /** The lecture's server on loopback: port 8080, "Hello from server\n", greet and close. */
    public static ServerConfig defaults() {
        return new ServerConfig(InetAddress.getLoopbackAddress(), DEFAULT_PORT, GreetingTemplate.DEFAULT,
                Mode.CLOSE, DEFAULT_BACKLOG, DEFAULT_MAX_CONNECTIONS, 0, Duration.ZERO,
                DEFAULT_WRITE_TIMEOUT, false);
    }

    public static void checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port
                    + " is out of range: a TCP port is a number from 0 to 65535 (0 picks a free one).");
        }
    }

    private static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max
                    + ", not " + value + ".");
        }
    }

    public ServerConfig withBindAddress(InetAddress a) {
        return new ServerConfig(a, port, greeting, mode, backlog, maxConnections, maxPerPeer, idleTimeout, writeTimeout, echo);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(bindAddress, p, greeting, mode, backlog, maxConnections, maxPerPeer, idleTimeout, writeTimeout, echo);
    }

    public ServerConfig withGreeting(GreetingTemplate g) {
        return new ServerConfig(bindAddress, port, g, mode, backlog, maxConnections, maxPerPeer, idleTimeout, writeTimeout, echo);
    }

    public ServerConfig withMode(Mode m) {
        return new ServerConfig(bindAddress, port, greeting, m, backlog, maxConnections, maxPerPeer, idleTimeout, writeTimeout, echo);
    }

    public ServerConfig withBacklog(int b) {
        return new ServerConfig(bindAddress, port, greeting, mode, b, maxConnections, maxPerPeer, idleTimeout, writeTimeout, echo);
    }

    public ServerConfig withMaxConnections(int n) {
        return new ServerConfig(bindAddress, port, greeting, mode, backlog, n, maxPerPeer, idleTimeout, writeTimeout, echo);
    }

    public ServerConfig withMaxPerPeer(int n) {
        return new ServerConfig(bindAddress, port, greeting, mode, backlog, maxConnections, n, idleTimeout, writeTimeout, echo);
    }

    public ServerConfig withIdleTimeout(Duration d) {
        return new ServerConfig(bindAddress, port, greeting, mode, backlog, maxConnections, maxPerPeer, d, writeTimeout, echo);
    }

    public ServerConfig withWriteTimeout(Duration d) {
        return new ServerConfig(bindAddress, port, greeting, mode, backlog, maxConnections, maxPerPeer, idleTimeout, d, echo);
    }

    public ServerConfig withEcho(boolean e) {
        return new ServerConfig(bindAddress, port, greeting, mode, backlog, maxConnections, maxPerPeer, idleTimeout, writeTimeout, e);
    }
}
