package io.socketmonitor.ui;

import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerListener;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's events on their way to the window: the server thread only enqueues, the EDT
 * takes them in batches every {@link #PERIOD_MS} ms (25 by default: a 100 ms period alone would
 * put p99 event-to-paint near 120 ms).
 */
public final class EventBatcher extends EdtBatcher<ServerEvent> implements ServerListener {
    public static final int PERIOD_MS = Integer.getInteger("socketmonitor.ui.batchMillis", 25);

    /** Create on the EDT; the consumer runs on the EDT. */
    public EventBatcher(Consumer<List<ServerEvent>> consumer) {
        super(PERIOD_MS, consumer);
    }

    @Override
    public void onEvent(ServerEvent event) {
        add(event);
    }
}
