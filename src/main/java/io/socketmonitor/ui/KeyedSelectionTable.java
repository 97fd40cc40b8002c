package io.socketmonitor.ui;

import java.awt.Rectangle;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;
import javax.swing.DefaultRowSorter;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.RowSorter;
import javax.swing.event.RowSorterEvent;
import javax.swing.event.TableModelEvent;
import javax.swing.table.TableModel;

/**
 * A sorted, filtered table whose selection is the rows the user selected, named by a key, and
 * nothing else. JTable (JDK 17) keeps a sorted table's selection in two caches that go wrong
 * (both found by {@code GuiMonkeyTest}):
 * <ul>
 * <li>for a cell changed in place it copies the selection, to put back once the sorter moved
 * rows; the sorter here never moves rows for that, so the copy stays, and the next filter or
 * sort change put that old selection back: typing in the peer filter selected a peer the user
 * had left (Delete would have cut it), or kept selected a row the filter hid;</li>
 * <li>while the filter hides rows it tracks the selection by model index, and on an insert
 * passes the last index where the length belongs: peers arriving next to a selected one came
 * out selected too.</li>
 * </ul>
 * So every model or sorter change ends with the selection set again from the keys the user
 * selected (those the view still shows), and a change in place is only repainted, as JTable
 * does for one, so the first cache is never filled.
 */
class KeyedSelectionTable extends JTable {
    private final IntFunction<Object> keyOfModelRow;
    private Set<Object> selectedKeys = Set.of();
    private Object leadKey;
    /** Above 0 while JTable moves the selection itself (a model or sorter change), or this class does. */
    private int moving;
    /** A row was added, removed or moved since the selection was last set from the keys. */
    private boolean rowsMoved;

    KeyedSelectionTable(TableModel model, IntFunction<Object> keyOfModelRow) {
        super(model);
        this.keyOfModelRow = keyOfModelRow;
        getSelectionModel().addListSelectionListener(e -> {
            if (moving == 0) {
                rememberSelection(); // the user's (or the program's) own choice
            }
        });
    }

    @Override
    public void tableChanged(TableModelEvent e) {
        if (keyOfModelRow == null) { // JTable's constructor, before this class is set up
            super.tableChanged(e);
            return;
        }
        boolean inPlace = isUpdateInPlace(e);
        moving++;
        try {
            if (inPlace) {
                repaintUpdate(e);
            } else {
                super.tableChanged(e);
            }
        } finally {
            moving--;
        }
        if (!inPlace) {
            selectionMayHaveMoved();
        }
    }

    @Override
    public void sorterChanged(RowSorterEvent e) {
        moving++;
        try {
            super.sorterChanged(e);
        } finally {
            moving--;
        }
        if (e.getType() == RowSorterEvent.Type.SORTED) {
            selectionMayHaveMoved();
        }
    }

    private void selectionMayHaveMoved() {
        if (moving == 0) {
            restoreSelection();
        } else {
            rowsMoved = true; // set again when the changes are applied
        }
    }

    /**
     * Takes the model events until the matching {@link #changesApplied} as one change, with the
     * selection set again once, at the end: a row that leaves and comes back within it (a
     * closed peer moving to the closed history) stays selected.
     */
    void changesStarting() {
        moving++;
    }

    /** The end of {@link #changesStarting}. */
    void changesApplied() {
        moving--;
        if (moving == 0 && rowsMoved) {
            restoreSelection(); // not after a batch of byte counts only: those move no row
        }
    }

    /** A change in place that cannot move rows: the sorter does not sort on updates. */
    private boolean isUpdateInPlace(TableModelEvent e) {
        RowSorter<? extends TableModel> sorter = getRowSorter();
        return sorter instanceof DefaultRowSorter<?, ?> d && !d.getSortsOnUpdates() && e != null
                && e.getType() == TableModelEvent.UPDATE && e.getFirstRow() != TableModelEvent.HEADER_ROW
                && e.getLastRow() != Integer.MAX_VALUE;
    }

    private void repaintUpdate(TableModelEvent e) {
        int first = Math.max(0, e.getFirstRow());
        int last = e.getLastRow();
        if (e.getColumn() == TableModelEvent.ALL_COLUMNS) {
            getRowSorter().rowsUpdated(first, last);
        } else {
            getRowSorter().rowsUpdated(first, last, e.getColumn());
        }
        if (last - first > 10) { // as JTable does past 10 rows
            repaint();
            return;
        }
        for (int m = first; m <= last && m < getModel().getRowCount(); m++) {
            int view = convertRowIndexToView(m);
            if (view >= 0) {
                Rectangle row = getCellRect(view, 0, true);
                repaint(0, row.y, getWidth(), row.height);
            }
        }
    }

    private void rememberSelection() {
        int[] rows = getSelectedRows();
        Set<Object> keys = new HashSet<>(rows.length * 2);
        int viewRows = getRowCount();
        for (int v : rows) {
            if (v < viewRows) {
                keys.add(keyOfModelRow.apply(convertRowIndexToModel(v)));
            }
        }
        int lead = getSelectionModel().getLeadSelectionIndex();
        leadKey = lead >= 0 && lead < viewRows ? keyOfModelRow.apply(convertRowIndexToModel(lead)) : null;
        selectedKeys = keys;
    }

    /** Selects exactly the remembered rows the view shows, and forgets the others; does nothing when that is so already. */
    private void restoreSelection() {
        rowsMoved = false;
        ListSelectionModel selection = getSelectionModel();
        int viewRows = getRowCount();
        if (selectedKeys.isEmpty()) {
            if (!selection.isSelectionEmpty()) {
                moving++;
                try {
                    selection.clearSelection();
                } finally {
                    moving--;
                }
            }
            return;
        }
        if (selectsExactlyTheKeys(viewRows)) {
            return; // JTable got it right, as it mostly does: no scan of every row
        }
        boolean same = true;
        int leadRow = -1;
        int[] wanted = new int[Math.min(selectedKeys.size(), viewRows)];
        Set<Object> shown = new HashSet<>(wanted.length * 2);
        int n = 0;
        for (int v = 0; v < viewRows && n < wanted.length; v++) {
            Object key = keyOfModelRow.apply(convertRowIndexToModel(v));
            if (selectedKeys.contains(key)) {
                wanted[n++] = v;
                shown.add(key);
                same &= selection.isSelectedIndex(v);
                if (key.equals(leadKey)) {
                    leadRow = v;
                }
            }
        }
        // A row the filter hides or the model dropped leaves the selection for good: what is
        // selected is what the user sees, so Delete never cuts a peer out of sight.
        selectedKeys = shown;
        if (same && selection.getMaxSelectionIndex() < viewRows && selection.getSelectedItemsCount() == n) {
            return;
        }
        moving++;
        boolean adjusting = selection.getValueIsAdjusting(); // a drag under way goes on
        try {
            selection.setValueIsAdjusting(true);
            selection.clearSelection();
            for (int i = 0; i < n; i++) {
                selection.addSelectionInterval(wanted[i], wanted[i]);
            }
            if (leadRow >= 0 && selection instanceof javax.swing.DefaultListSelectionModel d) {
                d.moveLeadSelectionIndex(leadRow);
            }
            selection.setValueIsAdjusting(adjusting);
        } finally {
            moving--;
        }
    }

    private boolean selectsExactlyTheKeys(int viewRows) {
        int[] rows = getSelectedRows();
        if (rows.length != selectedKeys.size()) {
            return false;
        }
        for (int v : rows) {
            if (v >= viewRows || !selectedKeys.contains(keyOfModelRow.apply(convertRowIndexToModel(v)))) {
                return false;
            }
        }
        return true; // as many rows as keys, each a remembered key: the same set
    }
}
