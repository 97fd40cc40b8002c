package io.socketmonitor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * Carries items from network threads to the EDT in batches: producers only append to a list, a
 * Swing {@link Timer} swaps that list for an empty one and hands it to the consumer. Never one
 * {@code invokeLater} per item. While items flow it ticks every {@code periodMillis}; after a
 * quiet spell it stops ticking, and the first item to arrive wakes it with one
 * {@code invokeLater}, so an idle window has no timer of its own to wake for.
 * Under a flood (over {@value #FLOOD_ITEMS_PER_SECOND} items a second, far more than anyone can
 * read) it ticks every {@value #FLOOD_PERIOD_MS} ms, five frames a second as monitors such as
 * TCPView (one) refresh: each tick repaints the table, the log and the lecture, and painting 40
 * times a second took CPU from the server being watched for no one's benefit (measured at 35,000
 * connections a second: 0.59 against 0.78 µs of EDT time a connection at 100 ms).
 */
public class EdtBatcher<T> {
    /** Empty ticks in a row after which the timer stops until the next item. */
    static final int IDLE_AFTER_TICKS = 20;
    /** Most items handed over in one tick, so one tick never holds the EDT for long. */
    static final int MAX_PER_TICK = 100_000; // 500,000 a second at the flood period
    /** Above this rate the batcher ticks every {@link #FLOOD_PERIOD_MS}; below half of it, at its own period again. */
    static final int FLOOD_ITEMS_PER_SECOND = 40_000;
    static final int FLOOD_PERIOD_MS = 200;

    // A list swapped under a lock, not a ConcurrentLinkedQueue: the producer pays one uncontended
    // lock instead of a node and two CASes per item, and the EDT takes a whole batch in O(1)
    // instead of polling item by item.
    private final Object lock = new Object();
    private ArrayList<T> incoming = new ArrayList<>(); // guarded by lock
    private boolean asleep; // guarded by lock: the timer is stopped and the next add wakes it
    private boolean stopped; // EDT only: stop() was called, so a late wake-up does nothing
    private ArrayList<T> backlog; // EDT only: what a tick over MAX_PER_TICK left for the next
    private volatile int backlogSize; // written on the EDT, read by pending() anywhere
    private final Consumer<List<T>> consumer;
    private final Timer timer;
    private final int periodMillis;
    private int idleTicks; // EDT only
    private ArrayList<T> spare; // EDT only: the next incoming list, sized like the last batch
    private int lastBatch = 16; // EDT only
    private final LongSupplier nanoClock;
    private long lastBatchNanos; // EDT only
    private boolean flooded; // EDT only

    /** Create on the EDT; the consumer runs on the EDT. */
    public EdtBatcher(int periodMillis, Consumer<List<T>> consumer) {
        this(periodMillis, consumer, System::nanoTime);
    }

    /** With a clock of its own, for tests of the flood period. */
    EdtBatcher(int periodMillis, Consumer<List<T>> consumer, LongSupplier nanoClock) {
        this.periodMillis = periodMillis;
        this.consumer = consumer;
        this.nanoClock = nanoClock;
        this.timer = new Timer(periodMillis, e -> drain());
        timer.setCoalesce(true);
    }

    /** Any thread. */
    public void add(T item) {
        boolean wake;
        synchronized (lock) {
            incoming.add(item);
            wake = asleep;
            asleep = false;
        }
        if (wake) {
            SwingUtilities.invokeLater(this::wake);
        }
    }

    public void start() {
        stopped = false;
        timer.start();
    }

    public void stop() {
        stopped = true;
        synchronized (lock) {
            asleep = false; // no add wakes it again
        }
        timer.stop();
    }

    /** The timer is stopped until the next item arrives. */
    boolean sleeping() {
        synchronized (lock) {
            return asleep;
        }
    }

    /** On the EDT, for the first item after a quiet spell: hands it over now and ticks again. */
    private void wake() {
        if (stopped) {
            return;
        }
        drain();
        timer.restart();
    }

    /** Items waiting for the next tick. */
    public int pending() {
        synchronized (lock) {
            return incoming.size() + backlogSize;
        }
    }

    /** On the EDT: hands what is queued to the consumer (the next tick takes any rest). */
    public void drain() {
        if (spare == null) {
            spare = new ArrayList<>(lastBatch); // allocated outside the lock the producer waits on
        }
        int waiting = backlog == null ? 0 : backlog.size();
        ArrayList<T> taken = null;
        synchronized (lock) {
            if (!incoming.isEmpty()) {
                taken = incoming;
                incoming = spare;
                spare = null;
                // counted as pending until handed over, as before the swap
                backlogSize = Math.max(0, waiting + taken.size() - MAX_PER_TICK);
            }
        }
        List<T> batch = taken;
        if (backlog != null) {
            if (taken != null) {
                backlog.addAll(taken);
            }
            batch = backlog;
            backlog = null;
        }
        if (batch == null) {
            if (++idleTicks >= IDLE_AFTER_TICKS) {
                sleepUnlessItemsCame();
            }
            return;
        }
        idleTicks = 0;
        followRate(batch.size());
        if (batch.size() > MAX_PER_TICK) {
            backlog = new ArrayList<>(batch.subList(MAX_PER_TICK, batch.size()));
            batch = new ArrayList<>(batch.subList(0, MAX_PER_TICK));
        }
        backlogSize = backlog == null ? 0 : backlog.size();
        lastBatch = Math.max(16, batch.size());
        consumer.accept(batch);
    }

    /** Stops the timer, unless an item arrived since the tick looked (then the next tick takes it). */
    private void sleepUnlessItemsCame() {
        synchronized (lock) {
            if (!incoming.isEmpty()) {
                return;
            }
            asleep = true;
        }
        timer.stop();
        idleTicks = 0;
        flooded = false;
        timer.setDelay(periodMillis);
    }

    /** Switches between the normal and the flood period by the rate since the last batch. */
    private void followRate(int items) {
        long now = nanoClock.getAsLong();
        long elapsed = lastBatchNanos == 0 ? periodMillis * 1_000_000L : now - lastBatchNanos;
        lastBatchNanos = now;
        // At least one period: a drain called directly right after a tick (as a stop does) is
        // not a burst.
        double perSecond = items * 1e9 / Math.max(elapsed, periodMillis * 1_000_000L);
        if (!flooded && perSecond > FLOOD_ITEMS_PER_SECOND) {
            flooded = true;
            timer.setDelay(FLOOD_PERIOD_MS);
        } else if (flooded && perSecond < FLOOD_ITEMS_PER_SECOND / 2.0) {
            flooded = false;
            timer.setDelay(periodMillis);
        }
    }

    /** Whether the timer is running (EDT). */
    boolean ticking() {
        return timer.isRunning();
    }

    /** The timer's current period, in milliseconds. */
    int periodNow() {
        return timer.getDelay();
    }
}
