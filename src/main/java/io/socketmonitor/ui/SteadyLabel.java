package io.socketmonitor.ui;

import java.awt.Dimension;
import javax.swing.Icon;
import javax.swing.JLabel;

/**
 * A label whose new text lays the window out again only when it changes the label's size. A
 * plain {@link JLabel} asks for a layout on every new text, and a label outside any scroll pane
 * (the status bar's counters, the log's remark) has the whole window as its validate root:
 * under a flood each batch then measured every panel of the window again with MigLayout, on the
 * EDT, and kept the JIT compiling layout code long into the flood. A text of
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
        if (getUI() == null || laidOutFor == null || !isValid()) {
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
