package io.socketmonitor.ui;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.server.Mode;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.RowSorter;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableColumn;
import javax.swing.table.TableRowSorter;

/** The live peer table with its filter and the actions on the selection. */
public final class PeerTablePanel extends JPanel {
    private final PeerTableModel model;
    private final ServerController controller;
    private final Supplier<Mode> mode;
    private final KeyedSelectionTable table;
    private final TableRowSorter<PeerTableModel> sorter;
    private final JTextField filter = new JTextField(11);
    private final JLabel info = new JLabel(" ");
    private final ActionNote note = new ActionNote(info, " ");
    /** Peers the user asked to close, until the table shows them closed. */
    private List<Long> disconnecting = List.of();
    /** Of those, how many the filter hid when they were closed: said, since the user did not see them. */
    private int disconnectingHidden;
    private int reselectFrom;
    private final SendTextDialog sendDialog = new SendTextDialog();
    final Action send;
    final Action disconnect;
    final Action disconnectAll;
    final Action watch;
    private java.util.function.Consumer<PeerTableModel.Row> onWatch = r -> {};
    final Action copy;
    final Action lookup;
    final Action broadcast;
    private JPopupMenu popup;
    /** The table is narrower than its columns' minimums and scrolls sideways (see scrollSideways). */
    private boolean scrollsSideways;
    final Action export;
    final Action clearClosed;

    public PeerTablePanel(PeerTableModel model, ServerController controller, Supplier<Mode> mode) {
        super(new BorderLayout());
        this.model = model;
        this.controller = controller;
        this.mode = mode;
        setName("peerPanel");
        table = new KeyedSelectionTable(model, m -> model.row(m).id()) {
            /**
             * Fill the width while every column can keep its minimum (the table beside the
             * lecture in the default window fits whole); scroll sideways only when narrower still.
             */
            @Override
            public boolean getScrollableTracksViewportWidth() {
                boolean fits = getParent() == null || minimumWidth() <= getParent().getWidth();
                scrollSideways(!fits); // asked as the view is laid out, before it is sized
                return fits;
            }

            /** Each header says what its column shows, and reads whole where it is cut short. */
            @Override
            protected JTableHeader createDefaultTableHeader() {
                return new JTableHeader(columnModel) {
                    @Override
                    public String getToolTipText(MouseEvent e) {
                        int column = columnAtPoint(e.getPoint());
                        return column < 0 ? null
                                : model.getColumnDescription(convertColumnIndexToModel(column));
                    }
                };
            }

            /** A value cut short in its cell (a long address, a long state) shows whole on hover. */
            @Override
            public String getToolTipText(MouseEvent e) {
                int row = rowAtPoint(e.getPoint());
                int column = columnAtPoint(e.getPoint());
                if (row >= 0 && column >= 0) {
                    Component cell = prepareRenderer(getCellRenderer(row, column), row, column);
                    if (cell.getPreferredSize().width > getColumnModel().getColumn(column).getWidth()) {
                        return String.valueOf(getValueAt(row, column));
                    }
                }
                return super.getToolTipText(e);
            }

            /** An empty table says why when the filter hides every row: a blank table did not. */
            @Override
            protected void paintComponent(java.awt.Graphics g) {
                super.paintComponent(g);
                String remark = emptyRemark();
                if (remark != null) {
                    java.awt.Graphics2D g2 = (java.awt.Graphics2D) g.create();
                    if (Toolkit.getDefaultToolkit().getDesktopProperty("awt.font.desktophints")
                            instanceof java.util.Map<?, ?> hints) {
                        g2.addRenderingHints(hints); // text antialiased as the cells' is
                    }
                    g2.setFont(getFont());
                    g2.setColor(Themes.secondaryText(getBackground()));
                    java.awt.Rectangle visible = getVisibleRect();
                    g2.drawString(remark, visible.x + 8, visible.y + 8 + g2.getFontMetrics().getAscent());
                    g2.dispose();
                }
            }

            private int minimumWidth() {
                int sum = 0;
                for (int i = 0; i < getColumnCount(); i++) {
                    sum += getColumnModel().getColumn(i).getMinWidth();
                }
                return sum;
            }
        };
        table.setAutoResizeMode(JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
        table.setName("peerTable");
        Keys.tabMovesFocus(table); // a keyboard user got stuck in the table: Tab only went from cell to cell
        table.getAccessibleContext().setAccessibleName("Peers");
        table.setFillsViewportHeight(true);
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setAutoCreateRowSorter(false);
        sorter = new TableRowSorter<>(model);
        sorter.setSortsOnUpdates(false);
        table.setRowSorter(sorter);
        // A batch's row events are one change to the selection: a selected peer that closes and
        // moves to the closed history stays selected there. The actions follow the final
        // selection: mid-batch, the listener below sees the rows before the sorter has them.
        model.bracketBatches(table::changesStarting, () -> {
            table.changesApplied();
            updateActions();
        });
        table.setDefaultRenderer(String.class, new StateRenderer());
        ByteCountRenderer bytes = new ByteCountRenderer();
        table.getColumnModel().getColumn(PeerTableModel.COL_IN).setCellRenderer(bytes);
        table.getColumnModel().getColumn(PeerTableModel.COL_OUT).setCellRenderer(bytes);
        sizeColumns();
        model.addTableModelListener(e -> {
            reportDisconnected();
            updateActions(); // a selected peer that closes can no longer be sent to or disconnected
        });

        send = action("Send\u2026", 'e', "Send text to the selected open peers (keep-open mode)", null, this::sendText);
        disconnect = action("Disconnect", 'D', "Close the selected connections (Delete)",
                KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), this::disconnectSelected);
        watch = action("Watch data\u2026", 'W', "See everything the selected peer sends and is sent, and answer it"
                + " (or double-click its row)", null, this::watchSelected);
        // Packet Sender's users asked for it over and over (#19, #58, #212, #307).
        disconnectAll = action("Disconnect all", 'A', "Close every open connection, shown or filtered out", null,
                this::disconnectAll);
        copy = action("Copy address", 'C', "Copy the selected peers' address:port", null, this::copyAddresses);
        lookup = action("Look up host", 'L', "Find the host name of the selected peer's address (reverse DNS)",
                null, this::lookupHost);
        broadcast = action("Broadcast\u2026", 'B', "Send text to every open peer", null, this::broadcastText);
        export = action("Export CSV\u2026", 'x', "Save the table as CSV (Ctrl+E)",
                KeyStroke.getKeyStroke(KeyEvent.VK_E, Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()),
                this::exportCsvChosen);
        clearClosed = action("Clear closed", 'o', "Forget the closed connections in the table", null, model::clearClosed);

        table.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), "disconnect");
        table.getActionMap().put("disconnect", disconnect);

        popup = new JPopupMenu();
        popup.setName("peerMenu");
        for (Action a : List.of(watch, send, disconnect, copy, lookup)) {
            popup.add(a);
        }
        popup.addSeparator();
        popup.add(disconnectAll);
        popup.add(broadcast);
        popup.add(export);
        popup.add(clearClosed);
        Keys.contextMenuKeys(table, popup);
        // Enter opens the peer's data, as a double-click does (TCPView: Enter opens Properties).
        table.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "watch");
        // Always enabled, unlike the Watch action: a closed peer's row is explained, not skipped over.
        table.getActionMap().put("watch", Actions.of("Watch data", 'W', null, null, this::watchSelected));
        table.addMouseListener(new MouseAdapter() {
            @Override public void mousePressed(MouseEvent e) { maybePopup(e, popup); }
            @Override public void mouseReleased(MouseEvent e) { maybePopup(e, popup); }

            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && javax.swing.SwingUtilities.isLeftMouseButton(e) && controller.running()) {
                    watchSelected();
                }
            }
        });

        OverflowToolBar bar = new OverflowToolBar();
        bar.setName("peerToolbar");
        String[] shortNames = {"Send\u2026", "Disconnect", "Copy", "Host", "Broadcast\u2026", "CSV\u2026", "Clear"};
        List<Action> barActions = List.of(send, disconnect, copy, lookup, broadcast, export, clearClosed);
        for (int i = 0; i < barActions.size(); i++) {
            Action a = barActions.get(i);
            JButton b = bar.add(a);
            b.setName("peer." + ((String) a.getValue(Action.NAME)).replaceAll("[^A-Za-z]", ""));
            b.setText(shortNames[i]); // the menus carry the full names
            b.setMnemonic(0); // and the mnemonics: window-wide, these clashed with the log's and the menu bar's
            b.getAccessibleContext().setAccessibleName((String) a.getValue(Action.NAME));
        }
        bar.add(javax.swing.Box.createHorizontalGlue());
        filter.setName("peerFilter");
        Keys.escapeClears(filter);
        filter.getAccessibleContext().setAccessibleName("Filter peers");
        filter.setToolTipText("Show only rows containing this text (Ctrl+F)");
        filter.putClientProperty("JTextField.placeholderText", "Filter (Ctrl+F)");
        filter.putClientProperty("JTextField.showClearButton", true);
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { applyFilter(); }
            @Override public void removeUpdate(DocumentEvent e) { applyFilter(); }
            @Override public void changedUpdate(DocumentEvent e) { applyFilter(); }
        });
        // The filter sits outside the toolbar so a narrow window clips buttons, never the filter.
        JPanel top = new JPanel(new BorderLayout(4, 0));
        top.add(bar, BorderLayout.CENTER);
        top.add(filter, BorderLayout.EAST);
        top.setBorder(javax.swing.BorderFactory.createEmptyBorder(0, 0, 0, 4));

        info.setName("peerInfo");
        add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setName("peerScroll");
        add(scroll, BorderLayout.CENTER);
        add(info, BorderLayout.SOUTH);
        table.getSelectionModel().addListSelectionListener(e -> updateActions());
        updateActions();
    }

    private static void maybePopup(MouseEvent e, JPopupMenu popup) {
        if (e.isPopupTrigger()) {
            JTable t = (JTable) e.getSource();
            int row = t.rowAtPoint(e.getPoint());
            if (row >= 0 && !t.isRowSelected(row)) {
                t.setRowSelectionInterval(row, row);
            }
            popup.show(t, e.getX(), e.getY());
        }
    }

    private static Action action(String name, char mnemonic, String tip, KeyStroke key, Runnable run) {
        return Actions.of(name, mnemonic, tip, key, run);
    }

    /** "No peer contains “zzz” (3 hidden by the filter)." while the filter hides every row; else null. */
    String emptyRemark() {
        String text = filter.getText().strip();
        int all = model.getRowCount();
        if (text.isEmpty() || all == 0 || table.getRowCount() > 0) {
            return null;
        }
        return "No peer contains \u201C" + text + "\u201D (" + all + " hidden by the filter). Escape in the filter shows them.";
    }

    private void applyFilter() {
        String text = filter.getText().strip();
        sorter.setRowFilter(text.isEmpty() ? null
                : RowFilter.regexFilter("(?iu)" + Pattern.quote(text)));
    }

    /**
     * Room for the toolbar, the header and two rows at the current text size: a fixed 100 px
     * showed no row at all with large text, where the log kept its three lines.
     */
    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet() || table == null) {
            return super.getMinimumSize();
        }
        java.awt.Container scroll = table.getParent() == null ? null : table.getParent().getParent();
        java.awt.Insets in = scroll instanceof JComponent c ? c.getInsets() : new java.awt.Insets(0, 0, 0, 0);
        int height = getComponent(0).getPreferredSize().height + table.getTableHeader().getPreferredSize().height
                + in.top + in.bottom + 2 * table.getRowHeight() + info.getPreferredSize().height;
        return new Dimension(300, height);
    }

    PeerTableModel model() {
        return model;
    }

    /** The column the user sorts by and its direction, or null while unsorted. */
    RowSorter.SortKey sortKey() {
        List<? extends RowSorter.SortKey> keys = sorter.getSortKeys();
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** Sorts as remembered; null leaves the table unsorted. */
    void sortBy(RowSorter.SortKey key) {
        sorter.setSortKeys(key == null ? null : List.of(key));
    }

    /** Forgets the last action's message ("Sent 23 bytes to 1 peer."), as a new run starts. */
    void clearInfo() {
        note.clear();
        disconnecting = List.of();
    }

    /** Called when the server starts or stops, and on selection changes. */
    public void updateActions() {
        List<PeerTableModel.Row> sel = selected();
        boolean running = controller.running();
        boolean anyOpen = sel.stream().anyMatch(PeerTableModel.Row::open);
        send.setEnabled(running && anyOpen && mode.get() == Mode.KEEP_OPEN);
        disconnect.setEnabled(running && anyOpen);
        disconnectAll.setEnabled(running && model.openCount() > 0);
        watch.setEnabled(running && sel.size() == 1 && sel.get(0).open());
        copy.setEnabled(!sel.isEmpty());
        lookup.setEnabled(sel.size() == 1);
        broadcast.setEnabled(running && mode.get() == Mode.KEEP_OPEN);
    }

    public List<PeerTableModel.Row> selected() {
        List<PeerTableModel.Row> out = new ArrayList<>();
        int viewRows = table.getRowCount();
        for (int v : table.getSelectedRows()) {
            if (v >= viewRows) {
                continue; // asked mid-change, while JTable moves the selection (see KeyedSelectionTable)
            }
            int m = table.convertRowIndexToModel(v);
            if (m >= 0 && m < model.getRowCount()) {
                out.add(model.row(m));
            }
        }
        return out;
    }

    private List<Long> selectedOpenIds() {
        return selected().stream().filter(PeerTableModel.Row::open).map(PeerTableModel.Row::id).toList();
    }

    /** What opens a peer's data window (the main window owns those). */
    void onWatch(java.util.function.Consumer<PeerTableModel.Row> open) {
        onWatch = open;
    }

    private void watchSelected() {
        List<PeerTableModel.Row> sel = selected();
        if (sel.size() == 1 && sel.get(0).open()) {
            onWatch.accept(sel.get(0));
        } else if (sel.size() == 1) {
            note.say("Peer #" + sel.get(0).id() + " has closed: a peer's data can be watched while it is open.");
        }
    }

    void disconnectSelected() {
        disconnect(selectedOpenIds(), 0);
    }

    void disconnectAll() {
        int shownOpen = 0;
        for (int row = 0; row < table.getRowCount(); row++) {
            if (model.row(table.convertRowIndexToModel(row)).open()) {
                shownOpen++;
            }
        }
        List<Long> ids = model.openIds();
        disconnect(ids, ids.size() - shownOpen);
    }

    private void disconnect(List<Long> ids, int hidden) {
        if (!ids.isEmpty()) {
            disconnecting = ids;
            disconnectingHidden = hidden;
            reselectFrom = table.getSelectionModel().getMinSelectionIndex();
            controller.disconnect(ids);
            note.working("Disconnecting " + peers(ids.size()) + "\u2026");
        }
    }

    /** "Disconnecting…" lasts until the table shows none of those peers open. */
    private void reportDisconnected() {
        if (!disconnecting.isEmpty() && disconnecting.stream().noneMatch(model::isOpen)) {
            note.say("Disconnected " + peers(disconnecting.size()) + (disconnectingHidden == 0 ? "."
                    : " (" + disconnectingHidden + " of them hidden by the filter)."));
            disconnecting = List.of();
            int from = reselectFrom;
            // Later: this listener runs before the table's own, which has yet to move the selection.
            javax.swing.SwingUtilities.invokeLater(() -> {
                if (selectedOpenIds().isEmpty()) {
                    selectOpenRowNear(from);
                }
            });
        }
    }

    /**
     * As a file manager does after a delete: the open peer that took the closed one's place (or
     * the nearest above) is selected, so Delete again goes on down the list.
     */
    private void selectOpenRowNear(int viewRow) {
        int n = table.getRowCount();
        for (int row = Math.max(viewRow, 0); row < n; row++) {
            if (selectIfOpen(row)) {
                return;
            }
        }
        for (int row = Math.min(viewRow, n) - 1; row >= 0; row--) {
            if (selectIfOpen(row)) {
                return;
            }
        }
    }

    private boolean selectIfOpen(int viewRow) {
        if (!model.row(table.convertRowIndexToModel(viewRow)).open()) {
            return false;
        }
        table.setRowSelectionInterval(viewRow, viewRow);
        table.scrollRectToVisible(table.getCellRect(viewRow, 0, true));
        return true;
    }

    private static String peers(int n) {
        return n + (n == 1 ? " peer" : " peers");
    }

    private void sendText() {
        List<Long> ids = selectedOpenIds();
        if (ids.isEmpty()) {
            return;
        }
        byte[] data = sendDialog.ask(this, "Send to " + peers(ids.size()));
        if (data != null) {
            controller.send(ids, data);
            note.say("Sent " + data.length + " bytes to " + peers(ids.size()) + ".");
        }
    }

    private void broadcastText() {
        // How many now; those who come or go while the dialog is open change the count sent to.
        int open = model.openCount();
        byte[] data = sendDialog.ask(this, "Broadcast to every open peer (" + peers(open) + " now)");
        if (data != null) {
            controller.sendToAll(data, n -> note.say("Sent " + data.length + " bytes to " + peers(n) + "."));
        }
    }

    private void copyAddresses() {
        List<PeerTableModel.Row> sel = selected();
        if (sel.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (PeerTableModel.Row r : sel) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(r.remote() == null ? "" : Addresses.hostPort(r.remote()));
        }
        try {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(sb.toString()), null);
            note.say("Copied " + sb.toString().replace('\n', ' '));
        } catch (IllegalStateException | SecurityException e) {
            note.say("The clipboard is busy; try again.");
        }
    }

    private void lookupHost() {
        List<PeerTableModel.Row> sel = selected();
        if (sel.size() != 1 || sel.get(0).remote() == null) {
            return;
        }
        InetAddress a = sel.get(0).remote().getAddress();
        String literal = Addresses.literal(a);
        note.working("Looking up " + literal + "\u2026");
        controller.lookup(() -> {
            String name = a.getCanonicalHostName();
            String text = name.equals(a.getHostAddress()) ? literal + " has no host name (no reverse DNS entry)."
                    : literal + " is " + name + ".";
            SwingUtilities.invokeLater(() -> note.say(text));
        });
    }

    private void exportCsvChosen() {
        Path file = SaveChooser.choose(this, "Export peers as CSV", "peers.csv");
        if (file != null) {
            exportCsv(file);
        }
    }

    /** Writes the rows as shown (filter and order) to {@code file}, off the EDT. */
    public void exportCsv(Path file) {
        String csv = csv();
        int rowCount = table.getRowCount();
        // Say so when older closed rows were let go, so no one takes the file for every connection.
        int h = model.history();
        String kept = model.letGo() == 0 ? ""
                : String.format(java.util.Locale.ROOT, " (%,d older closed %s not kept: the table keeps the last %,d)",
                        model.letGo(), model.letGo() == 1 ? "connection is" : "connections are", h);
        note.working("Saving " + file.getFileName() + "\u2026");
        controller.background(() -> {
            String result;
            try {
                Files.writeString(file, csv, StandardCharsets.UTF_8);
                result = "Saved " + rowCount + (rowCount == 1 ? " row" : " rows") + " to " + file + kept + ".";
            } catch (IOException | RuntimeException e) {
                result = SaveErrors.sentence(file, e);
            }
            String r = result;
            SwingUtilities.invokeLater(() -> note.say(r));
        });
    }

    /** The table as CSV, header first, rows in view order. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < model.getColumnCount(); c++) {
            String name = c == PeerTableModel.COL_DURATION ? "Duration (s)" : model.getColumnName(c);
            sb.append(c == 0 ? "" : ",").append(csvCell(name));
        }
        sb.append("\r\n");
        for (int v = 0; v < table.getRowCount(); v++) {
            int m = table.convertRowIndexToModel(v);
            for (int c = 0; c < model.getColumnCount(); c++) {
                sb.append(c == 0 ? "" : ",").append(csvCell(csvValue(m, c)));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static final java.time.format.DateTimeFormatter CSV_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(java.time.ZoneId.systemDefault());

    /** As the table shows it, but for a spreadsheet: the date with the time, a duration in seconds. */
    private String csvValue(int modelRow, int column) {
        Object value = model.getValueAt(modelRow, column);
        if (column == PeerTableModel.COL_SINCE) {
            return CSV_TIME.format(model.row(modelRow).connectedAt);
        }
        if (value instanceof PeerTableModel.Elapsed e) {
            return String.format(java.util.Locale.ROOT, "%.3f", e.millis() / 1000.0);
        }
        return String.valueOf(value);
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public void focusFilter() {
        filter.requestFocusInWindow();
        filter.selectAll();
    }

    public JTable table() {
        return table;
    }

    JLabel info() {
        return info;
    }

    /** By model column: a wide value each column shows whole, unless squeezed. */
    private static final String[] WIDE_SAMPLES = {"999999", "255.255.255.255", "65535", "255.255.255.255:65535",
        "23:59:59", "59:59", "1234567", "1234567", "closed after HTTP response"};
    /** By model column: what each still shows whole when squeezed (longer values show on hover). */
    private static final String[] NARROW_SAMPLES = {"999999", "127.0.0.1", "65535", "127.0.0.1:65535",
        "23:59:59", "59:59", "12345", "12345", "closed after greeting"};
    /** By model column: headers longer than their values, which may be shortened ("Connecte…") when squeezed. */
    private static final boolean[] HEADER_MAY_SHORTEN = {false, true, false, true, true, false, false, false, false};

    /**
     * Sizes the columns in the font on screen (fonts differ by system by 40 %, so fixed pixel
     * widths cut text on some): each fits its header and a wide value, and is never squeezed
     * below a common value, nor below its header unless that is much longer than its values.
     */
    /**
     * A theme or text size change: the columns were sized for the old font, and the right-click
     * menu, in no window while hidden, is not reached by FlatLaf's update of the windows.
     */
    @Override
    public void updateUI() {
        super.updateUI();
        if (popup != null) {
            SwingUtilities.updateComponentTreeUI(popup);
            SwingUtilities.invokeLater(this::sizeColumns); // once the table has its new font
        }
    }

    /**
     * Narrower than every column's minimum, the table scrolls sideways with each column at its
     * minimum, and a column dragged wider widens the table. At the preferred widths a table a
     * little too narrow hid five of nine columns; and auto-resize takes a dragged column's width
     * from the columns after it, already at their minimums, so a drag did nothing.
     */
    private void scrollSideways(boolean narrow) {
        if (narrow == scrollsSideways || table == null) {
            return; // table: null while its own constructor runs
        }
        scrollsSideways = narrow;
        if (narrow) {
            table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF); // the table is as wide as its columns' widths
            atMinimums();
        } else {
            sizeColumns(); // the preferred widths back, to share the room
            table.setAutoResizeMode(JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
        }
    }

    private void atMinimums() {
        for (int i = 0; i < table.getColumnCount(); i++) {
            TableColumn column = table.getColumnModel().getColumn(i);
            column.setPreferredWidth(column.getMinWidth());
        }
    }

    private void sizeColumns() {
        javax.swing.Icon arrow = UIManager.getIcon("Table.ascendingSortIcon");
        int sortArrowWidth = arrow == null ? 0 : arrow.getIconWidth() + 6;
        for (int i = 0; i < table.getColumnCount(); i++) {
            TableColumn column = table.getColumnModel().getColumn(i);
            int m = column.getModelIndex();
            Component header = table.getTableHeader().getDefaultRenderer()
                    .getTableCellRendererComponent(table, model.getColumnName(m), false, false, -1, i);
            int headerWidth = header.getPreferredSize().width + 4;
            int narrow = cellWidth(m, i, NARROW_SAMPLES[m]);
            column.setMinWidth(HEADER_MAY_SHORTEN[m] ? narrow : Math.max(narrow, headerWidth));
            // Sorted, a header also shows an arrow: room for it when there is room at all.
            column.setPreferredWidth(Math.max(headerWidth + sortArrowWidth, cellWidth(m, i, WIDE_SAMPLES[m])));
        }
        if (scrollsSideways) {
            atMinimums(); // new minimums for a new text size
        }
    }

    private int cellWidth(int modelColumn, int viewColumn, String sample) {
        Component c = table.getDefaultRenderer(model.getColumnClass(modelColumn))
                .getTableCellRendererComponent(table, sample, false, false, 0, viewColumn);
        return c.getPreferredSize().width + table.getIntercellSpacing().width + 4;
    }

    /**
     * Repaints the ticking durations: only the duration cells in view. (A model event over the
     * open rows made the table map every one of them through the sorter, twice a second: 5 % of
     * a core with 10,000 peers held.)
     */
    void repaintDurations() {
        int column = table.convertColumnIndexToView(PeerTableModel.COL_DURATION);
        if (model.openCount() == 0 || column < 0) {
            return;
        }
        Rectangle visible = table.getVisibleRect();
        Rectangle cells = table.getCellRect(0, column, true);
        table.repaint(cells.x, visible.y, cells.width, visible.height);
    }

    /** Colours the state column: open in green, closed in the quieter colour; both readable on the row. */
    private final class StateRenderer extends DefaultTableCellRenderer {
        private static final java.awt.Color OPEN_ON_LIGHT = new java.awt.Color(0x1E, 0x7B, 0x34);
        private static final java.awt.Color OPEN_ON_DARK = new java.awt.Color(0x6C, 0xC6, 0x6C);

        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean isSelected, boolean hasFocus,
                int row, int column) {
            Component c = super.getTableCellRendererComponent(t, value, isSelected, hasFocus, row, column);
            if (!isSelected && t.convertColumnIndexToModel(column) == PeerTableModel.COL_STATE) {
                boolean open = "open".equals(value);
                java.awt.Color green = com.formdev.flatlaf.FlatLaf.isLafDark() ? OPEN_ON_DARK : OPEN_ON_LIGHT;
                c.setForeground(open ? Themes.readableOn(green, c.getBackground()) : Themes.secondaryText(c.getBackground()));
            } else if (!isSelected) {
                c.setForeground(t.getForeground());
            }
            return c;
        }
    }
}
