package io.socketmonitor.ui;

import java.awt.Dimension;
import java.awt.LayoutManager;
import java.awt.Rectangle;
import javax.swing.JPanel;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * What a side tab shows, in a scroll pane: as wide and as tall as the tab while the tab holds
 * its minimum size; smaller, it scrolls, so nothing is cut and nothing is out of reach.
 */
public class TabContent extends JPanel implements Scrollable {
    private static final long serialVersionUID = 1L;

    public TabContent(LayoutManager layout) {
        super(layout);
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
