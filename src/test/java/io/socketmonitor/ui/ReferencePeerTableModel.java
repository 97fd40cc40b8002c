package io.socketmonitor.ui;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.swing.event.TableModelEvent;
import javax.swing.table.AbstractTableModel;

/**
 * The peer table model as it was before batch-level applying (one insert, move or update per
 * connection, straightforward to read): kept as the oracle that {@link PeerTableModel} must match
 * row for row. Test code only.
 */
final class ReferencePeerTableModel extends AbstractTableModel {
    public static final int DEFAULT_HISTORY = 1_000;

    public static final int COL_ID = 0;
    public static final int COL_ADDRESS = 1;
    public static final int COL_PORT = 2;
    public static final int COL_LOCAL = 3;
    public static final int COL_SINCE = 4;
    public static final int COL_DURATION = 5;
    public static final int COL_IN = 6;
    public static final int COL_OUT = 7;
    public static final int COL_STATE = 8;

    private static final String[] NAMES = {
        "#", "Peer address", "Peer port", "Local address", "Connected at", "Duration", "Bytes in", "Bytes out", "State"
    };
    private static final Class<?>[] TYPES = {
        Long.class, String.class, Integer.class, String.class, String.class, Elapsed.class, Long.class, Long.class,
        String.class
    };
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One connection as the table shows it; mutable, EDT only. */
    public static final class Row {
        final long id;
        final InetSocketAddress remote;
        final InetSocketAddress local;
        final Instant connectedAt;
        final String address;
        final String localText;
        final String since;
        long bytesIn;
        long bytesOut;
        CloseReason closeReason;
        Instant closedAt;
        String lastReceived;

        Row(PeerSnapshot p) {
            id = p.id();
            remote = p.remote();
            local = p.local();
            connectedAt = p.connectedAt() == null ? Instant.now() : p.connectedAt();
            address = remote == null ? "?" : Addresses.literal(remote.getAddress());
            localText = local == null ? "" : Addresses.hostPort(local);
            since = TIME.format(connectedAt);
            update(p);
        }

        void update(PeerSnapshot p) {
            bytesIn = Math.max(bytesIn, p.bytesIn());
            bytesOut = Math.max(bytesOut, p.bytesOut());
            if (p.closeReason() != null) {
                closeReason = p.closeReason();
                closedAt = p.closedAt() == null ? Instant.now() : p.closedAt();
            }
            if (p.lastReceived() != null) {
                lastReceived = p.lastReceived();
            }
        }

        public long id() {
            return id;
        }

        public InetSocketAddress remote() {
            return remote;
        }

        public boolean open() {
            return closeReason == null;
        }

        public String state() {
            return open() ? "open" : closeReason.asState();
        }

        public long bytesIn() {
            return bytesIn;
        }

        public long bytesOut() {
            return bytesOut;
        }
    }

    /** A duration that sorts by length and reads as 0:05 or 1:02:03. */
    public record Elapsed(long millis) implements Comparable<Elapsed> {
        @Override
        public int compareTo(Elapsed o) {
            return Long.compare(millis, o.millis);
        }

        @Override
        public String toString() {
            long s = millis / 1000;
            if (s < 60) {
                return String.format("%d.%ds", s, (millis % 1000) / 100);
            }
            return s < 3600 ? String.format("%d:%02d", s / 60, s % 60)
                    : String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }
    }

    private final ArrayList<Row> rows = new ArrayList<>();
    private final Map<Long, Row> openById = new HashMap<>();
    private final Map<Row, Boolean> fresh = new IdentityHashMap<>();
    private int openCount;
    private int history;
    private LongSupplier clock = System::currentTimeMillis;

    ReferencePeerTableModel() {
        this(PeerTableModel.DEFAULT_HISTORY);
    }

    ReferencePeerTableModel(int history) {
        this.history = Math.max(1, history);
    }

    void clock(LongSupplier c) {
        clock = c;
    }

    public int history() {
        return history;
    }

    public void history(int h) {
        history = Math.max(1, h);
        trim();
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return NAMES.length;
    }

    @Override
    public String getColumnName(int column) {
        return NAMES[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return TYPES[column];
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        Row r = rows.get(rowIndex);
        return switch (column) {
            case COL_ID -> r.id;
            case COL_ADDRESS -> r.address;
            case COL_PORT -> r.remote == null ? 0 : r.remote.getPort();
            case COL_LOCAL -> r.localText;
            case COL_SINCE -> r.since;
            case COL_DURATION -> new Elapsed(Math.max(0,
                    (r.closedAt == null ? clock.getAsLong() : r.closedAt.toEpochMilli()) - r.connectedAt.toEpochMilli()));
            case COL_IN -> r.bytesIn;
            case COL_OUT -> r.bytesOut;
            case COL_STATE -> r.state();
            default -> null;
        };
    }

    public Row row(int modelIndex) {
        return rows.get(modelIndex);
    }

    public int openCount() {
        return openCount;
    }

    public int closedCount() {
        return rows.size() - openCount;
    }

    /** Applies one batch of events; on the EDT. */
    public void apply(List<ServerEvent> batch) {
        Set<Long> closedInBatch = new HashSet<>();
        for (ServerEvent e : batch) {
            if (e instanceof ServerEvent.Closed c) {
                closedInBatch.add(c.peer().id());
            }
        }
        Map<Long, Row> pending = new HashMap<>();
        Map<Row, Boolean> dirty = new IdentityHashMap<>();
        fresh.clear();
        for (ServerEvent e : batch) {
            if (e instanceof ServerEvent.Connected c) {
                Row r = new Row(c.peer());
                if (closedInBatch.contains(r.id)) {
                    pending.put(r.id, r); // opened and closed in this batch: inserted once, as closed
                } else {
                    openById.put(r.id, r);
                    rows.add(openCount, r);
                    fresh.put(r, Boolean.TRUE);
                    fireTableRowsInserted(openCount, openCount);
                    openCount++;
                }
            } else if (e instanceof ServerEvent.Sent s) {
                Row r = find(pending, s.peerId());
                if (r != null) {
                    r.bytesOut += s.bytes();
                    dirty.put(r, Boolean.TRUE);
                }
            } else if (e instanceof ServerEvent.Received rc) {
                Row r = find(pending, rc.peerId());
                if (r != null) {
                    r.bytesIn += rc.bytes();
                    r.lastReceived = rc.preview();
                    dirty.put(r, Boolean.TRUE);
                }
            } else if (e instanceof ServerEvent.Closed c) {
                close(c.peer(), pending, dirty);
            } else if (e instanceof ServerEvent.Stopped || e instanceof ServerEvent.Listening) {
                closeAllOpen(CloseReason.SERVER_STOPPED, e.time());
            }
        }
        trim();
        fireDirty(dirty);
        fresh.clear();
    }

    private Row find(Map<Long, Row> pending, long id) {
        Row r = openById.get(id);
        return r != null ? r : pending.get(id);
    }

    private void close(PeerSnapshot p, Map<Long, Row> pending, Map<Row, Boolean> dirty) {
        Row r = pending.remove(p.id());
        if (r != null) {
            r.update(p);
            markClosed(r, p);
            rows.add(openCount, r);
            fresh.put(r, Boolean.TRUE);
            fireTableRowsInserted(openCount, openCount);
            return;
        }
        r = openById.remove(p.id());
        if (r == null) {
            return; // a close for a row already gone (e.g. trimmed): nothing to show
        }
        r.update(p);
        markClosed(r, p);
        int i = indexOfOpen(r);
        if (i == openCount - 1) {
            openCount--; // the last open row becomes the newest closed one where it stands
            dirty.put(r, Boolean.TRUE);
        } else {
            rows.remove(i);
            fireTableRowsDeleted(i, i);
            openCount--;
            rows.add(openCount, r);
            fresh.put(r, Boolean.TRUE);
            fireTableRowsInserted(openCount, openCount);
        }
    }

    private static void markClosed(Row r, PeerSnapshot p) {
        if (r.closeReason == null) {
            r.closeReason = p.closeReason() != null ? p.closeReason() : CloseReason.BY_PEER;
            r.closedAt = p.closedAt() != null ? p.closedAt() : Instant.now();
        }
    }

    private int indexOfOpen(Row r) {
        for (int i = openCount - 1; i >= 0; i--) {
            if (rows.get(i) == r) {
                return i;
            }
        }
        return -1;
    }

    private void closeAllOpen(CloseReason reason, Instant when) {
        if (openCount == 0) {
            return;
        }
        for (int i = 0; i < openCount; i++) {
            Row r = rows.get(i);
            r.closeReason = reason;
            r.closedAt = when;
        }
        int n = openCount;
        openCount = 0;
        openById.clear();
        fireTableRowsUpdated(0, n - 1);
    }

    private void trim() {
        int excess = closedCount() - history;
        if (excess > 0) {
            int from = rows.size() - excess;
            rows.subList(from, rows.size()).clear();
            fireTableRowsDeleted(from, from + excess - 1);
        }
    }

    private void fireDirty(Map<Row, Boolean> dirty) {
        if (dirty.isEmpty()) {
            return;
        }
        int start = -1;
        for (int i = 0; i <= rows.size(); i++) {
            // rows inserted in this batch were announced already, with their latest values
            boolean d = i < rows.size() && dirty.containsKey(rows.get(i)) && !fresh.containsKey(rows.get(i));
            if (d && start < 0) {
                start = i;
            } else if (!d && start >= 0) {
                fireTableRowsUpdated(start, i - 1);
                start = -1;
            }
        }
    }

    /** Repaints the ticking durations of the open rows (one event for the column). */
    public void tick() {
        if (openCount > 0) {
            fireTableChanged(new TableModelEvent(this, 0, openCount - 1, COL_DURATION));
        }
    }

    /** Forgets the closed history. */
    public void clearClosed() {
        int n = closedCount();
        if (n > 0) {
            int from = openCount;
            rows.subList(from, rows.size()).clear();
            fireTableRowsDeleted(from, from + n - 1);
        }
    }

    /** Ids of the open peers, in connection order. */
    public List<Long> openIds() {
        List<Long> ids = new ArrayList<>(openCount);
        for (int i = 0; i < openCount; i++) {
            ids.add(rows.get(i).id);
        }
        return ids;
    }
}
