package io.socketmonitor.ui.client;

import static io.socketmonitor.ui.client.Named.name;

import io.socketmonitor.client.ClientEvent;
import io.socketmonitor.client.Durations;
import io.socketmonitor.client.HostPort;
import io.socketmonitor.client.LineEnding;
import io.socketmonitor.client.LoadMode;
import io.socketmonitor.client.LoadOptions;
import io.socketmonitor.client.SendText;
import io.socketmonitor.client.SessionEnd;
import io.socketmonitor.client.SessionSummary;
import io.socketmonitor.client.TestClient;
import io.socketmonitor.ui.EdtBatcher;
import io.socketmonitor.ui.Keys;
import io.socketmonitor.ui.Themes;
import io.socketmonitor.net.Addresses;
import io.socketmonitor.template.TemplateException;
import java.awt.event.ActionEvent;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;

/**
 * The test client pane: the lecture's client side (connect, send, receive, shut down, close) and
 * the load and fault modes. Network work runs on the client's own threads and one sender thread;
 * their events reach the EDT in batches. Create and use on the EDT.
 */
public final class ClientPanel extends io.socketmonitor.ui.TabContent {
    private static final long serialVersionUID = 1L;
    /** Received bytes kept for the hex view and Save; more is shown as text but not kept. */
    private static final int KEEP_BYTES = 16 * 1024 * 1024;
    private static final int HEX_BYTES = 64 * 1024;
    private static final int MAX_TEXT_CHARS = 1_000_000;
    /** Received bytes the window may be behind by before the reader waits (about 40 MB/s shown). */
    static final int RECEIVE_BUDGET = 4 * 1024 * 1024;

    private final JTextField host = name(new JTextField("localhost", 12), "clientHost", "Host",
            "Name or address to connect to");
    private final JTextField port = name(new JTextField("8080", 6), "clientPort", "Port");
    // It fills the fields in (Connect connects): "Connect to my server" promised more, and
    // was the widest thing in a narrow tab.
    private final JButton follow = name(new JButton("My server"), "clientFollow",
            "Use my server's address", "Fill in the address and port the server above is listening on");
    private final JButton recentButton = name(new JButton("\u25BE"), "clientRecent", "Recent servers");
    private final JButton connect = name(new JButton("Connect"), "clientConnect", "Connect");
    private final JButton halfClose = name(new JButton("Half-close"), "clientHalfClose", "Half-close",
            "Shut down our output: the server reads end of stream, we keep reading");
    private final JButton disconnect = name(new JButton("Disconnect"), "clientDisconnect", "Disconnect");
    /**
     * Shows the load section, hidden at first: a conversation needs the whole tab (the send row
     * was cut off at the default size), a load run is a step further.
     */
    private final javax.swing.JToggleButton toLoad = name(new javax.swing.JToggleButton(LOAD_CLOSED), "clientToLoad",
            "Show the load and fault modes",
            "Load and fault modes (burst, hold, reset, never-read, slow) against this host and port");
    private static final String LOAD_CLOSED = "Load \u25B8";
    private static final String LOAD_OPEN = "Load \u25BE";
    private final JLabel status = name(new io.socketmonitor.ui.CutLabel("Not connected.", null), "clientStatus",
            "Client status");
    // Six rows: less than the views' smallest height, so an empty view shows no scroll bar and
    // the wheel over it scrolls the tab (see NestedScroll); a longer text fills and scrolls.
    private final JTextArea received = name(new JTextArea(6, 32), "clientReceived", "Received text");
    private final JTextArea receivedHex = name(new JTextArea(6, 32), "clientReceivedHex", "Received bytes in hex");
    private final JTabbedPane views = name(new JTabbedPane(), "clientViews", "Received views");
    private final JComboBox<LineEnding> lineEnding = name(new JComboBox<>(LineEnding.values()), "clientLineEnding",
            "Line ending");
    private final JTextField send = name(io.socketmonitor.ui.LineBreaksAsEscapes.install(new JTextField(20), lineEnding),
            "clientSend", "Text to send",
            "Escapes: \\n \\r \\t \\\\ \\0 \\xHH; Up and Down recall what you sent");
    private final JButton sendButton = name(new JButton("Send"), "clientSendButton", "Send");
    private final JButton clear = name(new JButton("Clear"), "clientClear", "Clear received");
    private final JButton save = name(new JButton("Save…"), "clientSave", "Save received bytes",
            "Save the bytes this connection received (the last one's, once it has closed)");
    /** How long a note ("Saved 18 bytes…") stands before the connection's state shows again. */
    static final int NOTE_MILLIS = 5_000;
    /** The connection's state, which a note covers for a while but never replaces. */
    private String state = "Not connected.";
    private final javax.swing.Timer noteEnds = new javax.swing.Timer(NOTE_MILLIS, e -> status.setText(state));

    {
        noteEnds.setRepeats(false);
    }
    private final JLabel timings = name(new io.socketmonitor.ui.CutLabel(" ", null), "clientTimings", "Timings");
    private final LoadSection load = new LoadSection(this::target);

    static final int BATCH_MILLIS = 100;
    private final transient EdtBatcher<Tagged> batcher = new EdtBatcher<>(BATCH_MILLIS, this::apply);
    private final transient ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "client pane sender");
        t.setDaemon(true); // a write blocked on a server that never reads must not keep the app alive
        return t;
    });
    private final transient SendHistory history = new SendHistory();
    private transient RecentTargets recent = new RecentTargets();
    /** Where the current session connects: it joins the recent servers once it answers. */
    private transient HostPort connectingTo;
    private final ByteArrayOutputStream receivedBytes = new ByteArrayOutputStream();
    /** Saves of the received bytes still writing; each leaves the set when done. */
    private final java.util.Set<Thread> saves = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private transient TestClient client;
    private transient ReceiveBudget budget;
    private int session;
    private boolean atLineStart = true;
    private final VisibleBytes.Stream receivedText = new VisibleBytes.Stream();
    private final io.socketmonitor.ui.LongLines viewLines = new io.socketmonitor.ui.LongLines();
    private boolean hexStale;
    /** Bytes a hex line shows: 16, or 8 where 16 would hide the ASCII column past the edge. */
    private int hexPerLine = 16;
    private InetSocketAddress followed;
    private boolean following = true;
    private boolean fillingIn;

    /**
     * One client event, with the session it belongs to (a closed session may still report) and
     * that session's receive budget (null for events of no session).
     */
    private record Tagged(int session, ClientEvent event, ReceiveBudget budget) {
        Tagged(int session, ClientEvent event) {
            this(session, event, null);
        }
    }

    public ClientPanel() {
        super(new MigLayout("fill, wrap 1", "[grow,fill]", "[][][][grow,fill][][][]"));
        name(this, "clientPanel", "Test client");
        lineEnding.setSelectedItem(LineEnding.CRLF); // what telnet sends
        received.setEditable(false);
        receivedHex.setEditable(false);
        Keys.tabMovesFocus(received);
        Keys.tabMovesFocus(receivedHex);
        received.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
        receivedHex.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
        views.addTab("Text", wheelPassing(new JScrollPane(received)));
        JScrollPane hexScroll = wheelPassing(new JScrollPane(receivedHex));
        views.addTab("Hex", hexScroll);
        views.addChangeListener(e -> refreshHex());
        hexScroll.getViewport().addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                int perLine = hexBytesPerLine(hexScroll.getViewport().getWidth());
                if (perLine != hexPerLine) {
                    hexPerLine = perLine;
                    hexStale = true;
                    refreshHex();
                }
            }
        });

        // In the side tab of a default-size window (about 450 px wide): the host name gives way
        // first; a port, a button or a line ending is never cut.
        JPanel target = new JPanel(new MigLayout("insets 0", "[][grow,fill][][]0[][]"));
        target.add(new JLabel("Host"));
        target.add(host, "wmin 90"); // "127.0.0.1" whole
        target.add(new JLabel("Port"));
        target.add(port, "wmin pref");
        target.add(recentButton);
        target.add(follow);
        recentButton.putClientProperty("JButton.buttonType", "toolBarButton");
        updateRecentButton();
        add(target);

        JPanel actions = new JPanel(new MigLayout("insets 0", "[][][]"));
        actions.add(connect, "sizegroup b");
        actions.add(halfClose, "sizegroup b");
        actions.add(disconnect, "sizegroup b");
        actions.add(toLoad, "gapleft push");
        add(actions);
        add(status, "wmin 0"); // a line of its own: "Connection refused: nothing listens on …" reads whole
        add(views, "h 120:200");

        // What to send right under what came back, as in a chat; the transcript's own buttons below.
        JPanel sendRow = new JPanel(new MigLayout("insets 0", "[grow,fill][][]"));
        sendRow.add(send, "wmin 100");
        sendRow.add(lineEnding);
        sendRow.add(sendButton);
        add(sendRow);
        JPanel transcriptRow = new JPanel(new MigLayout("insets 0", "[grow,fill][][]"));
        transcriptRow.add(timings, "wmin 0");
        transcriptRow.add(clear);
        transcriptRow.add(save);
        add(transcriptRow);
        add(load, "growx, hidemode 3");
        load.setVisible(false);
        toLoad.putClientProperty("JButton.buttonType", "borderless");
        toLoad.addActionListener(e -> showLoad(toLoad.isSelected()));

        wire();
        updateButtons();
    }

    /** Opens the load section and brings it into view, or closes it (a run goes on). */
    void showLoad(boolean open) {
        restoreLoadOpen(open);
        if (open) {
            SwingUtilities.invokeLater(() -> {
                load.scrollRectToVisible(new java.awt.Rectangle(load.getSize()));
                load.focusFirst();
            });
        }
    }

    /** Opens or closes the load section as it was left, without taking the focus. */
    public void restoreLoadOpen(boolean open) {
        toLoad.setSelected(open);
        toLoad.setText(open ? LOAD_OPEN : LOAD_CLOSED);
        load.setVisible(open);
        revalidate();
    }

    public boolean loadOpen() {
        return load.isVisible();
    }

    public LoadMode loadMode() {
        return load.mode();
    }

    public LoadOptions loadOptions() {
        return load.options();
    }

    /** Shows the remembered load mode (null: the default) and numbers. */
    public void restoreLoad(LoadMode mode, LoadOptions options) {
        load.restore(mode, options);
    }

    /** True while the received bytes show in hex rather than as text. */
    public boolean hexViewShown() {
        return views.getSelectedIndex() == 1;
    }

    public void showHexView(boolean hex) {
        views.setSelectedIndex(hex ? 1 : 0);
    }

    /** The tab scrolls on when the wheel has taken an inner pane to its edge. */
    static JScrollPane wheelPassing(JScrollPane inner) {
        io.socketmonitor.ui.NestedScroll.passWheelOn(inner);
        return inner;
    }

    private void wire() {
        connect.addActionListener(e -> connect());
        // Enter in Host or Port connects, as it does after typing "telnet host port"
        host.addActionListener(e -> connectIfIdle());
        port.addActionListener(e -> connectIfIdle());
        disconnect.addActionListener(e -> disconnect());
        halfClose.addActionListener(e -> halfClose());
        sendButton.addActionListener(e -> send());
        send.addActionListener(e -> send());
        clear.addActionListener(e -> clear());
        save.addActionListener(e -> save());
        follow.addActionListener(e -> {
            following = true;
            fillIn();
        });
        DocumentListener typed = new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { userEdited(); }
            @Override public void removeUpdate(DocumentEvent e) { userEdited(); }
            @Override public void changedUpdate(DocumentEvent e) { userEdited(); }
        };
        host.getDocument().addDocumentListener(typed);
        port.getDocument().addDocumentListener(typed);
        recentButton.addActionListener(e -> showRecent());
        for (JTextField field : List.of(host, port)) { // a combo box's keys: its list opens on Alt+Down
            keys(field, "alt DOWN", "recentServers", this::showRecent);
            keys(field, "DOWN", "recentServers", this::showRecent);
        }
        keys(send, "UP", "historyUp", () -> recall(history.up()));
        keys(send, "DOWN", "historyDown", () -> recall(history.down()));
    }

    private static void keys(JComponent c, String key, String action, Runnable r) {
        c.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(key), action);
        c.getActionMap().put(action, new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    /** The servers reached before, newest first; choosing one fills in Host and Port. */
    void showRecent() {
        if (recent.isEmpty()) {
            return;
        }
        javax.swing.JPopupMenu menu = name(new javax.swing.JPopupMenu(), "clientRecentMenu", "Recent servers");
        for (HostPort t : recent.newestFirst()) {
            javax.swing.JMenuItem item = new javax.swing.JMenuItem(t.toString());
            item.addActionListener(e -> useRecent(t));
            menu.add(item);
        }
        menu.addSeparator();
        javax.swing.JMenuItem forget = name(new javax.swing.JMenuItem("Forget these"), "clientRecentForget",
                "Forget the recent servers");
        forget.addActionListener(e -> {
            recent.clear();
            updateRecentButton();
        });
        menu.add(forget);
        menu.show(host, 0, host.getHeight()); // under what it fills in, like a combo box's list
        // The newest is chosen already: Down then Enter reconnects to the last server.
        javax.swing.MenuSelectionManager.defaultManager().setSelectedPath(
                new javax.swing.MenuElement[] {menu, (javax.swing.MenuElement) menu.getComponent(0)});
    }

    private void useRecent(HostPort t) {
        host.setText(t.host()); // the user's choice: the fields stop following the server
        port.setText(Integer.toString(t.port()));
        host.requestFocusInWindow(); // Enter connects
    }

    private void updateRecentButton() {
        recentButton.setEnabled(!recent.isEmpty());
        recentButton.setToolTipText(recent.isEmpty()
                ? "Recent servers: each server this client reaches is listed here"
                : "Recent servers (Down in Host or Port)");
    }

    /** The recent servers, for the window to remember: one HOST:PORT a line, newest first. */
    public String recentServers() {
        return recent.encode();
    }

    public void restoreRecentServers(String stored) {
        recent = RecentTargets.decode(stored);
        updateRecentButton();
    }

    private void recall(String text) {
        if (text != null) {
            send.setText(text);
        }
    }

    /**
     * Tells the pane where the app's server listens (null when it is stopped). While the user has
     * not typed a host or port of their own, the fields follow it; "My server" makes them follow
     * it again. Port 0 means the port is not known yet (Start will pick a free one, or the
     * server's port field holds no valid port): the port field is left empty.
     */
    public void followServer(InetSocketAddress bound) {
        followed = bound;
        if (following) {
            fillIn();
        }
    }

    private void fillIn() {
        if (followed == null) {
            return;
        }
        fillingIn = true;
        try {
            host.setText(connectable(followed.getAddress()));
            // Port 0: not known until the server listens; an empty field beats a port nobody listens on.
            port.setText(followed.getPort() == 0 ? "" : Integer.toString(followed.getPort()));
        } finally {
            fillingIn = false;
        }
    }

    /** A wildcard bind is reached through loopback of the same family. */
    static String connectable(InetAddress bound) {
        if (bound.isAnyLocalAddress()) {
            return bound instanceof Inet6Address ? "::1" : "127.0.0.1";
        }
        return Addresses.literal(bound);
    }

    /** The host and port the user typed, {host, port}; null while the fields follow the server. */
    public String[] typedTarget() {
        String h = host.getText().trim();
        String p = port.getText().trim();
        // Fields left blank say nothing to remember: next time they follow the server again.
        return following || h.isEmpty() || p.isEmpty() ? null : new String[] {h, p};
    }

    /** Puts back a target the user typed last time: the fields no longer follow the server. */
    public void restoreTypedTarget(String typedHost, String typedPort) {
        if (typedHost.isBlank() || typedPort.isBlank()) {
            return;
        }
        host.setText(typedHost);
        port.setText(typedPort);
        following = false;
    }

    public LineEnding lineEnding() {
        return (LineEnding) lineEnding.getSelectedItem();
    }

    public void lineEnding(LineEnding ending) {
        lineEnding.setSelectedItem(ending);
    }

    private void userEdited() {
        if (!fillingIn) {
            following = false;
        }
    }

    /** The host and port fields as a target; the exception message is a sentence for the user. */
    private HostPort target() {
        String h = host.getText().trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return new HostPort(h, HostPort.parsePort(port.getText()));
    }

    private void connect() {
        HostPort target;
        try {
            target = target();
        } catch (IllegalArgumentException e) {
            note(e.getMessage());
            return;
        }
        closeClient();
        if (!atLineStart || received.getDocument().getLength() > 0) {
            line("");
        }
        // The text keeps every session, each under its own "Trying…"; the bytes (hex, Save…) are
        // this connection's, which a dump of several run together could not show.
        receivedBytes.reset();
        hexStale = true;
        refreshHex();
        int id = ++session;
        connectingTo = target;
        ReceiveBudget b = new ReceiveBudget(RECEIVE_BUDGET);
        budget = b;
        client = new TestClient(event -> {
            if (event instanceof ClientEvent.Received r) {
                b.take(r.data().length); // waits while the window is behind
            }
            batcher.add(new Tagged(id, event, b));
        });
        client.connect(target.host(), target.port(), TestClient.DEFAULT_CONNECT_TIMEOUT);
        state("Connecting to " + target + "...");
        timings.setText(" ");
        updateButtons();
    }

    private void connectIfIdle() {
        if (connect.isEnabled()) {
            connect();
        }
    }

    private void disconnect() {
        closeClient();
    }

    private void closeClient() {
        TestClient c = client;
        if (c != null) {
            c.close(); // only closes a socket; the Closed event arrives through the batcher
        }
        if (budget != null) {
            budget.cancel(); // a reader waiting for the window goes on, and finds the socket closed
        }
    }

    private void halfClose() {
        TestClient c = client;
        if (c == null) {
            return;
        }
        sender.execute(() -> {
            try {
                c.shutdownOutput();
            } catch (IOException e) {
                batcher.add(new Tagged(-1, new ClientEvent.Failed("Could not shut down output: " + e.getMessage())));
            }
        });
    }

    private void send() {
        TestClient c = client;
        if (c == null || !c.isConnected()) {
            note("Not connected: connect first, then send.");
            return;
        }
        String typed = send.getText();
        byte[] data;
        try {
            data = SendText.encode(typed, (LineEnding) lineEnding.getSelectedItem());
        } catch (TemplateException e) {
            note("Cannot send: " + e.getMessage());
            return;
        }
        history.add(typed);
        send.setText("");
        sender.execute(() -> {
            try {
                c.send(data);
            } catch (IOException e) {
                batcher.add(new Tagged(-1, new ClientEvent.Failed("Could not send: " + e.getMessage())));
            }
        });
    }

    private void apply(List<Tagged> batch) {
        boolean gotBytes = false;
        for (Tagged t : batch) {
            boolean currentSession = t.session() == session || t.session() < 0;
            ClientEvent e = t.event();
            if (e instanceof ClientEvent.Received r) {
                if (currentSession) { // a closed session's last read is not this connection's bytes
                    keepReceived(r.data());
                }
                t.budget().shown(r.data().length);
                gotBytes = true;
                continue;
            }
            flushReceivedText(); // our own lines come after the bytes before them
            if (e instanceof ClientEvent.Trying trying) {
                line(trying.text());
            } else if (e instanceof ClientEvent.Connected c) {
                line(c.text());
                state("Connected: " + Addresses.hostPort(c.local()) + " → " + Addresses.hostPort(c.remote()));
                timings.setText("Connect " + Durations.millis(c.connectTime()));
                if (currentSession && connectingTo != null) {
                    recent.reached(connectingTo);
                    updateRecentButton();
                }
                java.awt.Component focused = java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
                if (currentSession && (focused == null || javax.swing.SwingUtilities.isDescendingFrom(focused, this))) {
                    send.requestFocusInWindow(); // what comes next is typing, as in telnet
                }
            } else if (e instanceof ClientEvent.Sent s) {
                line("→ sent " + s.data().length + (s.data().length == 1 ? " byte: " : " bytes: ")
                        + VisibleBytes.text(s.data()).replace("\n", ""));
            } else if (e instanceof ClientEvent.OutputShutdown) {
                line("(output shut down: the server reads end of stream; we still read)");
            } else if (e instanceof ClientEvent.Failed f) {
                line(f.message());
                state(f.message());
            } else if (e instanceof ClientEvent.Closed closed && currentSession) {
                SessionSummary s = closed.summary();
                if (s.end() != SessionEnd.FAILED) {
                    line(s.message());
                    state(s.message());
                }
                timings.setText(s.timings());
                client = null;
            }
        }
        flushReceivedText();
        if (gotBytes) {
            hexStale = true;
            refreshHex();
        }
        updateButtons();
    }

    /** Bytes the connection received that the window has not shown yet. */
    long bytesNotShown() {
        return budget == null ? 0 : budget.queued();
    }

    /** Bytes kept of the current connection (for hex and Save…). */
    int receivedByteCount() {
        return receivedBytes.size();
    }

    /** Text received in this batch, not yet in the view: one append a batch, not one a read. */
    private final StringBuilder receivedPending = new StringBuilder();

    private void keepReceived(byte[] data) {
        if (receivedBytes.size() + data.length <= KEEP_BYTES) {
            receivedBytes.write(data, 0, data.length);
        }
        receivedPending.append(receivedText.next(data)); // "" for the first bytes of a character
        if (receivedPending.length() > 2 * MAX_TEXT_CHARS) {
            receivedPending.delete(0, receivedPending.length() - MAX_TEXT_CHARS); // the view keeps no more
        }
    }

    private void flushReceivedText() {
        if (receivedPending.length() > 0) {
            append(receivedPending.toString());
            atLineStart = receivedPending.charAt(receivedPending.length() - 1) == '\n';
            receivedPending.setLength(0);
        }
    }

    /** Our own lines (Trying..., Connected to..., the close) always start on a line of their own. */
    private void line(String text) {
        String cut = receivedText.end(); // a character the server never finished: its bytes as they came
        if (!cut.isEmpty()) {
            append(cut);
            atLineStart = false;
        }
        append((atLineStart ? "" : "\n") + text + "\n");
        atLineStart = true;
    }

    private void append(String unbroken) {
        String text = viewLines.fold(unbroken);
        if (text.length() >= MAX_TEXT_CHARS) {
            received.setText(text.substring(text.length() - MAX_TEXT_CHARS));
        } else {
            received.append(text);
            int excess = received.getDocument().getLength() - MAX_TEXT_CHARS;
            if (excess > 0) {
                received.replaceRange("", 0, excess); // a long stream keeps its newest part
            }
        }
        received.setCaretPosition(received.getDocument().getLength());
    }

    private void refreshHex() {
        if (!hexStale || views.getSelectedIndex() != 1) {
            return; // rendered when the hex tab is shown
        }
        byte[] all = receivedBytes.toByteArray();
        int shown = Math.min(all.length, HEX_BYTES);
        String dump = VisibleBytes.hexDump(all, shown, hexPerLine);
        receivedHex.setText(shown < all.length ? dump + "(first " + shown + " of " + all.length + " bytes)\n" : dump);
        hexStale = false;
    }

    /** 16 bytes a line where the whole line fits {@code width}, else 8. */
    private int hexBytesPerLine(int width) {
        java.awt.Insets in = receivedHex.getInsets();
        int charWidth = receivedHex.getFontMetrics(receivedHex.getFont()).charWidth('0');
        return VisibleBytes.lineChars(16) * charWidth + in.left + in.right <= width ? 16 : 8;
    }

    private void clear() {
        receivedText.end();
        received.setText("");
        viewLines.lineStarts();
        receivedHex.setText("");
        receivedBytes.reset();
        atLineStart = true;
        hexStale = false;
    }

    private void save() {
        java.nio.file.Path file = io.socketmonitor.ui.SaveChooser.choose(this, "Save received bytes", "received.bin");
        if (file != null) {
            saveTo(file.toFile());
        }
    }

    /** Writes the bytes kept (this connection's, or the last one's) to {@code file}, off the EDT. */
    void saveTo(File file) {
        byte[] bytes = receivedBytes.toByteArray(); // up to 16 MiB: a slow disk must not freeze the window
        Thread t = new Thread(() -> {
            String result;
            try {
                Files.write(file.toPath(), bytes);
                result = "Saved " + bytes.length + (bytes.length == 1 ? " byte" : " bytes") + " to " + file.getName() + ".";
            } catch (IOException | RuntimeException e) {
                result = io.socketmonitor.ui.SaveErrors.sentence(file.toPath(), e);
            }
            String r = result;
            SwingUtilities.invokeLater(() -> note(r));
            saves.remove(Thread.currentThread());
        }, "client pane save");
        t.setDaemon(false); // the file is finished even when the window closes meanwhile
        saves.add(t);
        t.start();
    }

    /** Waits, at most {@code millis}, for the received bytes being saved; before the program ends. */
    public void awaitSaves(long millis) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : saves) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                t.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The connection's state changed: the status line shows it from now on. */
    private void state(String text) {
        state = text;
        noteEnds.stop();
        status.setText(text);
    }

    /** An answer to what the user just did: shown for a while, then the state again. */
    private void note(String text) {
        status.setText(text);
        noteEnds.restart();
    }

    private void updateButtons() {
        boolean active = client != null;
        connect.setEnabled(!active);
        disconnect.setEnabled(active);
        halfClose.setEnabled(active);
        sendButton.setEnabled(active);
    }

    @Override
    public void addNotify() {
        super.addNotify();
        batcher.start();
    }

    // No removeNotify stop: a reader waiting for the window must not wait for a panel moved
    // elsewhere; dispose() stops the batcher.

    /** Closes the connection and cancels any load run; for the window closing. */
    public void dispose() {
        noteEnds.stop();
        closeClient();
        load.dispose();
        batcher.stop();
        sender.shutdownNow();
    }

    /** For tests and the window: prepare a load run without clicking through the spinners. */
    void configureLoad(io.socketmonitor.client.LoadMode mode, int connections, int concurrency, int seconds) {
        load.configure(mode, connections, concurrency, seconds);
    }
}
