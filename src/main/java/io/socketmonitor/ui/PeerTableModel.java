package io.socketmonitor.ui;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.swing.table.AbstractTableModel;

/**
 * The peers shown in the table: open peers first (in connection order), then a bounded history of
 * closed ones (newest first). Fed with batches of server events on the EDT and announced with
 * row-level events only, a few per batch (ranges), not one per connection; a connection that opens
 * and closes within one batch goes straight to the closed history.
 */
public final class PeerTableModel extends AbstractTableModel {
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
    /** What each column is, in the lecture's terms: the header's tooltip. */
    private static final String[] DESCRIPTIONS = {
        "The connection's number, in the order accept() returned them",
        "The client's IP address: addr[0] of conn, addr = s.accept()",
        "The client's port: addr[1], picked by the client's system",
        "This end of the connection, conn.getsockname(): the address the client reached",
        "When accept() returned the connection",
        "How long the connection has been open, or was",
        "Bytes received from the peer, conn.recv()",
        "Bytes sent to the peer: the greeting and anything sent since, conn.sendall()",
        "Open, or how the connection ended"
    };
    private static final Class<?>[] TYPES = {
        Long.class, String.class, Integer.class, String.class, String.class, Elapsed.class, Long.class, Long.class,
        String.class
    };
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /**
     * One connection as the table shows it; mutable, EDT only. Its texts are made when first
     * shown: under a flood most rows pass through the bounded history unseen.
     */
    public static final class Row {
        final long id;
        final InetSocketAddress remote;
        final InetSocketAddress local;
        final Instant connectedAt;
        private String address;
        private String localText;
        private String since;
        long bytesIn;
        long bytesOut;
        CloseReason closeReason;
        Instant closedAt;
        String lastReceived;
        boolean shown; // in rows (announced to the table)
        boolean dirty; // changed in this batch while shown: needs an update event
        boolean stay; // closed in this batch where it stands (see markInPlace)
        int at; // its index, while markInPlace looks

        Row(PeerSnapshot p) {
            id = p.id();
            remote = p.remote();
            local = p.local();
            connectedAt = p.connectedAt() == null ? Instant.now() : p.connectedAt();
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
            // Built by hand: every visible row's duration is made again on every paint.
            long s = millis / 1000;
            if (s < 60) {
                return s + "." + (millis % 1000) / 100 + "s";
            }
            StringBuilder sb = new StringBuilder(12);
            if (s >= 3600) {
                sb.append(s / 3600).append(':');
                twoDigits(sb, (s / 60) % 60);
            } else {
                sb.append(s / 60);
            }
            return twoDigits(sb.append(':'), s % 60).toString();
        }

        private static StringBuilder twoDigits(StringBuilder sb, long n) {
            return sb.append(n < 10 ? "0" : "").append(n);
        }
    }

    private final ArrayList<Row> rows = new ArrayList<>();
    private final LongMap<Row> openById = new LongMap<>();
    private int openCount;
    // One batch's changes, applied to rows at its end (or before a Stopped/Listening) with a few
    // range events, instead of one insert, move or update event per connection.
    private final LongMap<Row> connectedNow = new LongMap<>(); // connected in this batch, still open
    // The batch's latest connection, not yet in connectedNow: a greet-and-close peer's Sent and
    // Closed follow its Connected, so most peers are found and closed without hashing at all.
    private Row recent;
    private final ArrayList<Row> opened = new ArrayList<>(); // connected in this batch, in order
    private final ArrayList<Row> closing = new ArrayList<>(); // closed in this batch, in close order
    private boolean oldRowsChanged; // a row shown before this batch was closed or updated
    private final TextCache texts = new TextCache();
    private int history;
    private long letGo;
    private LongSupplier clock = System::currentTimeMillis;
    private Runnable batchStarting = () -> { };
    private Runnable batchApplied = () -> { };

    public PeerTableModel() {
        this(DEFAULT_HISTORY);
    }

    public PeerTableModel(int history) {
        this.history = Math.max(1, history);
    }

    /**
     * Runs {@code before} ahead of each batch's row events and {@code after} once they are all
     * out, so a view can take a batch as one change.
     */
    void bracketBatches(Runnable before, Runnable after) {
        batchStarting = before;
        batchApplied = after;
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

    /** The column's name and what it shows; whole even where the header is cut short. */
    public String getColumnDescription(int column) {
        return NAMES[column] + ": " + DESCRIPTIONS[column];
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
            case COL_ADDRESS -> r.address != null ? r.address : (r.address = texts.address(r.remote));
            case COL_PORT -> r.remote == null ? 0 : r.remote.getPort();
            case COL_LOCAL -> r.localText != null ? r.localText : (r.localText = texts.hostPort(r.local));
            case COL_SINCE -> r.since != null ? r.since : (r.since = texts.time(r.connectedAt));
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
        batchStarting.run();
        try {
            applyEvents(batch);
        } finally {
            batchApplied.run();
        }
    }

    private void applyEvents(List<ServerEvent> batch) {
        for (int i = 0, n = batch.size(); i < n; i++) {
            ServerEvent e = batch.get(i);
            if (e instanceof ServerEvent.Connected c) {
                Row r = new Row(c.peer());
                if (recent != null) {
                    connectedNow.put(recent.id, recent);
                }
                recent = r;
                opened.add(r);
            } else if (e instanceof ServerEvent.Sent s) {
                Row r = find(s.peerId());
                if (r != null) {
                    r.bytesOut += s.bytes();
                    touched(r);
                }
            } else if (e instanceof ServerEvent.Closed c) {
                close(c.peer());
            } else if (e instanceof ServerEvent.Received rc) {
                Row r = find(rc.peerId());
                if (r != null) {
                    r.bytesIn += rc.bytes();
                    r.lastReceived = rc.preview();
                    touched(r);
                }
            } else if (e instanceof ServerEvent.Stopped || e instanceof ServerEvent.Listening) {
                // what the batch did so far lands first; peers closed later in it keep their own reason
                flush(closedAfter(batch, i));
                closeAllOpen(CloseReason.SERVER_STOPPED, e.time());
            }
        }
        flush(null);
    }

    private Row find(long id) {
        if (recent != null && recent.id == id) {
            return recent;
        }
        Row r = connectedNow.get(id);
        return r != null ? r : openById.get(id);
    }

    private void touched(Row r) {
        if (r.shown) { // a row not shown yet is inserted with its latest values
            r.dirty = true;
            oldRowsChanged = true;
        }
    }

    private void close(PeerSnapshot p) {
        Row r;
        if (recent != null && recent.id == p.id()) {
            r = recent;
            recent = null; // closed: later events for it find nothing, as before
        } else {
            r = connectedNow.remove(p.id());
        }
        if (r == null) {
            r = openById.remove(p.id());
            if (r == null) {
                return; // a close for a row already gone (e.g. trimmed): nothing to show
            }
            oldRowsChanged = true;
        }
        r.update(p);
        markClosed(r, p);
        closing.add(r);
    }

    /** Ids of the peers closed in {@code batch} after index {@code i}; rare (a Stopped or Listening mid-batch). */
    private static LongMap<Boolean> closedAfter(List<ServerEvent> batch, int i) {
        LongMap<Boolean> ids = new LongMap<>();
        for (int j = i + 1; j < batch.size(); j++) {
            if (batch.get(j) instanceof ServerEvent.Closed c) {
                ids.put(c.peer().id(), Boolean.TRUE);
            }
        }
        return ids;
    }

    /**
     * Puts the batch's changes into {@link #rows}: closed open rows leave the open part, rows
     * connected in the batch and still open join its end, rows closed in the batch head the
     * history (newest first) and the oldest closed rows beyond {@link #history} go. Announced with
     * one event per change (a range), not per row. Rows in {@code keepPending} stay unshown for now:
     * they close later in the batch.
     */
    private void flush(LongMap<Boolean> keepPending) {
        int closedN = closing.size();
        // Rows closed in the batch that already stand, newest first, as the last open rows stay
        // where they are and only change state, as a lone close always did (a selected row stays
        // selected); every other closed open row moves.
        int inPlace = oldRowsChanged && closedN > 0 ? markInPlace() : 0;
        if (oldRowsChanged && closedN > inPlace) {
            removeClosedOpenRows();
        }
        openCount -= inPlace; // those rows now head the history where they stand
        if (oldRowsChanged) {
            fireDirty(openCount + inPlace);
        }
        // The batch's still-open rows join the open part, the rest of its closed rows go after the
        // rows closed in place, newest first (only as many as the history keeps).
        List<Row> add = new ArrayList<>(opened.size() + Math.min(closedN - inPlace, history));
        for (Row r : opened) {
            if (r.closeReason == null && (keepPending == null || keepPending.get(r.id) == null)) {
                openById.put(r.id, r);
                connectedNow.remove(r.id);
                add.add(r);
            }
        }
        int newOpen = add.size();
        int lastShown = Math.max(0, closedN - inPlace - history);
        letGo += lastShown; // closed within the batch and beyond the history: never shown
        for (int k = closedN - 1 - inPlace; k >= lastShown; k--) {
            add.add(closing.get(k));
        }
        if (newOpen > 0) {
            int at = openCount;
            openCount += newOpen; // a listener hears the new rows with a count that includes them
            insert(at, add.subList(0, newOpen));
        }
        if (add.size() > newOpen) {
            insert(openCount + inPlace, add.subList(newOpen, add.size()));
        }
        for (Row r : closing) {
            r.dirty = false;
            r.stay = false;
        }
        opened.clear();
        closing.clear();
        if (keepPending == null) {
            connectedNow.clear();
            recent = null;
        } else if (recent != null && recent.shown) {
            recent = null; // now open in openById
        }
        oldRowsChanged = false;
        trim();
    }

    private void insert(int at, List<Row> block) {
        for (Row r : block) {
            r.shown = true;
        }
        rows.addAll(at, block);
        fireTableRowsInserted(at, at + block.size() - 1);
    }

    /**
     * Marks ({@code stay}) the newest closes that stand, in that order, among the closed rows at the
     * end of the open part; returns how many. The others there are taken out, so these end up last.
     */
    private int markInPlace() {
        int from = openCount;
        while (from > 0 && rows.get(from - 1).closeReason != null) {
            rows.get(from - 1).at = from - 1;
            from--;
        }
        int t = 0;
        int prev = -1;
        for (int k = closing.size() - 1; k >= 0; k--) {
            Row r = closing.get(k);
            boolean there = r.shown && r.at >= from && r.at < openCount && rows.get(r.at) == r;
            if (!there || r.at <= prev) {
                break;
            }
            prev = r.at;
            r.stay = true;
            t++;
        }
        return t;
    }

    /** Takes the closed rows not staying in place out of the open part, a range at a time from the end. */
    private void removeClosedOpenRows() {
        int i = openCount - 1;
        while (i >= 0) {
            if (!moves(rows.get(i))) {
                i--;
                continue;
            }
            int last = i;
            while (i >= 0 && moves(rows.get(i))) {
                i--;
            }
            rows.subList(i + 1, last + 1).clear();
            openCount -= last - i;
            fireTableRowsDeleted(i + 1, last);
        }
    }

    private static boolean moves(Row r) {
        return r.closeReason != null && !r.stay;
    }

    private static void markClosed(Row r, PeerSnapshot p) {
        if (r.closeReason == null) {
            r.closeReason = p.closeReason() != null ? p.closeReason() : CloseReason.BY_PEER;
            r.closedAt = p.closedAt() != null ? p.closedAt() : Instant.now();
        }
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
            letGo += excess;
            int from = rows.size() - excess;
            rows.subList(from, rows.size()).clear();
            fireTableRowsDeleted(from, from + excess - 1);
        }
    }

    /**
     * Update events, a range at a time, for rows[0, end) that changed while shown: open rows with
     * new byte counts and the rows closed in place.
     */
    private void fireDirty(int end) {
        int start = -1;
        for (int i = 0; i <= end; i++) {
            boolean d = false;
            if (i < end) {
                Row r = rows.get(i);
                d = r.dirty || r.closeReason != null;
                r.dirty = false;
            }
            if (d && start < 0) {
                start = i;
            } else if (!d && start >= 0) {
                fireTableRowsUpdated(start, i - 1);
                start = -1;
            }
        }
    }

    /**
     * Closed connections the table has let go to keep within {@link #history}, since the user
     * last cleared it: a file of the rows is then not every connection.
     */
    public long letGo() {
        return letGo;
    }

    /** Forgets the closed history. */
    public void clearClosed() {
        letGo = 0;
        int n = closedCount();
        if (n > 0) {
            int from = openCount;
            rows.subList(from, rows.size()).clear();
            fireTableRowsDeleted(from, from + n - 1);
        }
    }

    /** Whether the table shows peer {@code id} as open. */
    public boolean isOpen(long id) {
        return openById.get(id) != null;
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
