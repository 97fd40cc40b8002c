package io.socketmonitor.client;

import io.socketmonitor.server.BindFailedException;
import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.server.ServerEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The app's own server on a free loopback port, with its events recorded for assertions. */
final class ServerFixture implements AutoCloseable {
    final MonitorServer server;
    final InetSocketAddress address;
    final ConcurrentLinkedQueue<ServerEvent> events = new ConcurrentLinkedQueue<>();

    private ServerFixture(ServerConfig config) throws BindFailedException {
        server = new MonitorServer(config);
        server.addListener(events::add);
        address = server.start();
    }

    /** The lecture's server: "Hello from server\n", then close. */
    static ServerFixture greetAndClose() throws BindFailedException {
        return new ServerFixture(ServerConfig.defaults().withPort(0));
    }

    static ServerFixture keepOpen() throws BindFailedException {
        return new ServerFixture(ServerConfig.defaults().withPort(0).withMode(Mode.KEEP_OPEN));
    }

    static ServerFixture on(InetAddress bind, Mode mode) throws BindFailedException {
        return new ServerFixture(ServerConfig.defaults().withPort(0).withBindAddress(bind).withMode(mode));
    }

    int port() {
        return address.getPort();
    }

    /** "127.0.0.1:PORT" */
    String hostPort() {
        return "127.0.0.1:" + port();
    }

    long closed(CloseReason reason) {
        return events.stream().filter(e -> e instanceof ServerEvent.Closed c && c.peer().closeReason() == reason)
                .count();
    }

    List<ServerEvent.Closed> closedEvents() {
        return events.stream().filter(ServerEvent.Closed.class::isInstance).map(ServerEvent.Closed.class::cast)
                .toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
