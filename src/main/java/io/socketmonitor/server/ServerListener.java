package io.socketmonitor.server;

/**
 * Receives server events on the server's threads (its acceptor or its selector loop), one
 * thread at a time and in order. Implementations must return quickly and never block: queue
 * the event and handle it elsewhere.
 */
@FunctionalInterface
public interface ServerListener {
    void onEvent(ServerEvent event);
}
