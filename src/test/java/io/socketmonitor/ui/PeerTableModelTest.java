package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.swing.event.TableModelEvent;
import org.junit.jupiter.api.Test;

/** The table model without a window: order, bounded history and row-level events only. */
class PeerTableModelTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
    private final PeerTableModel model = new PeerTableModel(3);
    private final List<TableModelEvent> events = new ArrayList<>();

    PeerTableModelTest() {
        model.addTableModelListener(events::add);
    }

    private static PeerSnapshot peer(long id, CloseReason reason) {
        Instant t = Instant.now();
        return new PeerSnapshot(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000 + (int) id), LOCAL,
                t, 0, reason == null ? 0 : 18, reason, reason == null ? null : t, null);
    }

    private static ServerEvent connected(long id) {
        return new ServerEvent.Connected(Instant.now(), peer(id, null));
    }

    private static ServerEvent closed(long id) {
        return new ServerEvent.Closed(Instant.now(), peer(id, CloseReason.AFTER_GREETING));
    }

    private List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < model.getRowCount(); i++) {
            ids.add((Long) model.getValueAt(i, PeerTableModel.COL_ID));
        }
        return ids;
    }

    @Test
    void itCountsTheClosedRowsItLetsGoUntilTheUserClearsThem() {
        for (long id = 1; id <= 4; id++) { // one by one: the oldest goes when the fourth closes
            model.apply(List.of(connected(id), closed(id)));
        }
        assertThat(model.letGo()).isEqualTo(1);
        List<ServerEvent> flood = new ArrayList<>();
        for (long id = 5; id <= 10; id++) { // in one batch: three of these six are never shown
            flood.add(connected(id));
            flood.add(closed(id));
        }
        model.apply(flood);
        assertThat(ids()).containsExactly(10L, 9L, 8L);
        assertThat(model.letGo()).isEqualTo(1 + 3 + 3);
        model.clearClosed();
        assertThat(model.letGo()).isZero();
    }

    @Test
    void openPeersComeFirstThenClosedNewestFirst() {
        model.apply(List.of(connected(1), connected(2), connected(3)));
        model.apply(List.of(closed(1)));
        assertThat(ids()).containsExactly(2L, 3L, 1L);
        assertThat(model.openCount()).isEqualTo(2);
        model.apply(List.of(closed(2)));
        assertThat(ids()).containsExactly(3L, 2L, 1L);
        assertThat(model.getValueAt(1, PeerTableModel.COL_STATE)).isEqualTo("closed after greeting");
        assertThat(model.getValueAt(0, PeerTableModel.COL_STATE)).isEqualTo("open");
    }

    @Test
    void closedHistoryIsBounded() {
        List<ServerEvent> batch = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            batch.add(connected(id));
            batch.add(new ServerEvent.Sent(Instant.now(), id, 18));
            batch.add(closed(id));
        }
        model.apply(batch);
        assertThat(ids()).containsExactly(10L, 9L, 8L);
        assertThat(model.getValueAt(0, PeerTableModel.COL_OUT)).isEqualTo(18L);
    }

    @Test
    void onlyRowLevelEventsAndOneInsertForAPeerOpenedAndClosedInOneBatch() {
        model.apply(List.of(connected(1), new ServerEvent.Sent(Instant.now(), 1, 18), closed(1)));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getType()).isEqualTo(TableModelEvent.INSERT);
        assertThat(events.get(0).getFirstRow()).isZero();
        events.clear();
        model.apply(List.of(connected(2)));
        model.apply(List.of(new ServerEvent.Received(Instant.now(), 2, 5, "hello")));
        model.apply(List.of(closed(2)));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getFirstRow()).isNotEqualTo(TableModelEvent.HEADER_ROW);
            assertThat(e.getLastRow()).isNotEqualTo(Integer.MAX_VALUE); // never "all data changed"
        });
        assertThat(model.getValueAt(0, PeerTableModel.COL_IN)).isEqualTo(5L);
    }

    @Test
    void stoppingMarksLeftoverOpenRowsClosed() {
        model.apply(List.of(connected(1), connected(2)));
        model.apply(List.of(new ServerEvent.Stopped(Instant.now(), null)));
        assertThat(model.openCount()).isZero();
        assertThat(model.getValueAt(0, PeerTableModel.COL_STATE)).isEqualTo("closed: server stopped");
    }

    @Test
    void elapsedReadsLikeAClock() {
        assertThat(new PeerTableModel.Elapsed(5_300).toString()).isEqualTo("5.3s");
        assertThat(new PeerTableModel.Elapsed(65_000).toString()).isEqualTo("1:05");
        assertThat(new PeerTableModel.Elapsed(3_723_000).toString()).isEqualTo("1:02:03");
        assertThat(new PeerTableModel.Elapsed(0).toString()).isEqualTo("0.0s");
        assertThat(new PeerTableModel.Elapsed(59_999).toString()).isEqualTo("59.9s");
        assertThat(new PeerTableModel.Elapsed(60_000).toString()).isEqualTo("1:00");
        assertThat(new PeerTableModel.Elapsed(3_599_999).toString()).isEqualTo("59:59");
        assertThat(new PeerTableModel.Elapsed(3_600_000).toString()).isEqualTo("1:00:00");
        assertThat(new PeerTableModel.Elapsed(360_000_000 + 5_000).toString()).isEqualTo("100:00:05");
    }
}
