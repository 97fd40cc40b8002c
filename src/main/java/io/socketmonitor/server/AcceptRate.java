package io.socketmonitor.server;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Accepts over the last second, in ten 100 ms buckets: written by the loop thread, read by anyone.
 * Buckets older than a second are ignored by readers and reset by the writer.
 */
final class AcceptRate {
    private static final int BUCKETS = 10;
    private static final long BUCKET_NANOS = 100_000_000L;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray epochs = new AtomicLongArray(BUCKETS);

    void record(long nowNanos) {
        long epoch = nowNanos / BUCKET_NANOS;
        int i = (int) Math.floorMod(epoch, (long) BUCKETS);
        if (epochs.get(i) != epoch) {
            epochs.set(i, epoch);
            counts.set(i, 0);
        }
        counts.incrementAndGet(i);
    }

    long lastSecond(long nowNanos) {
        long epoch = nowNanos / BUCKET_NANOS;
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long e = epochs.get(i);
            if (e > epoch - BUCKETS && e <= epoch) {
                sum += counts.get(i);
            }
        }
        return sum;
    }
}
