package io.socketmonitor.server;

import io.socketmonitor.template.GreetingTemplate;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The lecture's accept-loop server on one NIO selector thread. API skeleton; implementation in progress.
 */
public final class MonitorServer implements AutoCloseable {

    public MonitorServer(ServerConfig config) {
        throw new UnsupportedOperationException("in progress");
    }

    public void addListener(ServerListener listener) {}

    public void removeListener(ServerListener listener) {}

    /** Binds and starts the loop thread; returns the bound address (real port when 0 was asked). */
    public InetSocketAddress start() throws BindFailedException {
        throw new UnsupportedOperationException("in progress");
    }

    /** Closes the listener and every peer, joins the loop thread; the port is free on return. */
    public void stop() {}

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return false;
    }

    public ServerConfig config() {
        return null;
    }

    /** Replaces the configuration; only while stopped. */
    public void reconfigure(ServerConfig config) {}

    /** Applies to the next connection. */
    public void setGreeting(GreetingTemplate greeting) {}

    public void setEcho(boolean echo) {}

    /** Bound address while running, else null. */
    public InetSocketAddress localAddress() {
        return null;
    }

    /** Snapshots of the open peers, in connection order. */
    public List<PeerSnapshot> peers() {
        return List.of();
    }

    public ServerStats stats() {
        return ServerStats.ZERO;
    }

    /** Queues bytes to one open peer (keep-open); false when it is gone. */
    public boolean send(long peerId, byte[] data) {
        return false;
    }

    /** Queues bytes to every open peer; returns how many. */
    public int sendToAll(byte[] data) {
        return 0;
    }

    /** Closes one peer with reason "disconnected by user"; false when it is gone. */
    public boolean disconnect(long peerId) {
        return false;
    }
}
