package io.socketmonitor.ui;

import java.awt.event.MouseWheelEvent;
import java.awt.event.MouseWheelListener;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

/**
 * A scroll pane inside a scrolling tab (the test client's received text, the lecture's port
 * table). Swing gives the wheel to the innermost pane and stops there, so with the pointer over
 * one the tab would not scroll at all; here the wheel goes on to the tab once the inner pane has
 * nothing more to scroll that way.
 */
public final class NestedScroll {
    private NestedScroll() {
    }

    /** Passes {@code inner}'s wheel on to the scroll pane around it at its top and bottom edges. */
    public static void passWheelOn(JScrollPane inner) {
        MouseWheelListener[] theirs = inner.getMouseWheelListeners();
        for (MouseWheelListener l : theirs) {
            inner.removeMouseWheelListener(l);
        }
        // First, so it sees where the inner pane was before the look and feel scrolls it.
        inner.addMouseWheelListener(e -> {
            if (e.getWheelRotation() != 0 && !e.isShiftDown() && !canScroll(inner, e)) {
                JScrollPane outer = (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, inner);
                if (outer != null) {
                    outer.dispatchEvent(SwingUtilities.convertMouseEvent(inner, e, outer));
                }
            }
        });
        for (MouseWheelListener l : theirs) {
            inner.addMouseWheelListener(l);
        }
    }

    /** Whether the wheel would move {@code inner} itself (down or up, or sideways without a vertical bar). */
    private static boolean canScroll(JScrollPane inner, MouseWheelEvent e) {
        JScrollBar bar = inner.getVerticalScrollBar();
        if (bar == null || !bar.isVisible()) {
            JScrollBar sideways = inner.getHorizontalScrollBar();
            return sideways != null && sideways.isVisible(); // what Swing scrolls then
        }
        return e.getWheelRotation() < 0 ? bar.getValue() > bar.getMinimum()
                : bar.getValue() + bar.getVisibleAmount() < bar.getMaximum();
    }
}
