package io.socketmonitor.server;

/**
 * Receives server events on the server's selector thread. Implementations must return
 * quickly and never block: queue the event and handle it elsewhere.
 */
@FunctionalInterface
public interface ServerListener {
    void onEvent(ServerEvent event);
}
