package io.socketmonitor.ui;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.server.ServerEvent;
import java.awt.Component;
import java.awt.Dimension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.prefs.Preferences;
import javax.swing.JTable;
import javax.swing.table.TableCellRenderer;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test (its name keeps it out of the normal failsafe run): with the window
 * open, floods it at 10,000 server events per second (connect, send, close of 3,333 peers a
 * second, delivered through the window's own listener exactly as the server thread delivers
 * them) and measures the time from each Connected event to the first paint of the peer table
 * that shows its row. Run: {@code mvn -o -B test-compile failsafe:integration-test -Dit.test=PeerTablePaintBench}
 * (add {@code -Dgui.real.display=true} under xvfb-run for a real X server). Figures go to
 * stdout and target/bench/paint-latency.txt.
 */
@GuiTest
@Tag("bench")
class PeerTablePaintBench {
    static final int EVENTS_PER_SECOND = Integer.getInteger("bench.rate", 10_000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int WARMUP_SECONDS = 2;

    @Test
    void eventToPaintLatencyUnderFlood() throws Exception {
        Preferences node = Preferences.userRoot().node("socket-monitor-bench/" + UUID.randomUUID());
        GuiActionRunner.execute(() -> Themes.install(Themes.LIGHT));
        MainWindow main = GuiActionRunner.execute(() -> MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0)));
        // Latency samples (ns) and the event times waiting for a paint; both EDT-only.
        long[][] samples = {new long[1 << 20]};
        int[] count = {0};
        long[] waiting = new long[1 << 20];
        int[] waitingCount = {0};
        long[] applyNanos = new long[1 << 16];
        int[] batches = {0};
        long[] measureFrom = {Long.MAX_VALUE};
        GuiActionRunner.execute(() -> {
            main.frame().setSize(new Dimension(1200, 800));
            main.frame().setVisible(true);
            JTable table = main.peerPanel().table();
            TableCellRenderer base = table.getDefaultRenderer(Long.class);
            table.setDefaultRenderer(Long.class, (t, v, sel, focus, row, col) -> {
                if (waitingCount[0] > 0) { // the first paint after a batch: its rows are on screen now
                    long now = System.nanoTime();
                    for (int i = 0; i < waitingCount[0]; i++) {
                        if (waiting[i] >= measureFrom[0] && count[0] < samples[0].length) {
                            samples[0][count[0]++] = now - waiting[i];
                        }
                    }
                    waitingCount[0] = 0;
                }
                return base.getTableCellRendererComponent(t, v, sel, focus, row, col);
            });
            main.onBatches(batch -> {
                for (ServerEvent e : batch) {
                    if (e instanceof ServerEvent.Connected c && waitingCount[0] < waiting.length) {
                        waiting[waitingCount[0]++] = nanosOf(c.time());
                    }
                }
            });
        });

        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
        InetAddress peerAddress = InetAddress.getLoopbackAddress();
        EventBatcher sink = main.batcher();
        // Time the EDT spends applying each batch (model + log + lecture), around the real consumer.
        long total = (long) EVENTS_PER_SECOND * (SECONDS + WARMUP_SECONDS);
        long start = System.nanoTime();
        long id = 0;
        long sent = 0;
        while (sent < total) {
            long due = start + sent * 1_000_000_000L / EVENTS_PER_SECOND;
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(Math.min(due - now, 1_000_000));
                continue;
            }
            if (measureFrom[0] == Long.MAX_VALUE && now - start >= TimeUnit.SECONDS.toNanos(WARMUP_SECONDS)) {
                measureFrom[0] = now;
            }
            // one connection = 3 events, like the server's greet & close
            id++;
            Instant t = instantNow();
            InetSocketAddress remote = new InetSocketAddress(peerAddress, 20_000 + (int) (id % 40_000));
            PeerSnapshot open = new PeerSnapshot(id, remote, local, t, 0, 0, null, null, null);
            sink.onEvent(new ServerEvent.Connected(t, open));
            sink.onEvent(new ServerEvent.Sent(t, id, 18));
            Instant t2 = instantNow();
            sink.onEvent(new ServerEvent.Closed(t2, new PeerSnapshot(id, remote, local, t, 0, 18,
                    CloseReason.AFTER_GREETING, t2, null)));
            sent += 3;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // let the last batches paint
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> GuiActionRunner.execute(() -> waitingCount[0] == 0 && sink.pending() == 0));

        long[] lat = GuiActionRunner.execute(() -> Arrays.copyOf(samples[0], count[0]));
        Arrays.sort(lat);
        int rows = GuiActionRunner.execute(() -> main.peerModel().getRowCount());
        String report = String.format(
                "Peer table event-to-paint latency, %s, %d events/s requested (%.0f achieved) for %d s after %d s warm-up:%n"
                        + "  samples %d connections; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (goal p99 < 50 ms)%n"
                        + "  table rows at the end: %d (history bound %d); batch period %d ms%n",
                GuiToolkitExtension.REAL_DISPLAY ? "real X display" : "Cacio", EVENTS_PER_SECOND, total / seconds,
                SECONDS, WARMUP_SECONDS, lat.length, pct(lat, 50), pct(lat, 90), pct(lat, 99),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, rows, PeerTableModel.DEFAULT_HISTORY,
                EventBatcher.PERIOD_MS);
        System.out.println(report);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("paint-latency" + (GuiToolkitExtension.REAL_DISPLAY ? "-x11" : "-cacio") + ".txt"), report);
        GuiActionRunner.execute(() -> main.close());
        node.removeNode();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    // Event times use one clock with the paint probe: nanoTime, carried in the event's Instant.
    private static final long NANO_ORIGIN = System.nanoTime();

    private static Instant instantNow() {
        return Instant.ofEpochSecond(0, System.nanoTime() - NANO_ORIGIN);
    }

    private static long nanosOf(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano() + NANO_ORIGIN;
    }

}
