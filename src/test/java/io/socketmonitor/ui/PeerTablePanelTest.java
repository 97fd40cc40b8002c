package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.CloseReason;
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
 * The peer table beside the lecture: its durations count up twice a second at the cost of the
 * visible cells, whatever it holds, and its columns fit the width a common window gives it.
 */
@GuiTest
class PeerTablePanelTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final List<Rectangle> tableRepaints = new ArrayList<>();
    private final RepaintManager original = GuiActionRunner.execute(() -> RepaintManager.currentManager(null));

    @org.junit.jupiter.api.BeforeAll
    static void appLookAndFeel() {
        GuiActionRunner.execute(() -> Themes.install(Themes.LIGHT)); // the fonts the app's columns are sized for
    }

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
        return panel(model, openPeers(peers), 800);
    }

    private PeerTablePanel panel(PeerTableModel model, List<ServerEvent> events, int width) {
        model.clock(() -> T0.toEpochMilli() + 65_000);
        model.apply(events);
        PeerTablePanel panel = new PeerTablePanel(model, new ServerController(e -> { }), () -> Mode.KEEP_OPEN);
        panel.setSize(width, 400);
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

    /** The header's tooltip at the middle of view column {@code column}. */
    private static String headerTip(JTable table, int column) {
        Rectangle r = table.getTableHeader().getHeaderRect(column);
        return table.getTableHeader().getToolTipText(new java.awt.event.MouseEvent(table.getTableHeader(),
                java.awt.event.MouseEvent.MOUSE_MOVED, 0, 0, r.x + r.width / 2, r.y + r.height / 2, 0, false));
    }

    @Test
    void aHeaderCutShortStillNamesItsColumnOnHoverAndSaysWhatItShows() {
        List<String> tips = GuiActionRunner.execute(() -> {
            JTable table = panel(new PeerTableModel(), openPeers(1), 790).table();
            table.getColumnModel().moveColumn(PeerTableModel.COL_STATE, 0); // dragged first by the user
            List<String> all = new ArrayList<>();
            for (int col = 0; col < table.getColumnCount(); col++) {
                all.add(headerTip(table, col));
            }
            return all;
        });
        assertThat(tips.get(0)).startsWith("State: ");
        assertThat(tips.get(2)).isEqualTo("Peer address: The client's IP address: addr[0] of conn, addr = s.accept()");
        assertThat(tips).allSatisfy(tip -> assertThat(tip).matches("[#A-Z][a-z ]*: .{20,}"));
    }

    private static final String LAN = "192.168.100.200";

    /**
     * Cells cut short (with what their tooltip says), whether the table scrolls sideways, and
     * headers cut short, for rows with common values and one with long ones (a LAN address, the
     * HTTP mode's state).
     */
    private record Fit(List<String> cut, boolean scrolls, List<String> cutHeaders, int width, int minimums) {}

    private Fit fitAt(int width) {
        return GuiActionRunner.execute(() -> {
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 54_321);
            InetSocketAddress local = new InetSocketAddress("127.0.0.1", 40_190);
            InetSocketAddress lanRemote = new InetSocketAddress(LAN, 54_322);
            InetSocketAddress lanLocal = new InetSocketAddress(LAN, 8080);
            List<ServerEvent> events = new ArrayList<>();
            for (long id = 999_996; id <= 999_999; id++) {
                boolean lan = id == 999_996;
                events.add(new ServerEvent.Connected(T0, new PeerSnapshot(id, lan ? lanRemote : remote,
                        lan ? lanLocal : local, T0, 0, 0, null, null, null)));
            }
            CloseReason[] reasons = {CloseReason.AFTER_RESPONSE, CloseReason.BY_PEER, CloseReason.AFTER_GREETING};
            for (int k = 0; k < reasons.length; k++) {
                long id = 999_996 + k;
                boolean lan = id == 999_996;
                events.add(new ServerEvent.Closed(T0, new PeerSnapshot(id, lan ? lanRemote : remote,
                        lan ? lanLocal : local, T0, 1_234, 18, reasons[k], T0.plusSeconds(3), null)));
            }
            PeerTablePanel panel = panel(new PeerTableModel(), events, width);
            JTable table = panel.table();
            List<String> cutHeaders = new ArrayList<>();
            for (int col = 0; col < table.getColumnCount(); col++) {
                java.awt.Component header = table.getTableHeader().getDefaultRenderer()
                        .getTableCellRendererComponent(table, table.getColumnName(col), false, false, -1, col);
                if (header.getPreferredSize().width > table.getColumnModel().getColumn(col).getWidth()) {
                    cutHeaders.add(table.getColumnName(col));
                }
            }
            List<String> cut = new ArrayList<>();
            for (int row = 0; row < table.getRowCount(); row++) {
                for (int col = 0; col < table.getColumnCount(); col++) {
                    java.awt.Component cell = table.prepareRenderer(table.getCellRenderer(row, col), row, col);
                    if (cell.getPreferredSize().width > table.getColumnModel().getColumn(col).getWidth()) {
                        Rectangle r = table.getCellRect(row, col, false);
                        String tip = table.getToolTipText(new java.awt.event.MouseEvent(table,
                                java.awt.event.MouseEvent.MOUSE_MOVED, 0, 0, r.x + r.width / 2, r.y + r.height / 2, 0, false));
                        cut.add(table.getValueAt(row, col) + " (tooltip: " + tip + ")");
                    }
                }
            }
            boolean scrolls = table.getWidth() > table.getParent().getWidth();
            int minimums = 0;
            for (int col = 0; col < table.getColumnCount(); col++) {
                minimums += table.getColumnModel().getColumn(col).getMinWidth();
            }
            return new Fit(cut, scrolls, cutHeaders, table.getWidth(), minimums);
        });
    }

    /** What only the long values may do: be cut, and then show whole on hover. */
    private static final List<String> LONG_VALUES_CUT = List.of(LAN + " (tooltip: " + LAN + ")",
            LAN + ":8080 (tooltip: " + LAN + ":8080)", "closed after HTTP response (tooltip: closed after HTTP response)");

    @Test
    void besideTheLectureInTheDefaultWindowEveryCommonValueFitsWithoutScrollingSideways() {
        // The split gives the table 0.64 of the default 1280 px (819), less the divider and a
        // scrollbar; 790 leaves a margin.
        Fit fit = fitAt(790);
        assertThat(fit.scrolls()).as("scrolls sideways").isFalse();
        assertThat(LONG_VALUES_CUT).as("cells cut short").containsAll(fit.cut());
        // Headers may be shortened here ("Connected a…"): with some fonts they need more room.
    }

    /** The bytes-in cell of a peer that sent 200,000,000 bytes, at {@code width}: "text | tooltip". */
    private String bytesInCellAt(int width) {
        return GuiActionRunner.execute(() -> {
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 54_321);
            List<ServerEvent> events = List.of(new ServerEvent.Connected(T0,
                    new PeerSnapshot(1, remote, LOCAL, T0, 200_000_000L, 18, null, null, null)));
            JTable table = panel(new PeerTableModel(), events, width).table();
            int view = table.convertColumnIndexToView(PeerTableModel.COL_IN);
            javax.swing.JLabel cell = (javax.swing.JLabel) table.prepareRenderer(table.getCellRenderer(0, view), 0, view);
            assertThat(cell.getPreferredSize().width).as("fits its cell")
                    .isLessThanOrEqualTo(table.getColumnModel().getColumn(view).getWidth());
            return cell.getText() + " | " + cell.getToolTipText();
        });
    }

    @Test
    void aByteCountShowsWholeWhereItFitsElseShortAndWholeOnHover() {
        String whole = "200,000,000";
        assertThat(bytesInCellAt(3000)).isEqualTo(whole + " | null"); // room to spare, whatever the font
        assertThat(bytesInCellAt(400)).isEqualTo("200M | " + whole + " bytes"); // "20000…" before
    }

    @Test
    void inALargeWindowEveryValueAndHeaderIsWhole() {
        Fit fit = fitAt(1150);
        assertThat(fit.cut()).as("cells cut short").isEmpty();
        assertThat(fit.cutHeaders()).as("headers cut short").isEmpty();
        assertThat(fit.scrolls()).as("scrolls sideways").isFalse();
    }

    @Test
    void inANarrowWindowTheTableScrollsSidewaysRatherThanCutTheCommonValues() {
        Fit fit = fitAt(400);
        assertThat(fit.scrolls()).as("scrolls sideways").isTrue();
        assertThat(LONG_VALUES_CUT).as("cells cut short").containsAll(fit.cut());
        // Only as far as it must: at the wider preferred widths, five of nine columns went off the edge.
        assertThat(fit.width()).as("table width, every column at its minimum").isEqualTo(fit.minimums());
    }

    @Test
    void inANarrowWindowAColumnDraggedWiderWidensTheTableAndStaysSo() {
        int[] widths = GuiActionRunner.execute(() -> {
            PeerTablePanel panel = panel(new PeerTableModel(), List.of(), 400);
            JTable table = panel.table();
            int minimums = table.getWidth();
            javax.swing.table.TableColumn address = table.getColumnModel().getColumn(PeerTableModel.COL_ADDRESS);
            int before = address.getWidth();
            table.getTableHeader().setResizingColumn(address); // as the header does while the edge is dragged
            address.setWidth(before + 60);
            layOut(panel);
            table.getTableHeader().setResizingColumn(null); // released
            layOut(panel);
            return new int[] {minimums, table.getWidth(), before, address.getWidth()};
        });
        assertThat(widths[3]).as("the dragged column").isEqualTo(widths[2] + 60);
        assertThat(widths[1]).as("the table").isEqualTo(widths[0] + 60);
    }

    /** The toolbar's buttons as the user sees them: whole (name) or left out (-name). */
    private static List<String> toolbarAt(int width) {
        return GuiActionRunner.execute(() -> {
            PeerTablePanel panel = new PeerTablePanel(new PeerTableModel(), new ServerController(e -> { }),
                    () -> Mode.KEEP_OPEN);
            panel.setSize(width, 300);
            layOut(panel);
            javax.swing.JToolBar bar = Named.<javax.swing.JToolBar>find(panel, "peerToolbar");
            List<String> out = new ArrayList<>();
            for (java.awt.Component c : bar.getComponents()) {
                if (c instanceof javax.swing.JButton b) {
                    boolean whole = b.getWidth() >= b.getPreferredSize().width && b.getX() + b.getWidth() <= bar.getWidth();
                    assertThat(whole || b.getWidth() == 0).as(b.getText() + " is cut at the edge").isTrue();
                    out.add((whole ? "" : "-") + b.getText());
                }
            }
            return out;
        });
    }

    @Test
    void aNarrowToolbarLeavesOutTheButtonsThatDoNotFitInsteadOfCuttingOne() {
        assertThat(toolbarAt(1000)).containsExactly("Send\u2026", "Disconnect", "Copy", "Host", "Broadcast\u2026",
                "CSV\u2026", "Clear", "-\u00bb");
        List<String> narrow = toolbarAt(420);
        assertThat(narrow).first().isEqualTo("Send\u2026");
        assertThat(narrow).endsWith("-Clear", "\u00bb");
    }

    @Test
    void theButtonsLeftOutAreOfferedUnderTheMoreButton() {
        List<String> narrow = toolbarAt(420);
        List<String> offered = GuiActionRunner.execute(() -> {
            PeerTablePanel panel = new PeerTablePanel(new PeerTableModel(), new ServerController(e -> { }),
                    () -> Mode.KEEP_OPEN);
            panel.setSize(420, 300);
            layOut(panel);
            OverflowToolBar bar = Named.<OverflowToolBar>find(panel, "peerToolbar");
            return bar.leftOut().stream().map(a -> (String) a.getValue(javax.swing.Action.NAME)).toList();
        });
        long leftOut = narrow.stream().filter(b -> b.startsWith("-")).count();
        assertThat(offered).hasSize((int) leftOut).isNotEmpty()
                .contains("Clear closed").doesNotContain("Send\u2026");
    }
}
