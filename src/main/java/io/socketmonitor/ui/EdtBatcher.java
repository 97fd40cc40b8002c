package io.socketmonitor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.swing.Timer;

/**
 * Carries items from network threads to the EDT in batches: producers only enqueue, a Swing
 * {@link Timer} drains the queue and hands one list to the consumer. Never one
 * {@code invokeLater} per item. While items flow it ticks every {@code periodMillis}; after a
 * quiet spell it slows to {@value #IDLE_PERIOD_MS} ms, so an idle window costs almost no CPU.
 */
public class EdtBatcher<T> {
    /** The period once nothing has arrived for a while; the first item after a pause waits at most this. */
    static final int IDLE_PERIOD_MS = 200;
    private static final int IDLE_AFTER_TICKS = 20;
    /** Most items handed over in one tick, so one tick never holds the EDT for long. */
    static final int MAX_PER_TICK = 50_000;

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Consumer<List<T>> consumer;
    private final Timer timer;
    private final int periodMillis;
    private int idleTicks; // EDT only

    /** Create on the EDT; the consumer runs on the EDT. */
    public EdtBatcher(int periodMillis, Consumer<List<T>> consumer) {
        this.periodMillis = periodMillis;
        this.consumer = consumer;
        this.timer = new Timer(periodMillis, e -> drain());
        timer.setCoalesce(true);
    }

    /** Any thread. */
    public void add(T item) {
        queue.add(item);
        size.incrementAndGet();
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Items waiting for the next tick. */
    public int pending() {
        return size.get();
    }

    /** On the EDT: hands what is queued to the consumer (the next tick takes any rest). */
    public void drain() {
        if (queue.isEmpty()) {
            if (++idleTicks == IDLE_AFTER_TICKS) {
                timer.setDelay(IDLE_PERIOD_MS);
            }
            return;
        }
        if (idleTicks >= IDLE_AFTER_TICKS) {
            timer.setDelay(periodMillis);
        }
        idleTicks = 0;
        List<T> batch = new ArrayList<>(Math.min(size.get(), MAX_PER_TICK));
        T item;
        while (batch.size() < MAX_PER_TICK && (item = queue.poll()) != null) {
            batch.add(item);
        }
        size.addAndGet(-batch.size());
        consumer.accept(batch);
    }
}
