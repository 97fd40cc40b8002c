package io.socketmonitor.ui;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JTable;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test (its name keeps it out of the normal failsafe run): what keeping
 * the peer table's selection by id ({@link KeyedSelectionTable}) costs the EDT. 10,000 open
 * peers, then 200 batches of 400 peers that connect and close (a 100 ms batch at 4,000
 * greet-and-close connections a second), applied to the table with nothing selected (the
 * baseline, in the same run) and with the last row selected (the worst place for a scan).
 * Run: {@code mvn -o -B test-compile failsafe:integration-test -Dit.test=PeerTableSelectionBench}.
 */
@GuiTest
@Tag("bench")
class PeerTableSelectionBench {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    @Test
    void batchesWithAndWithoutASelection() {
        GuiActionRunner.execute(() -> {
            for (int round = 1; round <= 3; round++) {
                double none = millisPerBatch(false);
                double last = millisPerBatch(true);
                System.out.printf("round %d: nothing selected %.3f ms per batch, last of 10,000 rows selected %.3f ms, ratio %.2f%n",
                        round, none, last, last / none);
            }
            return null;
        });
    }

    /** Mean time to apply a batch, over the last 150 of 200. */
    private static double millisPerBatch(boolean selectLast) {
        PeerTableModel model = new PeerTableModel();
        PeerTablePanel panel = new PeerTablePanel(model, new ServerController(e -> { }), () -> Mode.CLOSE);
        JTable table = panel.table();
        List<ServerEvent> open = new ArrayList<>();
        for (int id = 1; id <= 10_000; id++) {
            open.add(new ServerEvent.Connected(T0, peer(id, null)));
        }
        model.apply(open);
        if (selectLast) {
            table.setRowSelectionInterval(table.getRowCount() - 1, table.getRowCount() - 1);
        }
        long id = 20_000;
        long total = 0;
        for (int batch = 0; batch < 200; batch++) {
            List<ServerEvent> events = new ArrayList<>(800);
            for (int i = 0; i < 400; i++, id++) {
                events.add(new ServerEvent.Connected(T0, peer(id, null)));
                events.add(new ServerEvent.Closed(T0, peer(id, CloseReason.AFTER_GREETING)));
            }
            long start = System.nanoTime();
            model.apply(events);
            if (batch >= 50) { // the JIT settles first
                total += System.nanoTime() - start;
            }
        }
        return total / 150 / 1e6;
    }

    private static PeerSnapshot peer(long id, CloseReason closed) {
        return new PeerSnapshot(id, new InetSocketAddress("127.0.0.1", 10_000 + (int) (id % 50_000)), LOCAL, T0, 0,
                closed == null ? 0 : 18, closed, closed == null ? null : T0, null);
    }
}
