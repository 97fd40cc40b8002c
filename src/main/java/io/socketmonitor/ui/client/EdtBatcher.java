package io.socketmonitor.ui.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javax.swing.Timer;

/**
 * Carries items from network threads to the EDT in batches: producers only enqueue; a Swing
 * {@link Timer} drains every {@value #PERIOD_MS} ms and hands one list to the consumer, so a
 * fast stream or a burst never floods the EDT with one {@code invokeLater} per event.
 */
final class EdtBatcher<T> {
    static final int PERIOD_MS = 100;
    private static final int MAX_PER_TICK = 10_000;

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> consumer;
    private final Timer timer;

    /** Create on the EDT; the consumer runs on the EDT. */
    EdtBatcher(Consumer<List<T>> consumer) {
        this.consumer = consumer;
        this.timer = new Timer(PERIOD_MS, e -> drain());
        timer.setCoalesce(true);
    }

    /** Any thread. */
    void add(T item) {
        queue.add(item);
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    /** On the EDT: hands what is queued to the consumer (the next tick takes the rest). */
    void drain() {
        List<T> batch = new ArrayList<>();
        T item;
        while (batch.size() < MAX_PER_TICK && (item = queue.poll()) != null) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
