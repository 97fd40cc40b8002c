package io.socketmonitor.ui;

import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
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

    /**
     * Shift+F10 and the menu key open {@code menu} at the table's current row, as a right-click
     * does at the pointer: the menu's actions work on the selection, so no row is changed.
     */
    public static void contextMenuKeys(JTable table, JPopupMenu menu) {
        table.getInputMap(JComponent.WHEN_FOCUSED).put(
                KeyStroke.getKeyStroke(KeyEvent.VK_F10, InputEvent.SHIFT_DOWN_MASK), "contextMenu");
        table.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_CONTEXT_MENU, 0), "contextMenu");
        table.getActionMap().put("contextMenu", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                int row = table.getSelectionModel().getLeadSelectionIndex();
                Rectangle at = row >= 0 && row < table.getRowCount() ? table.getCellRect(row, 0, true)
                        : new Rectangle(table.getVisibleRect().x, table.getVisibleRect().y, 0, 0);
                table.scrollRectToVisible(at);
                menu.show(table, at.x + at.height / 2, at.y + at.height);
            }
        });
    }

    /**
     * A tab chosen by its mnemonic (Alt+C) from elsewhere takes the keyboard to its first control,
     * as a mouse user's next click would; focus stayed in the table. Arrow keys on the tab strip
     * still only switch tabs.
     */
    public static void mnemonicTabTakesFocus(javax.swing.JTabbedPane tabs) {
        // The look and feel's mnemonic action, wrapped: a change listener missed Alt+C on the tab
        // already shown (the side tab is remembered), where selecting changes nothing.
        String mnemonicAction = "setSelectedIndex";
        tabs.getActionMap().put(mnemonicAction, new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                javax.swing.ActionMap lafs = tabs.getActionMap().getParent(); // replaced on a theme switch
                javax.swing.Action select = lafs == null ? null : lafs.get(mnemonicAction);
                if (select != null) {
                    select.actionPerformed(e);
                }
                focusSelectedTab(tabs);
            }
        });
    }

    private static void focusSelectedTab(javax.swing.JTabbedPane tabs) {
        java.awt.Container root = tabs.getFocusCycleRootAncestor();
        java.awt.Component next = root == null ? null : root.getFocusTraversalPolicy().getComponentAfter(root, tabs);
        if (next != null && tabs.getSelectedComponent() != null
                && javax.swing.SwingUtilities.isDescendingFrom(next, tabs.getSelectedComponent())) {
            next.requestFocusInWindow();
        } else {
            tabs.requestFocusInWindow(); // a tab with nothing to type in: the strip, for the arrows
        }
    }

    /**
     * Ctrl+Z undoes an edit of {@code field}, Ctrl+Y or Ctrl+Shift+Z redoes it (Cmd on macOS).
     * Swing's text fields keep no undo of their own.
     */
    public static javax.swing.undo.UndoManager undoable(javax.swing.text.JTextComponent field) {
        javax.swing.undo.UndoManager undo = new javax.swing.undo.UndoManager();
        field.getDocument().addUndoableEditListener(undo);
        int menu = java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        bind(field, KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu), "undo", () -> {
            if (undo.canUndo()) {
                undo.undo();
            }
        });
        Runnable redo = () -> {
            if (undo.canRedo()) {
                undo.redo();
            }
        };
        bind(field, KeyStroke.getKeyStroke(KeyEvent.VK_Y, menu), "redo", redo);
        bind(field, KeyStroke.getKeyStroke(KeyEvent.VK_Z, menu | InputEvent.SHIFT_DOWN_MASK), "redo", redo);
        return undo;
    }

    private static void bind(JComponent c, KeyStroke key, String name, Runnable run) {
        c.getInputMap(JComponent.WHEN_FOCUSED).put(key, name);
        c.getActionMap().put(name, new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        });
    }
}
