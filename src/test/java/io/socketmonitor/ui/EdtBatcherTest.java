package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** Items cross from producer threads to the EDT whole, in order, at most MAX_PER_TICK a tick. */
@GuiTest
class EdtBatcherTest {
    private final List<List<Integer>> batches = new ArrayList<>(); // EDT only
    private final EdtBatcher<Integer> batcher =
            GuiActionRunner.execute(() -> new EdtBatcher<Integer>(25, b -> batches.add(new ArrayList<>(b))));

    private int drain() {
        return GuiActionRunner.execute(() -> {
            int before = batches.size();
            batcher.drain();
            return batches.size() - before;
        });
    }

    @Test
    void everyItemArrivesOnceAndInEachProducersOrder() throws Exception {
        int producers = 4;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    batcher.add(base + i);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        // drain while they produce, then what is left
        boolean alive = true;
        for (int rounds = 0; alive && rounds < 100_000; rounds++) {
            drain();
            alive = threads.stream().anyMatch(Thread::isAlive);
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        // A tick hands over at most MAX_PER_TICK: when the producers outran the loop above (a busy
        // machine), more than one tick's worth is left.
        for (int rounds = 0; batcher.pending() > 0 && rounds < 100; rounds++) {
            drain();
        }
        List<Integer> all = GuiActionRunner.execute(() -> batches.stream().flatMap(List::stream).toList());
        assertThat(all).hasSize(producers * each);
        int[] next = new int[producers];
        for (int v : all) {
            int p = v / each;
            assertThat(v % each).isEqualTo(next[p]);
            next[p]++;
        }
        assertThat(batcher.pending()).isZero();
    }

    @Test
    void aTickHandsOverAtMostMaxPerTickAndTheRestNextInOrder() {
        int over = 10;
        for (int i = 0; i < EdtBatcher.MAX_PER_TICK + over; i++) {
            batcher.add(i);
        }
        assertThat(batcher.pending()).isEqualTo(EdtBatcher.MAX_PER_TICK + over);
        assertThat(drain()).isEqualTo(1);
        assertThat(batcher.pending()).isEqualTo(over);
        batcher.add(-1); // arrives after the rest
        assertThat(drain()).isEqualTo(1);
        assertThat(drain()).isZero(); // nothing left: no empty batch
        List<List<Integer>> got = GuiActionRunner.execute(() -> new ArrayList<>(batches));
        assertThat(got.get(0)).hasSize(EdtBatcher.MAX_PER_TICK);
        assertThat(got.get(0).get(EdtBatcher.MAX_PER_TICK - 1)).isEqualTo(EdtBatcher.MAX_PER_TICK - 1);
        assertThat(got.get(1)).hasSize(over + 1);
        assertThat(got.get(1).get(0)).isEqualTo(EdtBatcher.MAX_PER_TICK);
        assertThat(got.get(1).get(over)).isEqualTo(-1);
        assertThat(batcher.pending()).isZero();
    }

    @Test
    void aFloodSlowsTheTicksToTheFloodPeriodAndACalmSpeedsThemUpAgain() {
        long[] now = {1_000_000_000L};
        EdtBatcher<Integer> b = GuiActionRunner.execute(() -> new EdtBatcher<Integer>(25, x -> { }, () -> now[0]));
        java.util.function.IntConsumer tickAfter25ms = items -> {
            for (int i = 0; i < items; i++) {
                b.add(i);
            }
            now[0] += 25_000_000L;
            GuiActionRunner.execute(b::drain);
        };
        tickAfter25ms.accept(250); // 10,000 a second: every connection still painted within 25 ms
        assertThat(GuiActionRunner.execute(b::periodNow)).isEqualTo(25);
        tickAfter25ms.accept(2_000); // 80,000 a second
        assertThat(GuiActionRunner.execute(b::periodNow)).isEqualTo(EdtBatcher.FLOOD_PERIOD_MS);
        tickAfter25ms.accept(750); // 30,000 a second: above half the threshold, stays slow
        assertThat(GuiActionRunner.execute(b::periodNow)).isEqualTo(EdtBatcher.FLOOD_PERIOD_MS);
        tickAfter25ms.accept(250); // 10,000 a second again
        assertThat(GuiActionRunner.execute(b::periodNow)).isEqualTo(25);
    }

    @Test
    void aQuietBatcherStopsTickingAndItsNextItemWakesIt() {
        List<Integer> got = new CopyOnWriteArrayList<>();
        // 100 ms: the batcher sleeps again only 2 s after an item, time enough to see it ticking.
        EdtBatcher<Integer> b = GuiActionRunner.execute(() -> new EdtBatcher<Integer>(100, got::addAll));
        GuiActionRunner.execute(b::start);
        try {
            // An idle window: after IDLE_AFTER_TICKS empty ticks (2 s here) no timer wakes the EDT.
            await().atMost(Duration.ofSeconds(10)).until(b::sleeping);
            assertThat(GuiActionRunner.execute(b::ticking)).isFalse();

            b.add(7); // from a network thread, as the server's events come
            await().atMost(Duration.ofSeconds(10)).until(() -> got.contains(7));
            assertThat(GuiActionRunner.execute(b::ticking)).as("ticking again while items may follow").isTrue();

            b.add(8); // and the ticks carry the next items
            await().atMost(Duration.ofSeconds(10)).until(() -> got.contains(8));
        } finally {
            GuiActionRunner.execute(b::stop);
        }
        b.add(9); // after stop (the window closed), nothing starts the timer again
        GuiActionRunner.execute(() -> { }); // the EDT has run anything queued before this
        assertThat(GuiActionRunner.execute(b::ticking)).isFalse();
        assertThat(got).doesNotContain(9);

        GuiActionRunner.execute(b::start); // shown again (the test client's pane re-added): all as before
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> got.contains(9));
            await().atMost(Duration.ofSeconds(10)).until(b::sleeping);
            b.add(10);
            await().atMost(Duration.ofSeconds(10)).until(() -> got.contains(10));
        } finally {
            GuiActionRunner.execute(b::stop);
        }
    }
}
