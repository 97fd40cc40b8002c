package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.Mode;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.awt.Rectangle;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.RepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The durations of open peers count up twice a second; with 10,000 peers held that must cost
 * what the visible cells cost, not what the whole table costs.
 */
@GuiTest
class PeerTableDurationsTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final List<Rectangle> tableRepaints = new ArrayList<>();
    private final RepaintManager original = GuiActionRunner.execute(() -> RepaintManager.currentManager(null));

    @AfterEach
    void restoreRepaintManager() {
        GuiActionRunner.execute(() -> RepaintManager.setCurrentManager(original));
    }

    private static List<ServerEvent> openPeers(int n) {
        List<ServerEvent> batch = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 10_000 + i % 50_000);
            batch.add(new ServerEvent.Connected(T0, new PeerSnapshot(i, remote, LOCAL, T0, 0, 0, null, null, null)));
        }
        return batch;
    }

    /** A panel laid out at 800 x 400 over {@code peers} open peers, with the clock at T0 + 65 s. */
    private PeerTablePanel panel(PeerTableModel model, int peers) {
        model.clock(() -> T0.toEpochMilli() + 65_000);
        model.apply(openPeers(peers));
        PeerTablePanel panel = new PeerTablePanel(model, new ServerController(e -> { }), () -> Mode.KEEP_OPEN);
        panel.setSize(800, 400);
        layOut(panel);
        RepaintManager.setCurrentManager(new RepaintManager() {
            @Override
            public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
                if (c == panel.table()) {
                    tableRepaints.add(new Rectangle(x, y, w, h));
                }
                super.addDirtyRegion(c, x, y, w, h);
            }
        });
        return panel;
    }

    private static void layOut(java.awt.Container c) {
        c.doLayout();
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof java.awt.Container cc) {
                layOut(cc);
            }
        }
    }

    @Test
    void theTickRepaintsTheVisibleDurationCellsOnlyWhateverTheTableHolds() {
        Object[] result = GuiActionRunner.execute(() -> {
            PeerTableModel model = new PeerTableModel();
            PeerTablePanel panel = panel(model, 10_000);
            JTable table = panel.table();
            panel.repaintDurations();
            int column = table.convertColumnIndexToView(PeerTableModel.COL_DURATION);
            return new Object[] {new ArrayList<>(tableRepaints), table.getCellRect(0, column, true),
                table.getVisibleRect(), String.valueOf(table.getValueAt(0, column))};
        });
        @SuppressWarnings("unchecked")
        List<Rectangle> repaints = (List<Rectangle>) result[0];
        Rectangle durationCell = (Rectangle) result[1];
        Rectangle visible = (Rectangle) result[2];
        assertThat(visible.height).isBetween(100, 400); // the table is laid out in its scroll pane
        assertThat(repaints).hasSize(1);
        Rectangle r = repaints.get(0);
        assertThat(r.x).isEqualTo(durationCell.x);
        assertThat(r.width).isEqualTo(durationCell.width);
        assertThat(r.height).isLessThanOrEqualTo(visible.height); // not 10,000 rows high
        assertThat(r.intersects(visible)).isTrue();
        assertThat(result[3]).isEqualTo("1:05"); // counted from T0 on the model's clock
    }

    @Test
    void theRepaintFollowsTheDurationColumnWhereverTheUserMovedIt() {
        Rectangle[] result = GuiActionRunner.execute(() -> {
            PeerTablePanel panel = panel(new PeerTableModel(), 3);
            JTable table = panel.table();
            table.moveColumn(table.convertColumnIndexToView(PeerTableModel.COL_DURATION), 0);
            tableRepaints.clear(); // the move repainted the table itself
            panel.repaintDurations();
            return new Rectangle[] {tableRepaints.get(0), table.getCellRect(0, 0, true)};
        });
        assertThat(result[0].x).isEqualTo(result[1].x);
        assertThat(result[0].width).isEqualTo(result[1].width);
    }

    @Test
    void nothingIsRepaintedWhenNoPeerIsOpen() {
        int repaints = GuiActionRunner.execute(() -> {
            PeerTablePanel panel = panel(new PeerTableModel(), 0);
            panel.repaintDurations();
            return tableRepaints.size();
        });
        assertThat(repaints).isZero();
    }
}
