package io.socketmonitor.ui;

import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JTextField;
import javax.swing.KeyStroke;

/** Keys that work the same across the window. */
public final class Keys {
    private Keys() {}

    /**
     * Tab and Shift+Tab move focus on from {@code c}, as from a field, instead of typing a tab
     * (a text area) or stepping from cell to cell for ever (a table). Ctrl+Tab works as well.
     */
    public static void tabMovesFocus(JComponent c) {
        c.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        c.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
    }

    /** Escape empties a filter field, as in a browser's find bar. */
    public static void escapeClears(JTextField filter) {
        filter.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "clearFilter");
        filter.getActionMap().put("clearFilter", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                filter.setText("");
            }
        });
    }
}
