package io.socketmonitor.ui;

import java.awt.Dimension;
import javax.swing.Icon;
import javax.swing.JLabel;

/**
 * A label whose new text lays the window out again only when it changes the label's size. A
 * plain {@link JLabel} asks for a layout on every new text, and a label outside any scroll pane
 * has the whole window as its validate root: under a flood the status bar's counters then had
 * every panel of the window measured again with MigLayout several times a second, on the EDT,
 * and kept the JIT compiling layout code long into the flood (the log's remark, on every batch,
 * its scroll pane). A text of
 * the same size ("1,204 served" after "1,203 served") needs a repaint only, which
 * {@code setText} asks for anyway.
 */
public class SteadyLabel extends JLabel {
    private static final long serialVersionUID = 1L;
    private Dimension laidOutFor; // the preferred size at the last layout asked for

    public SteadyLabel(String text) {
        super(text);
    }

    public SteadyLabel(String text, Icon icon, int horizontalAlignment) {
        super(text, icon, horizontalAlignment);
    }

    @Override
    public void revalidate() {
        java.awt.Container parent = getParent();
        // an invalid parent (the label shown or hidden, a sibling changed) needs its layout anyway
        if (getUI() == null || laidOutFor == null || !isValid() || parent != null && !parent.isValid()) {
            laidOutFor = getUI() == null ? null : getPreferredSize();
            super.revalidate();
            return;
        }
        Dimension now = getPreferredSize();
        if (!now.equals(laidOutFor)) {
            laidOutFor = now;
            super.revalidate();
        }
        // else: same size, same layout
    }
}
