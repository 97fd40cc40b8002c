package io.socketmonitor.ui;

import java.awt.Component;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * A byte count in a table cell: whole, with thousands grouped, where the column has room for
 * it; else short ({@code 200M}), the exact count on hover. A
 * 200,000,000-byte peer showed "20000…", a number nobody could read.
 */
final class ByteCountRenderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;

    ByteCountRenderer() {
        setHorizontalAlignment(SwingConstants.RIGHT);
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean isSelected, boolean hasFocus,
            int row, int column) {
        super.getTableCellRendererComponent(table, value, isSelected, hasFocus, row, column);
        setToolTipText(null);
        if (value instanceof Long bytes && bytes >= 1000) {
            String whole = io.socketmonitor.server.Counts.grouped(bytes); // as the rest of the table
            java.awt.Insets in = getInsets();
            int room = table.getColumnModel().getColumn(column).getWidth() - in.left - in.right;
            if (getFontMetrics(getFont()).stringWidth(whole) <= room) {
                setText(whole);
            } else {
                setText(shortForm(bytes));
                setToolTipText(whole + " bytes");
            }
        }
        return this;
    }

    /**
     * 999 → "999", 1,234,567 → "1.2M", 200,000,000 → "200M": powers of 1000, as a student reads
     * "G" (1024-based, 21,723,745,730 bytes read "20G").
     */
    static String shortForm(long bytes) {
        String[] units = {"k", "M", "G", "T", "P", "E"};
        if (bytes < 1000) {
            return Long.toString(bytes);
        }
        double v = bytes;
        int u = -1;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v < 9.95 ? String.format(java.util.Locale.ROOT, "%.1f", v)
                : String.format(java.util.Locale.ROOT, "%.0f", v)) + units[u];
    }
}
