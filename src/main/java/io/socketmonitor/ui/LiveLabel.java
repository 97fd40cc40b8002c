package io.socketmonitor.ui;

import java.awt.Graphics;
import java.awt.Graphics2D;

/**
 * A line of the lecture whose text changes with every batch under a flood ("addr = ('127.0.0.1',
 * 46930)"): as a {@link SteadyLabel} it lays out the lecture again only when its preferred size
 * changed (MigLayout measuring the whole lecture, its HTML and tables, cost more EDT time than
 * painting the new text). Too narrow for a code line and its comment, it shows the comment under
 * the code ({@link #twoLines()}).
 */
final class LiveLabel extends CutLabel {
    /** Where a code line's comment starts, as the lecture writes it. */
    private static final String COMMENT = "   # ";
    private boolean painting;
    private int twoLinesAtWidth = -1; // the width at which the label took two lines; -1: one line

    LiveLabel(String text) {
        super(text, null);
    }

    /**
     * Whether the label is two lines high: its code over its comment. The comment is what the
     * step says about this connection ("# addr = ('127.0.0.1', 46930)"), and at the window's
     * default size cutting the one line cut exactly that. Once two lines high at a width, it
     * stays so while that width lasts, whatever text comes: under a flood the text changes
     * with every batch (with a comment, then without, a longer address, a shorter one), and
     * changing height with it would make the steps below jump and lay the lecture out again
     * each time. Only a new width decides again.
     */
    boolean twoLines() {
        return twoLinesAtWidth >= 0 && getWidth() == twoLinesAtWidth;
    }

    /** Whether the text has a comment and the one line does not fit the width the label has. */
    private boolean wantsTwoLines() {
        String text = getText();
        return getWidth() > 0 && text != null && text.indexOf(COMMENT) > 0
                && getWidth() < super.getPreferredSize().width;
    }

    @Override
    public void setText(String text) {
        super.setText(text);
        if (!twoLines() && wantsTwoLines()) {
            twoLinesAtWidth = getWidth();
            revalidate();
        }
    }

    /** One line more while two lines high. */
    @Override
    public java.awt.Dimension getPreferredSize() {
        java.awt.Dimension one = super.getPreferredSize();
        if (!twoLines()) {
            return one;
        }
        return new java.awt.Dimension(one.width, one.height + getFontMetrics(getFont()).getHeight());
    }

    @Override
    public java.awt.Dimension getMinimumSize() {
        java.awt.Dimension min = super.getMinimumSize();
        return new java.awt.Dimension(min.width, getPreferredSize().height);
    }

    /** A new width may change one line into two or back: the height follows, in one more layout. */
    @Override
    @SuppressWarnings("deprecation") // reshape is what every setBounds and setSize ends in
    public void reshape(int x, int y, int w, int h) {
        boolean before = twoLines();
        super.reshape(x, y, w, h);
        if (getWidth() != twoLinesAtWidth) {
            twoLinesAtWidth = wantsTwoLines() ? getWidth() : -1;
        }
        if (twoLines() != before) {
            revalidate();
        }
    }

    /** Only when a line is still cut, on either line. */
    @Override
    public String getToolTipText() {
        if (!twoLines()) {
            return super.getToolTipText();
        }
        String text = getText();
        java.awt.FontMetrics fm = getFontMetrics(getFont());
        int widest = 0;
        for (String line : lines(text)) {
            widest = Math.max(widest, fm.stringWidth(line));
        }
        java.awt.Insets in = getInsets();
        return getVisibleRect().width < in.left + widest + in.right ? text : null;
    }

    /** The code and its comment ("# …"), or the text alone when it has none. */
    private static String[] lines(String text) {
        int split = text == null ? -1 : text.indexOf(COMMENT);
        if (split <= 0) {
            return new String[] {text == null ? "" : text};
        }
        return new String[] {text.substring(0, split), text.substring(split + COMMENT.length() - 2)};
    }

    /**
     * Opaque to the repaint manager, so a new text repaints this label alone. Transparent, it
     * made Swing repaint the steps box under it, titled border and all, on every batch.
     */
    @Override
    public boolean isOpaque() {
        java.awt.Container p = getParent();
        return !painting && p != null && p.isOpaque();
    }

    /** Paints the parent's background under the text: the same pixels the parent painted there. */
    @Override
    protected void paintComponent(Graphics g) {
        java.awt.Container p = getParent();
        if (p != null && p.isOpaque()) {
            g.setColor(p.getBackground());
            g.fillRect(0, 0, getWidth(), getHeight());
        }
        if (twoLines()) {
            paintCodeOverComment((Graphics2D) g);
            return;
        }
        painting = true; // the label's own background (a UI default) is not painted
        try {
            super.paintComponent(g);
        } finally {
            painting = false;
        }
    }

    /**
     * The code, and under it its comment where the code starts, as in a Python file; each cut
     * with … if need be. A text without a comment takes the first line, the second stays free.
     */
    private void paintCodeOverComment(Graphics2D g) {
        java.awt.FontMetrics fm = getFontMetrics(getFont());
        java.awt.Insets in = getInsets();
        int room = Math.max(0, getWidth() - in.left - in.right);
        g.setFont(getFont());
        g.setColor(getForeground());
        int y = in.top + fm.getAscent();
        for (String line : lines(getText())) {
            javax.swing.plaf.basic.BasicGraphicsUtils.drawString(this, g,
                    javax.swing.plaf.basic.BasicGraphicsUtils.getClippedString(this, fm, line, room), in.left, y);
            y += fm.getHeight();
        }
    }
}
