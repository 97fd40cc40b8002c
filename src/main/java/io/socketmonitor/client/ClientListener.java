package io.socketmonitor.client;

/**
 * Receives {@link ClientEvent}s on the client's thread. Return quickly: a window queues them and
 * draws them in batches.
 */
@FunctionalInterface
public interface ClientListener {
    void onEvent(ClientEvent event);
}
