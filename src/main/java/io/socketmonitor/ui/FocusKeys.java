package io.socketmonitor.ui;

import java.awt.KeyboardFocusManager;
import javax.swing.JComponent;

/** How the keyboard moves between controls. */
public final class FocusKeys {
    private FocusKeys() {}

    /**
     * Tab and Shift+Tab move focus on from {@code c}, as from a field, instead of typing a tab
     * (a text area) or stepping from cell to cell for ever (a table). Ctrl+Tab works as well.
     */
    public static void tabMovesFocus(JComponent c) {
        c.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        c.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
    }
}
