package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.swing.event.TableModelEvent;
import javax.swing.table.AbstractTableModel;
import org.junit.jupiter.api.Test;

/**
 * The batched table model against the per-event one it replaced ({@link ReferencePeerTableModel}):
 * the same rows in the same order after every batch, and events that, replayed on a copy of the
 * rows as a JTable would, give the same rows, with the row count right at each event.
 */
class PeerTableModelBatchTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final int[] COLUMNS = {
        PeerTableModel.COL_ID, PeerTableModel.COL_ADDRESS, PeerTableModel.COL_PORT, PeerTableModel.COL_LOCAL,
        PeerTableModel.COL_SINCE, PeerTableModel.COL_DURATION, PeerTableModel.COL_IN, PeerTableModel.COL_OUT,
        PeerTableModel.COL_STATE
    };

    /** A copy of the model's ids kept only from its events, as a JTable or row sorter sees them. */
    private static final class Mirror {
        final List<Long> ids = new ArrayList<>();
        int events;

        Mirror(PeerTableModel model) {
            model.addTableModelListener(e -> {
                events++;
                assertThat(e.getColumn()).isEqualTo(TableModelEvent.ALL_COLUMNS);
                assertThat(e.getLastRow()).isNotEqualTo(Integer.MAX_VALUE); // never "all data changed"
                if (e.getType() == TableModelEvent.INSERT) {
                    for (int i = e.getFirstRow(); i <= e.getLastRow(); i++) {
                        ids.add(i, model.row(i).id());
                    }
                } else if (e.getType() == TableModelEvent.DELETE) {
                    ids.subList(e.getFirstRow(), e.getLastRow() + 1).clear();
                } else {
                    assertThat(e.getLastRow()).isLessThan(model.getRowCount());
                }
                assertThat(ids).as("row count at each event").hasSize(model.getRowCount());
            });
        }
    }

    /** Makes the events a server would: increasing ids, byte counts in the closing snapshot. */
    private static final class Server {
        final Random random;
        final List<Long> open = new ArrayList<>();
        final Map<Long, long[]> bytes = new HashMap<>(); // id -> {in, out}
        long nextId = 1;
        long clock;

        Server(long seed) {
            random = new Random(seed);
        }

        Instant now() {
            return T0.plusMillis(clock += random.nextInt(700));
        }

        PeerSnapshot snapshot(long id, CloseReason reason) {
            long[] b = bytes.get(id);
            Instant at = T0.plusMillis(id * 37);
            return new PeerSnapshot(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), 30_000 + (int) id), LOCAL,
                    at, b[0], b[1], reason, reason == null ? null : now(), null);
        }

        ServerEvent next() {
            int dice = random.nextInt(100);
            if (dice < 2) {
                return random.nextBoolean() ? new ServerEvent.Stopped(now(), null)
                        : new ServerEvent.Listening(now(), LOCAL, null);
            }
            if (open.isEmpty() || dice < 35) {
                long id = nextId++;
                open.add(id);
                bytes.put(id, new long[2]);
                return new ServerEvent.Connected(now(), snapshot(id, null));
            }
            // mostly the newest peers act, as in a greet-and-close flood; sometimes an old one
            int i = random.nextInt(4) == 0 ? random.nextInt(open.size()) : open.size() - 1 - random.nextInt(Math.min(3, open.size()));
            long id = open.get(i);
            if (dice < 55) {
                bytes.get(id)[1] += 18;
                return new ServerEvent.Sent(now(), id, 18);
            } else if (dice < 65) {
                bytes.get(id)[0] += 5;
                return new ServerEvent.Received(now(), id, 5, "hi" + id);
            }
            open.remove(i);
            CloseReason reason = CloseReason.values()[random.nextInt(CloseReason.values().length)];
            return new ServerEvent.Closed(now(), snapshot(id, reason));
        }
    }

    private static void assertSameRows(PeerTableModel model, ReferencePeerTableModel reference, String when) {
        assertThat(model.getRowCount()).as(when).isEqualTo(reference.getRowCount());
        assertThat(model.openCount()).as(when).isEqualTo(reference.openCount());
        for (int r = 0; r < model.getRowCount(); r++) {
            for (int c : COLUMNS) {
                assertThat(String.valueOf(model.getValueAt(r, c)))
                        .as("%s, row %d, %s", when, r, model.getColumnName(c))
                        .isEqualTo(String.valueOf(reference.getValueAt(r, c)));
            }
        }
    }

    @Test
    void randomBatchesGiveTheSameRowsAsOneEventAtATime() {
        for (long seed = 1; seed <= 40; seed++) {
            int history = seed % 3 == 0 ? 1 : seed % 3 == 1 ? 7 : 50;
            PeerTableModel model = new PeerTableModel(history);
            ReferencePeerTableModel reference = new ReferencePeerTableModel(history);
            model.clock(() -> 1_000_000L);
            reference.clock(() -> 1_000_000L);
            Mirror mirror = new Mirror(model);
            Server server = new Server(seed);
            for (int b = 0; b < 60; b++) {
                List<ServerEvent> batch = new ArrayList<>();
                int size = server.random.nextInt(4) == 0 ? server.random.nextInt(3) : server.random.nextInt(80);
                for (int k = 0; k < size; k++) {
                    batch.add(server.next());
                }
                model.apply(batch);
                reference.apply(batch);
                String when = "seed " + seed + ", batch " + b;
                assertSameRows(model, reference, when);
                List<Long> ids = new ArrayList<>();
                for (int r = 0; r < model.getRowCount(); r++) {
                    ids.add(model.row(r).id());
                }
                assertThat(mirror.ids).as(when).isEqualTo(ids);
            }
        }
    }

    @Test
    void aFloodBatchCostsAFewEventsNotOnePerConnection() {
        PeerTableModel model = new PeerTableModel(100);
        Mirror mirror = new Mirror(model);
        Server server = new Server(7);
        List<ServerEvent> batch = new ArrayList<>();
        for (long id = 1; id <= 1_000; id++) {
            server.bytes.put(id, new long[2]);
            batch.add(new ServerEvent.Connected(T0, server.snapshot(id, null)));
            batch.add(new ServerEvent.Sent(T0, id, 18));
            server.bytes.get(id)[1] = 18;
            batch.add(new ServerEvent.Closed(T0, server.snapshot(id, CloseReason.AFTER_GREETING)));
        }
        model.apply(batch.subList(0, 1_500));
        model.apply(batch.subList(1_500, 3_000));
        assertThat(mirror.events).isLessThanOrEqualTo(4);
        assertThat(model.openCount()).isZero();
        assertThat(model.closedCount()).isEqualTo(100);
        assertThat(model.row(0).id()).isEqualTo(1_000L);
        assertThat(model.row(99).id()).isEqualTo(901L);
        assertThat(model.row(0).bytesOut()).isEqualTo(18L);
        assertThat(model.row(0).state()).isEqualTo("closed after greeting");
    }

    @Test
    void theLastOpenRowClosingStaysWhereItStands() {
        PeerTableModel model = new PeerTableModel(10);
        Server server = new Server(3);
        List<ServerEvent> connects = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            server.bytes.put(id, new long[2]);
            connects.add(new ServerEvent.Connected(T0, server.snapshot(id, null)));
        }
        model.apply(connects);
        List<TableModelEvent> events = new ArrayList<>();
        model.addTableModelListener(events::add);
        model.apply(List.of(new ServerEvent.Closed(T0, server.snapshot(3, CloseReason.BY_PEER))));
        // a row that needs no move gets an update, so a selection on it stays
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getType()).isEqualTo(TableModelEvent.UPDATE);
        assertThat(events.get(0).getFirstRow()).isEqualTo(2);
        assertThat(model.openCount()).isEqualTo(2);
        assertThat(model.row(2).open()).isFalse();
    }

    @Test
    void textsAreMadeWhenShownAndReadAsTheyDid() {
        PeerTableModel model = new PeerTableModel(10);
        AbstractTableModel reference = new ReferencePeerTableModel(10);
        InetSocketAddress v6 = new InetSocketAddress("::1", 41_000);
        InetSocketAddress v4 = new InetSocketAddress("127.0.0.1", 41_001);
        List<ServerEvent> batch = new ArrayList<>();
        long id = 1;
        for (InetSocketAddress remote : List.of(v4, v6, v4, v4)) {
            for (Instant at : List.of(T0, T0.plusMillis(400), T0.plusMillis(1_500))) {
                PeerSnapshot p = new PeerSnapshot(id++, remote, remote == v6 ? new InetSocketAddress("::1", 8080) : LOCAL,
                        at, 0, 0, null, null, null);
                batch.add(new ServerEvent.Connected(at, p));
            }
        }
        model.apply(batch);
        ((ReferencePeerTableModel) reference).apply(batch);
        for (int r = 0; r < model.getRowCount(); r++) {
            for (int c : new int[] {PeerTableModel.COL_ADDRESS, PeerTableModel.COL_LOCAL, PeerTableModel.COL_SINCE}) {
                assertThat(model.getValueAt(r, c)).isEqualTo(reference.getValueAt(r, c));
            }
        }
        assertThat(model.getValueAt(3, PeerTableModel.COL_ADDRESS)).isEqualTo("::1");
        assertThat(model.getValueAt(3, PeerTableModel.COL_LOCAL)).isEqualTo("[::1]:8080");
    }
}
