package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.swing.JTable;
import javax.swing.JTextField;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/**
 * The peer table selects only what the user selected, whatever the server and the filter do in
 * between. Found by {@link GuiMonkeyTest}: after a row's bytes changed, typing in the filter put
 * back a selection from before (so Delete would have cut a peer the user had left), or kept a
 * row selected that the filter hid, and every table action then failed with an exception.
 */
@GuiTest
class PeerTableSelectionTest {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    private PeerTableModel model;
    private PeerTablePanel panel;
    private JTable table;
    private JTextField filter;

    private void open() {
        model = new PeerTableModel(5);
        panel = new PeerTablePanel(model, new ServerController(e -> { }), () -> Mode.KEEP_OPEN);
        table = panel.table();
        filter = Named.find(panel, "peerFilter");
    }

    private static ServerEvent connected(long id, int port) {
        return new ServerEvent.Connected(T0, new PeerSnapshot(id, new InetSocketAddress("127.0.0.1", port), LOCAL, T0,
                0, 0, null, null, null));
    }

    private static ServerEvent closed(long id, int port) {
        return new ServerEvent.Closed(T0, new PeerSnapshot(id, new InetSocketAddress("127.0.0.1", port), LOCAL, T0,
                0, 0, CloseReason.BY_PEER, T0, null));
    }

    private List<Integer> selectedPorts() {
        return panel.selected().stream().map(r -> r.remote().getPort()).toList();
    }

    @Test
    void aFilterKeepsThePeerSelectedNowNotOneSelectedBeforeBytesArrived() {
        GuiActionRunner.execute(() -> {
            open();
            model.apply(List.of(connected(1, 10_001), connected(2, 10_002), connected(3, 10_003), connected(4, 20_004)));
            table.setRowSelectionInterval(0, 0); // :10001
            model.apply(List.of(new ServerEvent.Received(T0, 2, 5, "hello", null))); // a byte count changes
            table.setRowSelectionInterval(2, 2); // the user moves on to :10003
            filter.setText("1000"); // hides :20004
            assertThat(selectedPorts()).isEqualTo(List.of(10_003));
            return null;
        });
    }

    @Test
    void aFilterThatHidesTheSelectedPeerLeavesNothingSelectedAndTheActionsWork() {
        GuiActionRunner.execute(() -> {
            open();
            model.apply(List.of(connected(1, 10_001), connected(2, 10_002)));
            model.apply(List.of(new ServerEvent.Received(T0, 2, 5, "hello", null)));
            table.setRowSelectionInterval(0, 0);
            filter.setText("no such peer");
            assertThat(table.getSelectedRows()).isEmpty();
            assertThat(panel.selected()).isEmpty();
            panel.updateActions(); // threw ArrayIndexOutOfBoundsException
            assertThat(panel.copy.isEnabled()).as("Copy, with nothing selected").isFalse();
            filter.setText("");
            assertThat(table.getRowCount()).isEqualTo(2);
            return null;
        });
    }

    @Test
    void aSelectedPeerThatClosesStaysSelectedInTheClosedHistory() {
        GuiActionRunner.execute(() -> {
            open();
            model.apply(List.of(connected(1, 10_001), connected(2, 10_002), connected(3, 10_003)));
            table.setRowSelectionInterval(0, 0); // :10001, above two open peers
            model.apply(List.of(closed(1, 10_001), connected(4, 10_004))); // its row moves below them
            assertThat(selectedPorts()).isEqualTo(List.of(10_001));
            assertThat(panel.selected().get(0).open()).as("the selected row shows the peer closed").isFalse();
            assertThat(table.getSelectedRow()).as("below the open peers").isEqualTo(3);
            model.apply(List.of(new ServerEvent.Stopped(T0, null))); // the open ones close too
            assertThat(selectedPorts()).isEqualTo(List.of(10_001));
            return null;
        });
    }

    /** Found in review: the buttons were set mid-batch, from rows the sorter did not have yet. */
    @Test
    void theActionsFollowASelectedPeerThatClosed() {
        ServerController running = new ServerController(e -> { });
        try {
            running.start(io.socketmonitor.server.ServerConfig.defaults().withPort(0), at -> { }, failed -> { });
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(running::running);
            GuiActionRunner.execute(() -> {
                model = new PeerTableModel(5);
                panel = new PeerTablePanel(model, running, () -> Mode.KEEP_OPEN);
                table = panel.table();
                table.getRowSorter().toggleSortOrder(PeerTableModel.COL_PORT);
                model.apply(List.of(connected(1, 10_001), connected(2, 10_002)));
                table.setRowSelectionInterval(0, 0); // :10001
                assertThat(panel.disconnect.isEnabled()).as("Disconnect, an open peer selected").isTrue();
                model.apply(List.of(closed(1, 10_001)));
                model.apply(List.of(connected(3, 20_003))); // sorts last, below the selected row
                assertThat(selectedPorts()).isEqualTo(List.of(10_001));
                assertThat(panel.disconnect.isEnabled()).as("Disconnect, only a closed peer selected").isFalse();
                assertThat(panel.watch.isEnabled()).as("Watch, only a closed peer selected").isFalse();
                assertThat(panel.copy.isEnabled()).as("Copy").isTrue();
                return null;
            });
        } finally {
            running.shutdown(5_000);
        }
    }

    /**
     * Random peers arriving, sending, closing and stopping, the closed history cleared, the
     * filter and the sort changed, rows selected as a user does: the selection is always what
     * the user selected, less the peers since hidden or gone. A peer that closes stays selected
     * as its row moves to the closed history.
     */
    @Test
    void randomChangesNeverSelectARowTheUserDidNotPick() {
        for (long seed = 0; seed < 200; seed++) {
            long s = seed;
            GuiActionRunner.execute(() -> {
                walk(new Random(s), s);
                return null;
            });
        }
    }

    private void walk(Random random, long seed) {
        open();
        List<long[]> openPeers = new ArrayList<>(); // {id, port}
        long next = 1;
        Set<Long> picked = new HashSet<>(); // the user's selection, as the test follows it
        List<String> steps = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            switch (random.nextInt(9)) {
                case 0, 1 -> {
                    List<ServerEvent> batch = new ArrayList<>();
                    for (int n = 1 + random.nextInt(3); n > 0; n--, next++) {
                        int port = (random.nextBoolean() ? 10_000 : 20_000) + (int) next;
                        openPeers.add(new long[] {next, port});
                        batch.add(connected(next, port));
                    }
                    model.apply(batch);
                    steps.add("connect " + batch.size());
                }
                case 2 -> {
                    if (!openPeers.isEmpty()) {
                        long[] p = openPeers.remove(random.nextInt(openPeers.size()));
                        model.apply(List.of(closed(p[0], (int) p[1])));
                        steps.add("close " + p[0]);
                    }
                }
                case 3 -> {
                    if (!openPeers.isEmpty()) {
                        long id = openPeers.get(random.nextInt(openPeers.size()))[0];
                        model.apply(List.of(new ServerEvent.Received(T0, id, 5, "hello", null)));
                        steps.add("bytes from " + id);
                    }
                }
                case 4 -> {
                    String text = List.of("", "1000", "2000", "closed", "open", "zzz").get(random.nextInt(6));
                    filter.setText(text);
                    steps.add("filter '" + text + "'");
                }
                case 5 -> {
                    int column = random.nextInt(model.getColumnCount());
                    table.getRowSorter().toggleSortOrder(column);
                    steps.add("sort by " + column);
                }
                case 6 -> {
                    model.clearClosed();
                    steps.add("clear closed");
                }
                case 7 -> {
                    if (random.nextInt(4) == 0) {
                        model.apply(List.of(new ServerEvent.Stopped(T0, null)));
                        openPeers.clear();
                        steps.add("server stopped");
                    }
                }
                default -> {
                    int rows = table.getRowCount();
                    if (rows > 0) {
                        select(random, rows, steps);
                        picked.clear(); // what the user selects is the selection
                        for (PeerTableModel.Row r : panel.selected()) {
                            picked.add(r.id());
                        }
                    }
                }
            }
            for (int v : table.getSelectedRows()) {
                assertThat(v).as("seed %d, a selected row the table shows, after %s", seed, steps).isLessThan(table.getRowCount());
            }
            picked.retainAll(shownIds()); // a peer hidden or gone leaves the selection for good
            Set<Long> selected = new HashSet<>();
            panel.selected().forEach(r -> selected.add(r.id()));
            assertThat(picked).as("seed %d, nothing the user did not select, after %s", seed, steps).containsAll(selected);
            assertThat(selected).as("seed %d, every peer the user selected that still shows, after %s", seed, steps)
                    .containsAll(picked);
        }
    }

    /** As a user selects: a click, Ctrl+click, Shift+click, a dragged range, Ctrl+A, or nothing. */
    private void select(Random random, int rows, List<String> steps) {
        int row = random.nextInt(rows);
        switch (random.nextInt(6)) {
            case 0 -> {
                int to = Math.min(rows - 1, row + random.nextInt(3));
                table.setRowSelectionInterval(row, to);
                steps.add("select rows " + row + "-" + to);
            }
            case 1 -> {
                table.changeSelection(row, 0, true, false);
                steps.add("ctrl+click row " + row);
            }
            case 2 -> {
                table.changeSelection(row, 0, false, true);
                steps.add("shift+click row " + row);
            }
            case 3 -> {
                table.selectAll();
                steps.add("select all");
            }
            case 4 -> {
                table.clearSelection();
                steps.add("select none");
            }
            default -> {
                table.changeSelection(row, 0, false, false);
                steps.add("click row " + row);
            }
        }
    }

    private Set<Long> shownIds() {
        Set<Long> ids = new HashSet<>();
        for (int v = 0; v < table.getRowCount(); v++) {
            ids.add(model.row(table.convertRowIndexToModel(v)).id());
        }
        return ids;
    }
}
