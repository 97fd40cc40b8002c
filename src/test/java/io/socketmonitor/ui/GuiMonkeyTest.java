package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.Mode;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JRootPane;
import javax.swing.JScrollBar;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user who tries everything in any order: a seeded random walk through every enabled control
 * of the window and the dialogs it opens (buttons, menu items, typed text good and bad, lists,
 * spinners, tabs, split dividers, the window's size, keys), with peers coming and going on
 * loopback. Whatever happens, no exception may escape to any thread, the window must answer
 * within seconds after every step, and at the end it must still start a server that greets a
 * client.
 *
 * <p>Only what a user can reach is touched: while a modal dialog shows, only that dialog. Nothing
 * leaves this machine: the server binds loopback only, the test client's host is a loopback name,
 * and the reverse lookup is left out (it may ask a DNS server). File choosers are closed
 * unanswered, so nothing is written. {@code -Dmonkey.seed=N -Dmonkey.steps=N} for other walks,
 * {@code -Dmonkey.print=true} to list every step.
 */
@GuiTest
@Timeout(240)
class GuiMonkeyTest extends AbstractWindowTest {
    private static final long SEED = Long.getLong("monkey.seed", 20_261_126L);
    private static final int STEPS = Integer.getInteger("monkey.steps", 300);
    private static final List<String> LOOPBACK_HOSTS =
            List.of("127.0.0.1", "localhost", "::1", "[::1]", "", "my host", "127.0.0.1:8080");

    private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
    private final List<Socket> peers = new ArrayList<>();
    private Thread.UncaughtExceptionHandler handlerBefore;

    @BeforeEach
    void catchWhatEscapes() {
        handlerBefore = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> escaped.add(new AssertionError("escaped on " + t.getName(), e)));
    }

    @AfterEach
    void closePeersAndRestore() {
        for (Socket s : peers) {
            closeQuietly(s);
        }
        Thread.setDefaultUncaughtExceptionHandler(handlerBefore);
    }

    @Test
    void randomUseRaisesNothingNeverFreezesAndTheServerStillGreets() throws Exception {
        Random random = new Random(SEED);
        Deque<String> lastSteps = new ArrayDeque<>();
        for (int step = 0; step < STEPS && escaped.isEmpty(); step++) {
            long began = System.nanoTime();
            String did = step(random);
            lastSteps.addLast(step + ": " + did);
            if (lastSteps.size() > 15) {
                lastSteps.removeFirst();
            }
            awaitEdt(lastSteps);
            if (Boolean.getBoolean("monkey.print")) {
                System.out.println("monkey " + step + ": " + did + " (" + (System.nanoTime() - began) / 1_000_000 + " ms)");
            }
            if (!edt(() -> main.frame().isShowing())) {
                throw new AssertionError("the window is gone after:\n" + String.join("\n", lastSteps));
            }
            if (random.nextInt(8) == 0) {
                peerComesOrGoes(random);
            }
        }
        if (!escaped.isEmpty()) {
            throw new AssertionError(escaped.size() + " exception(s) escaped (the first is the cause); the last steps:\n"
                    + String.join("\n", lastSteps), escaped.get(0));
        }

        // Still a working server: close what is open, set the lecture's defaults, start, be greeted.
        closeEveryDialog();
        awaitEdt(lastSteps);
        await().atMost(WAIT).until(() -> edt(() -> main.controller().state() == ServerController.State.STOPPED
                || main.controller().state() == ServerController.State.RUNNING));
        edt(() -> {
            if (main.controller().running()) {
                main.toggle();
            }
            return null;
        });
        awaitStopped();
        edt(() -> {
            main.serverPanel().setConfig(io.socketmonitor.server.ServerConfig.defaults().withPort(0).withMode(Mode.CLOSE));
            return null;
        });
        edt(() -> {
            main.toggle(); // as F5 does; the button may sit anywhere after the walk's text sizes
            return null;
        });
        int port = awaitListening();
        assertThat(readAll(port)).isEqualTo("Hello from server\n");
        assertThat(escaped).isEmpty();
    }

    /** Picks and starts one action on the EDT; returns what it does, before it is done. */
    private String step(Random random) throws Exception {
        CompletableFuture<String> chosen = new CompletableFuture<>();
        SwingUtilities.invokeLater(() -> {
            Runnable action;
            try {
                Window modal = topModalDialog();
                if (modal != null && (random.nextInt(4) == 0 || isFileChooser(modal))) {
                    chosen.complete("close " + describe(modal));
                    action = () -> close(modal);
                } else {
                    List<Component> reachable = new ArrayList<>();
                    if (modal != null) {
                        collect(modal, reachable);
                    } else {
                        for (Window w : Window.getWindows()) {
                            // only Swing's windows: Cacio also lists a proxy of each one
                            if (w.isShowing() && w instanceof javax.swing.RootPaneContainer
                                    && !(w instanceof Dialog d && d.isModal())) {
                                collect(w, reachable);
                            }
                        }
                        menuItems(main.frame(), reachable);
                    }
                    action = pick(random, reachable, chosen);
                }
            } catch (RuntimeException | Error e) {
                chosen.completeExceptionally(e);
                return;
            }
            action.run(); // may open a modal dialog and so not return until it closes
        });
        try {
            return chosen.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the window did not take the next step for 10 s; the EDT was at:\n" + edtStack());
        }
    }

    private Runnable pick(Random random, List<Component> reachable, CompletableFuture<String> chosen) {
        if (random.nextInt(40) == 0) {
            int width = 700 + random.nextInt(900);
            int height = 480 + random.nextInt(520);
            chosen.complete("resize the window to " + width + " x " + height);
            return () -> {
                main.frame().setSize(width, height);
                main.frame().validate();
            };
        }
        if (reachable.isEmpty() || random.nextInt(12) == 0) {
            int[] keys = {KeyEvent.VK_UP, KeyEvent.VK_DOWN, KeyEvent.VK_ENTER, KeyEvent.VK_ESCAPE, KeyEvent.VK_DELETE,
                KeyEvent.VK_F5, KeyEvent.VK_TAB};
            int key = keys[random.nextInt(keys.length)];
            Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            chosen.complete("key " + KeyEvent.getKeyText(key) + " on " + describe(owner));
            return () -> press(owner, key);
        }
        Component c = reachable.get(random.nextInt(reachable.size()));
        String name = describe(c);
        if (c instanceof AbstractButton b) {
            chosen.complete("click " + name);
            return () -> b.doClick(0);
        }
        if (c instanceof JTextComponent t) {
            String text = "clientHost".equals(t.getName())
                    ? LOOPBACK_HOSTS.get(random.nextInt(LOOPBACK_HOSTS.size()))
                    : randomText(random);
            boolean enter = t instanceof JTextField && random.nextBoolean();
            chosen.complete("type " + abbreviate(text) + (enter ? " and Enter" : "") + " in " + name);
            return () -> {
                t.setText(text);
                if (enter) {
                    ((JTextField) t).postActionEvent();
                }
            };
        }
        if (c instanceof JComboBox<?> box) {
            List<Integer> allowed = new ArrayList<>();
            for (int i = 0; i < box.getItemCount(); i++) {
                Object item = box.getItemAt(i);
                // binding all interfaces or another address would open the test to the network
                if (!(item instanceof InterfaceChoice choice) || choice.address().isLoopbackAddress()) {
                    allowed.add(i);
                }
            }
            int index = allowed.isEmpty() ? -1 : allowed.get(random.nextInt(allowed.size()));
            chosen.complete("choose " + (index < 0 ? "nothing" : box.getItemAt(index)) + " in " + name);
            return () -> {
                if (index >= 0) {
                    box.setSelectedIndex(index);
                }
            };
        }
        if (c instanceof JSpinner spinner && spinner.getModel() instanceof SpinnerNumberModel model) {
            long min = ((Number) model.getMinimum()).longValue();
            long max = ((Number) model.getMaximum()).longValue();
            long value = "port".equals(spinner.getName())
                    ? List.of(0L, 0L, 80L, 8080L, 1024L + random.nextInt(64_000)).get(random.nextInt(5))
                    : min + random.nextInt((int) Math.min(max - min + 1, 5)); // small: a load run stays short
            chosen.complete("set " + value + " in " + name);
            return () -> spinner.setValue(spinner.getValue() instanceof Integer ? (Object) (int) value : (Object) value);
        }
        if (c instanceof JSplitPane split) {
            double share = random.nextDouble();
            chosen.complete("drag the divider of " + name + " to " + Math.round(share * 100) + " %");
            return () -> split.setDividerLocation(share);
        }
        if (c instanceof JTabbedPane tabs && tabs.getTabCount() > 0) {
            int index = random.nextInt(tabs.getTabCount());
            chosen.complete("tab " + index + " of " + name);
            return () -> tabs.setSelectedIndex(index);
        }
        if (c instanceof JTable table && table.getRowCount() > 0) {
            int row = random.nextInt(table.getRowCount());
            chosen.complete("select row " + row + " of " + name);
            return () -> {
                if (row < table.getRowCount()) {
                    table.setRowSelectionInterval(row, row);
                }
            };
        }
        chosen.complete("look at " + name);
        return () -> c.requestFocusInWindow();
    }

    /** What a user could operate in {@code root}: showing, enabled controls, file choosers left out. */
    private static void collect(Component c, List<Component> into) {
        if (!c.isShowing() || c instanceof JFileChooser) {
            return;
        }
        boolean control = c instanceof AbstractButton && !(c instanceof JMenu) && !(c.getParent() instanceof JScrollBar)
                || c instanceof JTextComponent t && t.isEditable()
                || c instanceof JComboBox || c instanceof JSpinner || c instanceof JTabbedPane || c instanceof JTable
                || c instanceof JSplitPane;
        if (control && c.isEnabled() && allowed(c)) {
            into.add(c);
        }
        if (c instanceof JSpinner || c instanceof JComboBox) {
            return; // their inner editor and arrows are the same control
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, into);
            }
        }
    }

    /** The menu bar's items, which a user reaches by opening the menu or by their shortcut. */
    private static void menuItems(JFrame frame, List<Component> into) {
        if (frame.getJMenuBar() == null) {
            return;
        }
        for (int m = 0; m < frame.getJMenuBar().getMenuCount(); m++) {
            JMenu menu = frame.getJMenuBar().getMenu(m);
            for (int i = 0; menu != null && i < menu.getItemCount(); i++) {
                JMenuItem item = menu.getItem(i);
                if (item != null && item.isEnabled() && allowed(item)) {
                    into.add(item);
                }
            }
        }
    }

    private static boolean allowed(Component c) {
        if ("quitItem".equals(c.getName()) || SwingUtilities.getAncestorOfClass(JRootPane.class, c) != null
                && c.getParent() != null && c.getParent().getClass().getName().contains("TitlePane")) {
            return false; // Quit and the title bar's buttons (close, minimise) take the test's window away
        }
        Action a = c instanceof AbstractButton b ? b.getAction() : null;
        // a reverse lookup may ask a DNS server: traffic off this machine
        return a == null || !"Look up host".equals(a.getValue(Action.NAME));
    }

    private static Window topModalDialog() {
        Window top = null;
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Dialog d && d.isModal()) {
                top = w; // the later one opened over the earlier
            }
        }
        return top;
    }

    private static boolean isFileChooser(Window w) {
        List<Component> found = new ArrayList<>();
        find(w, JFileChooser.class, found);
        return !found.isEmpty();
    }

    private static void find(Component c, Class<?> type, List<Component> into) {
        if (type.isInstance(c)) {
            into.add(c);
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                find(child, type, into);
            }
        }
    }

    /** As the window's close button does. */
    private static void close(Window w) {
        w.dispatchEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSING));
    }

    private void closeEveryDialog() throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            boolean any = edt(() -> {
                boolean found = false;
                for (Window w : Window.getWindows()) {
                    if (w.isShowing() && w != main.frame() && w instanceof javax.swing.RootPaneContainer) {
                        found = true;
                        SwingUtilities.invokeLater(() -> close(w)); // a modal one returns only when closed
                    }
                }
                return found;
            });
            if (!any) {
                return;
            }
            awaitEdt(new ArrayDeque<>(List.of("closing the dialogs left open")));
        }
    }

    private static void press(Component owner, int key) {
        if (owner == null) {
            return;
        }
        long now = System.currentTimeMillis();
        owner.dispatchEvent(new KeyEvent(owner, KeyEvent.KEY_PRESSED, now, 0, key, KeyEvent.CHAR_UNDEFINED));
        owner.dispatchEvent(new KeyEvent(owner, KeyEvent.KEY_RELEASED, now, 0, key, KeyEvent.CHAR_UNDEFINED));
    }

    /** Waits until the EDT has run everything queued so far; a frozen window fails the test. */
    private void awaitEdt(Deque<String> lastSteps) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        SwingUtilities.invokeLater(ran::countDown);
        if (!ran.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the window did not answer for 10 s after:\n" + String.join("\n", lastSteps)
                    + "\nthe EDT was at:\n" + edtStack());
        }
    }

    private static String edtStack() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("AWT-EventQueue")) {
                for (StackTraceElement e : stack) {
                    b.append("  at ").append(e).append('\n');
                }
            }
        });
        return b.toString();
    }

    /** A peer of the running server arrives (sometimes sending something) or one leaves, on loopback. */
    private void peerComesOrGoes(Random random) {
        if (!peers.isEmpty() && (peers.size() >= 6 || random.nextBoolean())) {
            Socket s = peers.remove(random.nextInt(peers.size()));
            try {
                if (random.nextBoolean()) {
                    s.setSoLinger(true, 0); // leaves with a reset
                }
            } catch (IOException alreadyGone) {
                // closed below either way
            }
            closeQuietly(s);
            return;
        }
        InetSocketAddress bound = edt(() -> main.controller().running() ? main.controller().bound() : null);
        if (bound == null || !bound.getAddress().isLoopbackAddress()) {
            return;
        }
        Socket s = new Socket();
        try {
            // Short: with the walk's backlog and connection limits set low, a full backlog drops
            // the handshake and connect would wait out whatever time it is given.
            s.connect(new InetSocketAddress(bound.getAddress(), bound.getPort()), 250);
            if (random.nextBoolean()) {
                OutputStream out = s.getOutputStream();
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                out.write(bytes);
            }
            peers.add(s);
        } catch (IOException refusedOrCut) { // the server stopped, or a limit says no: users see that too
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // gone either way
        }
    }

    private static String randomText(Random random) {
        switch (random.nextInt(9)) {
            case 0:
                return "";
            case 1:
                return String.valueOf(random.nextInt(140_000) - 2_000);
            case 2:
                return "Hello {peer} #{count} at {time}\\n";
            case 3:
                return List.of("\\q", "\\x", "\\xZZ", "\\u12", "\\uD800", "\\", "\\x41\\r\\n").get(random.nextInt(7));
            case 4:
                return "x".repeat(60_000 + random.nextInt(10_000)); // about the 64 KiB greeting limit
            case 5:
                return List.of("\uD800", "a\uDC00b", "\u0000\u001b[31m", "\u200B", "é ✓ 😀", "\r\n", "\t").get(random.nextInt(7));
            case 6:
                return "GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n";
            default:
                StringBuilder b = new StringBuilder();
                String pool = "aZ09 .:-_/[]{}\\%\u00e9\n";
                for (int i = random.nextInt(20); i > 0; i--) {
                    b.append(pool.charAt(random.nextInt(pool.length())));
                }
                return b.toString();
        }
    }

    private static String describe(Component c) {
        if (c == null) {
            return "nothing";
        }
        String text = c instanceof AbstractButton b ? b.getText() : null;
        String type = c.getClass().getSimpleName().isEmpty() ? c.getClass().getName() : c.getClass().getSimpleName();
        Action action = c instanceof AbstractButton b ? b.getAction() : null;
        return type + (c.getName() != null ? " " + c.getName() : "")
                + (action != null ? " (" + action.getValue(Action.NAME) + ")" : "")
                + (c.getParent() != null && c.getName() == null ? " in " + c.getParent().getClass().getSimpleName()
                        + (c.getParent().getName() != null ? " " + c.getParent().getName() : "") : "")
                + (text != null && !text.isEmpty() ? " '" + text + "'" : "")
                + (c instanceof Dialog d ? " '" + d.getTitle() + "'" : "");
    }

    private static String abbreviate(String s) {
        String shown = s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + ")" : s;
        return "'" + io.socketmonitor.template.Printable.visible(shown) + "'";
    }
}
