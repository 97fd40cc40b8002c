package io.socketmonitor.ui;

import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.swing.Timer;

/**
 * Carries server events to the EDT in batches: the server thread only enqueues, a Swing
 * {@link Timer} drains the queue every {@link #PERIOD_MS} ms (25 by default: a 100 ms period alone would put p99 event-to-paint near 120 ms) and hands one list to the consumer.
 * Never one {@code invokeLater} per event.
 */
public final class EventBatcher implements ServerListener {
    public static final int PERIOD_MS = Integer.getInteger("socketmonitor.ui.batchMillis", 25);
    /** Most events handed over in one tick, so one tick never holds the EDT for long. */
    static final int MAX_PER_TICK = 50_000;

    private final Queue<ServerEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Consumer<List<ServerEvent>> consumer;
    private final Timer timer;

    /** Create on the EDT; the consumer runs on the EDT. */
    public EventBatcher(Consumer<List<ServerEvent>> consumer) {
        this.consumer = consumer;
        this.timer = new Timer(PERIOD_MS, e -> drain());
        timer.setCoalesce(true);
    }

    @Override
    public void onEvent(ServerEvent event) {
        queue.add(event);
        size.incrementAndGet();
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Events waiting for the next tick. */
    public int pending() {
        return size.get();
    }

    /** Hands everything queued so far to the consumer; on the EDT. */
    public void drain() {
        if (queue.isEmpty()) {
            return;
        }
        List<ServerEvent> batch = new ArrayList<>(Math.min(size.get(), MAX_PER_TICK));
        ServerEvent e;
        while (batch.size() < MAX_PER_TICK && (e = queue.poll()) != null) {
            batch.add(e);
        }
        size.addAndGet(-batch.size());
        consumer.accept(batch);
    }
}
