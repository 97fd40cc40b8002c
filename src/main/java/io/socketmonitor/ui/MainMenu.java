package io.socketmonitor.ui;

import java.awt.EventQueue;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;
import javax.swing.Action;
import javax.swing.ButtonGroup;
import javax.swing.ImageIcon;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;
import javax.swing.UIManager;

/**
 * The window's menu bar: File, Server, View and Help, each item an action the panels own, so a
 * menu item and its toolbar button are one action, enabled and disabled together.
 */
final class MainMenu {
    private final JFrame frame;
    private final JRadioButtonMenuItem lightItem = new JRadioButtonMenuItem("Light theme");
    private final JRadioButtonMenuItem darkItem = new JRadioButtonMenuItem("Dark theme");
    private final JMenuBar bar = new JMenuBar();

    MainMenu(JFrame frame, Action startStop, Runnable quit, LogPanel log, PeerTablePanel peers,
            ServerPanel server, Consumer<String> setTheme, java.util.function.IntConsumer changeTextSize) {
        this.frame = frame;
        int menuKey = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        bar.setName("menuBar");

        JMenu file = menu("File", 'F');
        // The log's toolbar says "Save…" and "Clear" beside the log; a menu needs the noun.
        file.add(named(item("saveLogItem", log.save, KeyStroke.getKeyStroke(KeyEvent.VK_S, menuKey)), "Save log\u2026"));
        file.add(item("exportCsvItem", peers.export, KeyStroke.getKeyStroke(KeyEvent.VK_E, menuKey)));
        file.addSeparator();
        file.add(item("quitItem", action("Quit", 'Q', "Stop the server and close the window", quit),
                KeyStroke.getKeyStroke(KeyEvent.VK_Q, menuKey)));
        bar.add(file);

        JMenu serverMenu = menu("Server", 'S');
        serverMenu.add(item("startStopItem", startStop, null));
        serverMenu.addSeparator();
        serverMenu.add(item("watchItem", peers.watch, null));
        serverMenu.add(keyShownOnly("disconnectItem", peers.disconnect));
        serverMenu.add(item("disconnectAllItem", peers.disconnectAll, null));
        serverMenu.add(item("sendItem", peers.send, null));
        serverMenu.add(item("broadcastItem", peers.broadcast, null));
        serverMenu.add(item("copyAddressItem", peers.copy, null));
        serverMenu.add(item("lookupItem", peers.lookup, null));
        serverMenu.add(item("clearClosedItem", peers.clearClosed, null));
        serverMenu.addSeparator();
        serverMenu.add(item("refreshInterfacesItem", action("Refresh interfaces", 'R',
                "Re-read the network interfaces", server::refreshInterfaces), null));
        bar.add(serverMenu);

        JMenu view = menu("View", 'V');
        view.add(item("filterItem", action("Filter peers", 'F', "Type to filter the peer table",
                peers::focusFilter), KeyStroke.getKeyStroke(KeyEvent.VK_F, menuKey)));
        view.add(named(item("clearLogItem", log.clear, KeyStroke.getKeyStroke(KeyEvent.VK_L, menuKey)), "Clear log"));
        // The log toolbar's box, reachable from the keyboard: one model, so both show the same.
        JCheckBoxMenuItem autoScroll = new JCheckBoxMenuItem("Auto-scroll the log");
        autoScroll.setModel(log.autoScrollBox().getModel());
        autoScroll.setName("autoScrollItem");
        autoScroll.setMnemonic('R'); // the model's, so the box's too: Alt+R from anywhere (A is Advanced's)
        autoScroll.setToolTipText("Keep the newest line in view");
        view.add(autoScroll);
        view.addSeparator();
        ButtonGroup group = new ButtonGroup();
        lightItem.setName("themeLight");
        lightItem.setMnemonic('i');
        lightItem.setToolTipText("FlatLaf light theme (remembered)");
        lightItem.addActionListener(e -> switchTheme(setTheme, Themes.LIGHT));
        darkItem.setName("themeDark");
        darkItem.setMnemonic('D');
        darkItem.setToolTipText("FlatLaf dark theme (remembered)");
        darkItem.addActionListener(e -> switchTheme(setTheme, Themes.DARK));
        group.add(lightItem);
        group.add(darkItem);
        showTheme(Themes.current());
        view.add(lightItem);
        view.add(darkItem);
        view.addSeparator();
        // For a projector: every text, code and bytes too, a point at a time; remembered.
        view.add(item("largerTextItem", action("Larger text", 'g', "Make every text a point larger",
                () -> changeTextSize.accept(+1)), KeyStroke.getKeyStroke(KeyEvent.VK_EQUALS, menuKey)));
        view.add(item("smallerTextItem", action("Smaller text", 'm', "Make every text a point smaller",
                () -> changeTextSize.accept(-1)), KeyStroke.getKeyStroke(KeyEvent.VK_MINUS, menuKey)));
        view.add(item("normalTextItem", action("Normal text size", 'N', "The theme's own text size",
                () -> changeTextSize.accept(0)), KeyStroke.getKeyStroke(KeyEvent.VK_0, menuKey)));
        bar.add(view);

        JMenu help = menu("Help", 'H');
        help.add(item("shortcutsItem", action("Keyboard shortcuts", 'K', "List the keyboard shortcuts",
                this::showShortcuts), KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0)));
        help.add(item("aboutItem", action("About Socket Monitor", 'A', "Version and credits", this::showAbout), null));
        bar.add(help);
    }

    JMenuBar bar() {
        return bar;
    }

    /** Ticks the theme now in use. */
    void showTheme(String theme) {
        (Themes.DARK.equals(theme) ? darkItem : lightItem).setSelected(true);
    }

    /**
     * Chosen by its mnemonic, a theme switch reinstalls every UI inside the key press, the menu's
     * too, and the menu no longer eats the letter's typed event: "d" went into the focused field
     * (the greeting, live while running). That one typed letter is dropped: the dispatcher goes
     * once it has, once the key is released, or after a second, whichever comes first, so no other
     * typing is ever lost.
     */
    private static void switchTheme(Consumer<String> setTheme, String theme) {
        if (EventQueue.getCurrentEvent() instanceof KeyEvent press && press.getID() == KeyEvent.KEY_PRESSED) {
            KeyboardFocusManager focus = KeyboardFocusManager.getCurrentKeyboardFocusManager();
            KeyEventDispatcher dropLetter = new KeyEventDispatcher() {
                @Override
                public boolean dispatchKeyEvent(KeyEvent k) {
                    boolean typedLetter = k.getID() == KeyEvent.KEY_TYPED
                            && Character.toUpperCase(k.getKeyChar()) == press.getKeyCode();
                    if (typedLetter || k.getID() == KeyEvent.KEY_RELEASED && k.getKeyCode() == press.getKeyCode()) {
                        focus.removeKeyEventDispatcher(this);
                    }
                    return typedLetter;
                }
            };
            focus.addKeyEventDispatcher(dropLetter);
            javax.swing.Timer giveUp = new javax.swing.Timer(1000, e -> focus.removeKeyEventDispatcher(dropLetter));
            giveUp.setRepeats(false);
            giveUp.start();
        }
        setTheme.accept(theme);
    }

    private void showShortcuts() {
        // A table: columns padded with spaces did not line up in the dialog's proportional font.
        String[][] keys = {
            {"F5 or Ctrl+R", "Start / stop the server"},
            {"Ctrl+F", "Filter the peer table"},
            {"Ctrl+Z / Ctrl+Y (greeting)", "Undo / redo an edit"},
            {"Delete", "Disconnect the selected peers (in the table)"},
            {"Enter (in the table)", "Watch the selected peer's data"},
            {"Shift+F10 or Menu key (in the table)", "The peer menu"},
            {"Ctrl+L", "Clear the log"},
            {"Ctrl+S", "Save the log"},
            {"Ctrl+E", "Export the peer table as CSV"},
            {"Ctrl+= / Ctrl+- / Ctrl+0", "Larger / smaller / normal text"},
            {"Down (test client's Host or Port)", "The servers it reached before"},
            {"Enter (test client's Host or Port)", "Connect"},
            {"Up / Down (test client's send field)", "What you sent before"},
            {"Alt+U / Alt+C", "The Lecture / Test client tab"},
            {"Alt+O / Alt+T", "The Log / Activity tab"},
            {"Alt+underlined letter", "The menu or control it names"},
            {"F8, then arrow keys", "Move the divider between panes"},
            {"Escape", "Close a dialog or data window; empty a filter"},
            {"Ctrl+F1", "Show the focused control's tip"},
            {"Ctrl+Q", "Quit (stops the server)"},
            {"F1", "This list"}};
        StringBuilder html = new StringBuilder("<html><table cellpadding=2>");
        for (String[] k : keys) {
            html.append("<tr><td><b>").append(k[0]).append("</b></td><td>").append(k[1]).append("</td></tr>");
        }
        JOptionPane.showMessageDialog(frame, html.append("</table></html>").toString(), "Keyboard shortcuts",
                JOptionPane.PLAIN_MESSAGE);
    }

    private void showAbout() {
        JOptionPane.showMessageDialog(frame, "<html><b>Socket Monitor</b> " + io.socketmonitor.Version.get()
                        + "<br>Watch TCP sockets: the socket-programming lecture as a desktop app.<br>"
                        + "Java " + System.getProperty("java.version") + ", " + UIManager.getLookAndFeel().getName()
                        + "</html>", "About Socket Monitor", JOptionPane.INFORMATION_MESSAGE,
                new ImageIcon(AppIcon.images().get(AppIcon.images().size() > 3 ? 3 : 0)));
    }

    private static JMenu menu(String text, char mnemonic) {
        JMenu m = new JMenu(text);
        m.setName("menu" + text);
        m.setMnemonic(mnemonic);
        return m;
    }

    private static JMenuItem item(String name, Action a, KeyStroke key) {
        JMenuItem i = new JMenuItem(a);
        i.setName(name);
        if (key != null) {
            i.setAccelerator(key);
        }
        return i;
    }

    /**
     * Shows the action's key beside the item but leaves the key to the component that binds
     * it: Delete disconnects in the peer table, not from the log or a tab strip, where it
     * closed peers the user was no longer looking at.
     */
    private static JMenuItem keyShownOnly(String name, Action a) {
        JMenuItem i = new JMenuItem(a) {
            @Override
            protected boolean processKeyBinding(KeyStroke ks, KeyEvent e, int condition, boolean pressed) {
                return condition != WHEN_IN_FOCUSED_WINDOW && super.processKeyBinding(ks, e, condition, pressed);
            }
        };
        i.setName(name);
        return i;
    }

    private static JMenuItem named(JMenuItem item, String text) {
        item.setText(text);
        return item;
    }

    private static Action action(String name, char mnemonic, String tip, Runnable run) {
        return Actions.of(name, mnemonic, tip, null, run);
    }
}
