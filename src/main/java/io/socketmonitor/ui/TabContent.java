package io.socketmonitor.ui;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.KeyboardFocusManager;
import java.awt.LayoutManager;
import java.awt.Rectangle;
import java.beans.PropertyChangeListener;
import javax.swing.JPanel;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/**
 * What a side tab shows, in a scroll pane: as wide and as tall as the tab while the tab holds
 * its minimum size; smaller, it scrolls, so nothing is cut and nothing is out of reach.
 */
public class TabContent extends JPanel implements Scrollable {
    private static final long serialVersionUID = 1L;

    /** Tabbing onto a control below the fold showed no focus anywhere: the tab scrolls to it. */
    private final transient PropertyChangeListener revealFocus = e -> {
        if (e.getNewValue() instanceof Component c && c != this && SwingUtilities.isDescendingFrom(c, this)) {
            reveal(c);
        }
    };

    public TabContent(LayoutManager layout) {
        super(layout);
    }

    @Override
    public void addNotify() {
        super.addNotify();
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addPropertyChangeListener("focusOwner", revealFocus);
    }

    @Override
    public void removeNotify() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removePropertyChangeListener("focusOwner", revealFocus);
        super.removeNotify();
    }

    /** Scrolls {@code c} into view, or the inner scroll pane it sits in (a long text shows its own part). */
    private void reveal(Component c) {
        Component shown = c;
        JViewport inner = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, c);
        if (inner != null && inner != getParent() && SwingUtilities.isDescendingFrom(inner, this)) {
            shown = inner.getParent() != null ? inner.getParent() : inner; // its scroll pane, borders and all
        }
        scrollRectToVisible(SwingUtilities.convertRectangle(shown.getParent(), shown.getBounds(), this));
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        int page = orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
        return Math.max(16, page - 32);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() instanceof JViewport v && v.getWidth() >= getMinimumSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() instanceof JViewport v && v.getHeight() >= getMinimumSize().height;
    }
}
