package io.socketmonitor.ui;

import io.socketmonitor.net.AddressKind;
import io.socketmonitor.net.Addresses;
import io.socketmonitor.net.WellKnownPorts;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.template.GreetingTemplate;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.SwingWorker;
import net.miginfocom.swing.MigLayout;

/**
 * The server's controls: interface, port, mode, advanced limits, greeting, the Start/Stop toggle,
 * the bind error and, while listening, where and how to try it. Only a form: it builds a
 * {@link ServerConfig} and shows state; {@link MainWindow} runs the server.
 */
public final class ServerPanel extends JPanel {
    private final DefaultComboBoxModel<InterfaceChoice> interfaces = new DefaultComboBoxModel<>();
    private final JComboBox<InterfaceChoice> interfaceBox = new JComboBox<>(interfaces);
    private final JButton refresh = new JButton("\u21BB");
    private final JLabel reachWarning = new JLabel();
    private final NumberField port = new NumberField("port", "Port", 0, 65_535, ServerConfig.DEFAULT_PORT,
            "TCP port 0\u201365535; 0 lets the system pick a free one. Ports below 1024 are privileged on most Unix systems.");
    private final JLabel portService = new JLabel();
    private final JLabel formError = new JLabel();
    private final JComboBox<Mode> mode = new JComboBox<>(Mode.values());
    private final JCheckBox echo = new JCheckBox("Echo");
    private final JToggleButton advancedToggle = new JToggleButton("Advanced \u25B8");
    private final JPanel advanced = new JPanel(new MigLayout("insets 0 16 0 0, wrap 4", "[][sg field]u[][sg field]"));
    private final NumberField backlog = new NumberField("backlog", "Backlog", 1, 65_535, ServerConfig.DEFAULT_BACKLOG,
            "How many finished handshakes the kernel queues before accept() takes them (listen backlog)");
    private final NumberField maxConnections = new NumberField("maxConnections", "Max connections", 1, 1_000_000,
            ServerConfig.DEFAULT_MAX_CONNECTIONS, "Open connections allowed at once; more are refused");
    private final NumberField maxPerPeer = new NumberField("maxPerPeer", "Max per peer", 0, 1_000_000, 0,
            "Open connections allowed from one peer address; 0 means no limit");
    private final NumberField idle = new NumberField("idleTimeout", "Idle timeout (s)", 0, 86_400, 0,
            "Keep-open peers silent this many seconds are closed; 0 means never");
    private final NumberField writeTimeout = new NumberField("writeTimeout", "Write timeout (s)", 1, 3_600,
            (int) ServerConfig.DEFAULT_WRITE_TIMEOUT.toSeconds(),
            "A peer that has not read what we sent within this many seconds is cut");
    private final GreetingEditor greeting = new GreetingEditor();
    private final JButton startStop = new JButton();
    private final JLabel bindError = new JLabel();
    private final JLabel listening = new JLabel(" ");
    private final JPanel tryIt = new JPanel(new MigLayout("insets 0, gap 4", "[]"));
    private final List<Runnable> validityListeners = new ArrayList<>();
    private BiConsumer<InterfaceChoice, Integer> addressListener = (c, p) -> {};
    /** The last valid port typed: while the field holds "abc", the address keeps this one. */
    private int plannedPort = ServerConfig.DEFAULT_PORT;
    /** The port field holds no port (70000, abc): the lecture's bind shows PORT, not a half-typed one. */
    static final int NO_PORT = -1;
    private boolean refreshingInterfaces;
    /** The interface and port a shown bind error is about. */
    private String bindErrorAddress;
    private boolean locked;
    static final int GREETING_DELAY_MS = 300;
    private final javax.swing.Timer greetingTimer = new javax.swing.Timer(GREETING_DELAY_MS, null);

    public ServerPanel() {
        super(new MigLayout("fillx, insets 6 8 4 8, hidemode 3, gapy 3", "[right][grow,fill][]"));
        setName("serverPanel");
        interfaceBox.setName("interface");
        interfaceBox.getAccessibleContext().setAccessibleName("Interface");
        interfaceBox.setToolTipText("The address to listen on: who can connect depends on it");
        interfaces.addElement(InterfaceChoice.standard().get(0));
        for (InterfaceChoice c : InterfaceChoice.standard().subList(1, 4)) {
            interfaces.addElement(c);
        }
        refresh.setName("refreshInterfaces");
        refresh.setToolTipText("Re-read the network interfaces");
        refresh.getAccessibleContext().setAccessibleName("Refresh interfaces");
        refresh.addActionListener(e -> refreshInterfaces());
        reachWarning.setName("reachWarning");
        reachWarning.setForeground(Themes.warningText());
        interfaceBox.addActionListener(e -> {
            if (!refreshingInterfaces) {
                interfaceChosen();
            }
        });

        portService.setName("portService");
        formError.setName("formError");
        formError.setForeground(Themes.errorText());
        port.onChange(() -> {
            forgetBindError();
            updatePortNote();
            fireValidity();
            int planned = port.value() != null ? port.value() : NO_PORT;
            if (planned != plannedPort) {
                plannedPort = planned;
                fireAddress();
            }
        });
        for (NumberField f : List.of(backlog, maxConnections, maxPerPeer, idle, writeTimeout)) {
            f.onChange(this::fireValidity);
        }
        mode.setName("mode");
        mode.getAccessibleContext().setAccessibleName("Mode");
        mode.setToolTipText("<html>Greet &amp; close: the lecture's server (send the greeting, close).<br>"
                + "Keep open: send the greeting, keep the connection, record what the client sends.<br>"
                + "HTTP: read a request and answer 200 with the greeting as the body.</html>");
        mode.addActionListener(e -> { echo.setVisible(mode.getSelectedItem() == Mode.KEEP_OPEN); fireValidity(); });
        echo.setName("echo");
        echo.setMnemonic('E'); // not h: Alt+H is the Help menu
        echo.setToolTipText("Keep open: send back whatever each client sends");
        echo.getAccessibleContext().setAccessibleName("Echo");
        echo.setVisible(false);

        advancedToggle.setName("advancedToggle");
        advancedToggle.setMnemonic('A');
        advancedToggle.setToolTipText("Backlog, connection limits and timeouts");
        advancedToggle.getAccessibleContext().setAccessibleName("Show advanced settings");
        advancedToggle.putClientProperty("JButton.buttonType", "borderless");
        advanced.setName("advanced");
        advanced.setVisible(false);
        advancedToggle.addActionListener(e -> showAdvanced(advancedToggle.isSelected()));
        // Two a row, limits then timeouts: three a row did not fit the narrowest window (760 px).
        addField(advanced, "Max connections", maxConnections);
        addField(advanced, "Max per peer", maxPerPeer);
        addField(advanced, "Idle timeout (s)", idle);
        addField(advanced, "Write timeout (s)", writeTimeout);
        addField(advanced, "Backlog", backlog);

        greetingTimer.setRepeats(false);
        greeting.setName("greetingEditor");
        greeting.onChange(t -> fireValidity());

        startStop.setName("startStop");
        startStop.putClientProperty("JButton.buttonType", null);
        bindError.setName("bindError");
        bindError.setForeground(Themes.errorText());
        bindError.setVisible(false);
        listening.setName("listeningInfo");
        tryIt.setName("tryIt");
        showTryItHint();

        JLabel ifLabel = new JLabel("Interface");
        ifLabel.setDisplayedMnemonic('n');
        ifLabel.setLabelFor(interfaceBox);
        // Rows start with "newline" on a visible component: a hidden (hidemode 3) one would drop its wrap.
        add(ifLabel);
        add(interfaceBox, "span 2, split 2, growx, wmin 200");
        add(refresh, "");
        add(reachWarning, "newline, skip 1, span, growx");

        JLabel portLabel = new JLabel("Port");
        portLabel.setDisplayedMnemonic('P');
        portLabel.setLabelFor(port.textField());
        add(portLabel, "newline");
        JLabel modeLabel = new JLabel("Mode");
        modeLabel.setDisplayedMnemonic('M');
        modeLabel.setLabelFor(mode);
        add(port.spinner, "span 2, split 6, wmin 90, growx 0"); // at least 90 px; wider as the text grows
        add(portService, portNoteConstraints());
        add(modeLabel, "gapleft 12");
        add(mode, "growx 0");
        add(echo, "");
        add(advancedToggle, "gapleft push");
        add(advanced, "newline, skip 1, span, growx");

        JLabel gLabel = new JLabel("Greeting");
        gLabel.setDisplayedMnemonic('G');
        gLabel.setLabelFor(greeting.textComponent());
        add(gLabel, "newline, top, gaptop 4");
        add(greeting, "span, growx, wmin 100, w 100::");

        add(startStop, "newline, skip 1, span, split 2, growx 0, wmin 110");
        add(listening, "growx");
        add(bindError, commandRowConstraints());
        add(tryIt, commandRowConstraints());

        updateReach();
        updatePortNote();
        refreshInterfaces();
    }

    private static void addField(JPanel panel, String label, NumberField f) {
        JLabel l = new JLabel(label);
        l.setLabelFor(f.textField());
        panel.add(l);
        panel.add(f.spinner, "growx");
    }

    /**
     * As wide as the longest service name, so typing a port does not move Mode sideways (the
     * longer "below 1024" warning still makes room for itself).
     */
    private String portNoteConstraints() {
        return "gapright 12, wmin " + portService.getFontMetrics(portService.getFont()).stringWidth("(HTTPS alternate)");
    }

    /**
     * A failed start's message takes the row under Start in place of its hint, which is as tall
     * stopped (a hint) as running (commands in fields): starting, or a one-line message, moves
     * nothing below.
     */
    private static String commandRowConstraints() {
        return "newline, skip 1, span, growx, hmin " + commandRowHeight();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (reachWarning != null) {
            reachWarning.setForeground(Themes.warningText());
            formError.setForeground(Themes.errorText());
            bindError.setForeground(Themes.errorText());
            // Measured again once the children have their new fonts (a theme or text size change
            // updates them after this panel).
            javax.swing.SwingUtilities.invokeLater(this::measureTextSizes);
        }
    }

    private void measureTextSizes() {
        MigLayout layout = (MigLayout) getLayout();
        layout.setComponentConstraints(portService, portNoteConstraints());
        layout.setComponentConstraints(bindError, commandRowConstraints());
        layout.setComponentConstraints(tryIt, commandRowConstraints());
        revalidate();
    }

    private void interfaceChosen() {
        forgetBindError();
        updateReach();
        fireAddress();
    }

    /** Re-reads the interfaces off the EDT and keeps the current choice. */
    public void refreshInterfaces() {
        refresh.setEnabled(false);
        new SwingWorker<List<InterfaceChoice>, Void>() {
            @Override
            protected List<InterfaceChoice> doInBackground() {
                return InterfaceChoice.discover();
            }

            @Override
            protected void done() {
                try {
                    List<InterfaceChoice> list = get();
                    InterfaceChoice selected = selectedInterface();
                    InetAddress keep = selected == null ? null : selected.address();
                    // Emptied and refilled, the box passes through no choice and its first
                    // entry: neither is the user's, so only the outcome counts as a choice.
                    refreshingInterfaces = true;
                    try {
                        interfaces.removeAllElements();
                        list.forEach(interfaces::addElement);
                        if (keep != null) {
                            selectAddress(keep);
                        }
                    } finally {
                        refreshingInterfaces = false;
                    }
                    if (!java.util.Objects.equals(selectedInterface(), selected)) {
                        interfaceChosen();
                    }
                } catch (Exception e) {
                    // keep the list we have
                } finally {
                    refresh.setEnabled(!locked);
                }
            }
        }.execute();
    }

    public InterfaceChoice selectedInterface() {
        return (InterfaceChoice) interfaceBox.getSelectedItem();
    }

    void selectAddress(InetAddress address) {
        for (int i = 0; i < interfaces.getSize(); i++) {
            if (interfaces.getElementAt(i).address().equals(address)) {
                interfaceBox.setSelectedIndex(i);
                return;
            }
        }
        InterfaceChoice c = InterfaceChoice.of(address);
        interfaces.addElement(c);
        interfaceBox.setSelectedItem(c);
    }

    private void updateReach() {
        InterfaceChoice c = selectedInterface();
        if (c == null || c.kind() == AddressKind.LOOPBACK) {
            reachWarning.setVisible(false);
            return;
        }
        reachWarning.setVisible(true);
        reachWarning.setText(c.wildcard()
                ? "\u26A0 All interfaces: reachable from the network, not only from this machine."
                : "\u26A0 Reachable from " + c.kind().reachableFrom() + ".");
    }

    private void updatePortNote() {
        Integer p = port.value();
        if (p == null) {
            portService.setText("");
            return;
        }
        String name = WellKnownPorts.serviceName(p).orElse(null);
        StringBuilder sb = new StringBuilder();
        if (p == 0) {
            sb.append("any free port");
        } else if (name != null) {
            sb.append("(").append(name).append(")");
        }
        String privilege = io.socketmonitor.net.PrivilegedPorts.note(p);
        if (privilege != null) {
            sb.append(sb.length() > 0 ? " " : "").append("\u2014 ").append(privilege);
        }
        portService.setText(sb.toString());
        portService.setToolTipText(name == null ? null : "Port " + p + " is the well-known port of " + name);
    }

    /** Shows a config in the controls. */
    public void setConfig(ServerConfig c) {
        selectAddress(c.bindAddress());
        port.set(c.port());
        mode.setSelectedItem(c.mode());
        echo.setSelected(c.echo());
        greeting.setSource(c.greeting().source());
        backlog.set(c.backlog());
        maxConnections.set(c.maxConnections());
        maxPerPeer.set(c.maxPerPeer());
        idle.set((int) Math.min(86_400, c.idleTimeout().toSeconds()));
        writeTimeout.set((int) Math.max(1, Math.min(3_600, c.writeTimeout().toSeconds())));
        fireValidity();
    }

    /** The first problem in the form, or null when it can start. */
    public String problem() {
        for (NumberField f : List.of(port, backlog, maxConnections, maxPerPeer, idle, writeTimeout)) {
            if (f.error() != null) {
                return f.error();
            }
        }
        if (greeting.template() == null) {
            return "The greeting has an error (see below the greeting).";
        }
        if (selectedInterface() == null) {
            return "Choose an interface.";
        }
        return null;
    }

    /** The config the controls describe, or null while something is invalid. */
    public ServerConfig config() {
        if (problem() != null) {
            return null;
        }
        try {
            return new ServerConfig(selectedInterface().address(), port.value(), greeting.template(),
                    (Mode) mode.getSelectedItem(), backlog.value(), maxConnections.value(), maxPerPeer.value(),
                    Duration.ofSeconds(idle.value()), Duration.ofSeconds(writeTimeout.value()), echo.isSelected());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public void onValidityChange(Runnable r) {
        validityListeners.add(r);
    }

    /** Tells {@code l} the interface and port Start would bind ({@link #NO_PORT} if none), whenever either changes. */
    public void onAddressChange(BiConsumer<InterfaceChoice, Integer> l) {
        addressListener = l;
    }

    private void fireAddress() {
        InterfaceChoice c = selectedInterface();
        if (c != null) {
            addressListener.accept(c, plannedPort);
            greeting.sampleLocal(c.address(), plannedPort);
        }
    }

    /**
     * Tells {@code l} about a valid greeting once typing pauses ({@value #GREETING_DELAY_MS} ms),
     * so half-typed text (or the empty moment of a paste) never reaches clients.
     */
    public void onGreetingChange(Consumer<GreetingTemplate> l) {
        greetingTimer.addActionListener(e -> {
            GreetingTemplate t = greeting.template();
            if (t != null) {
                l.accept(t);
            }
        });
        greeting.onChange(t -> {
            fireValidity();
            greetingTimer.restart();
        });
    }

    /** True while an edit of the greeting waits to be applied. */
    boolean greetingPending() {
        return greetingTimer.isRunning();
    }

    /** The window closes: an edit still waiting to reach the server is dropped with it. */
    public void dispose() {
        greetingTimer.stop();
    }

    public void onEchoChange(Consumer<Boolean> l) {
        echo.addActionListener(e -> l.accept(echo.isSelected()));
    }

    private void fireValidity() {
        String p = problem();
        String was = formError.getText();
        formError.setText(p == null || p.startsWith("The greeting") ? "" : p);
        if (!locked && !formError.getText().equals(was)) {
            showTryItHint();
            tryIt.revalidate();
            tryIt.repaint();
        }
        validityListeners.forEach(Runnable::run);
    }

    /** Opens or closes the backlog, limits and timeouts. */
    void showAdvanced(boolean open) {
        advancedToggle.setSelected(open);
        advanced.setVisible(open);
        advancedToggle.setText(open ? "Advanced \u25BE" : "Advanced \u25B8");
        revalidate();
    }

    boolean advancedShown() {
        return advancedToggle.isSelected();
    }

    void focusStartStop() {
        startStop.requestFocusInWindow();
    }

    boolean startStopHasFocus() {
        return startStop.isFocusOwner();
    }

    /** After a failed start: the port, selected, is what the message asks to change. */
    void focusPort() {
        port.textField().requestFocusInWindow();
        port.textField().selectAll();
    }

    public void setStartStopAction(Action a) {
        startStop.setAction(a);
        startStop.setMnemonic(0); // F5 or Ctrl+R; Alt+S opens the Server menu, where the action keeps its S
        startStop.setName("startStop");
    }

    /** Locks what cannot change while running; the greeting and echo stay editable. */
    public void setLocked(boolean lock) {
        locked = lock;
        interfaceBox.setEnabled(!lock);
        refresh.setEnabled(!lock);
        port.setEnabled(!lock);
        mode.setEnabled(!lock);
        for (NumberField f : List.of(backlog, maxConnections, maxPerPeer, idle, writeTimeout)) {
            f.setEnabled(!lock);
        }
        greeting.setLive(lock);
    }

    public void showBindError(String message) {
        bindError.setText(message == null ? "" : "<html>" + escape(message) + "</html>");
        bindError.setVisible(message != null);
        if (!locked) {
            tryIt.setVisible(message == null); // stopped: the hint (or the form's message) steps aside
        }
        bindErrorAddress = message == null ? null : plannedAddress();
        revalidate();
    }

    /**
     * A failed start's message is about the address and port it tried: gone once either
     * changes (not on the field merely reformatting the same port as focus leaves it).
     */
    private void forgetBindError() {
        if (bindError.isVisible() && !plannedAddress().equals(bindErrorAddress)) {
            showBindError(null);
        }
    }

    private String plannedAddress() {
        InterfaceChoice c = selectedInterface();
        return (c == null ? "?" : c.literal()) + " " + port.value();
    }

    public String bindErrorText() {
        return bindError.isVisible() ? bindError.getText() : null;
    }

    public void showStarting() {
        listening.setText("Starting\u2026");
    }

    public void showStopped() {
        listening.setText("Stopped.");
        fireAddress(); // the lecture's bind and the {local} preview: where Start would listen now, not the last run's port
        showTryItHint();
        revalidate();
        tryIt.repaint(); // the commands' fields are gone: their pixels too
    }

    /** The height of a row of commands to try: a field, or its Copy button if taller. */
    private static int commandRowHeight() {
        return Math.max(new JTextField().getPreferredSize().height, copyButton().getPreferredSize().height);
    }

    private static JButton copyButton() {
        JButton copy = new JButton("Copy");
        copy.putClientProperty("JButton.buttonType", "toolBarButton");
        return copy;
    }

    /**
     * Stopped, the row under Start holds what stops it starting (a port out of range...), else a
     * hint. The form can only be wrong while stopped, so the message never needs a row of its
     * own: typing a bad port moves nothing.
     */
    private void showTryItHint() {
        tryIt.removeAll();
        if (!formError.getText().isEmpty()) {
            tryIt.add(formError, "wmin 0");
        } else {
            JLabel hint = new RemarkLabel("Try it: once the server runs, the telnet and nc commands that reach it appear"
                    + " here; or connect from the Test client tab.");
            hint.setName("tryItHint");
            tryIt.add(hint, "wmin 0");
        }
        tryIt.setVisible(!bindError.isVisible());
    }

    /** "Listening on 127.0.0.1:8080 — this machine only" and the commands to try it. */
    public void showListening(InetSocketAddress at, Mode m) {
        greeting.sampleLocal(at.getAddress(), at.getPort()); // port 0 is known now
        InterfaceChoice c = selectedInterface();
        String who = c == null ? "" : " \u2014 reachable from " + c.kind().reachableFrom();
        listening.setText("Listening on " + Addresses.hostPort(at) + who);
        tryIt.removeAll();
        tryIt.add(new JLabel("Try it:"));
        String host = InterfaceChoice.connectHost(at.getAddress());
        addCommand("tryTelnet", "telnet " + host + " " + at.getPort());
        addCommand("tryNc", "nc " + host + " " + at.getPort());
        if (m == Mode.HTTP) {
            String h = at.getAddress() instanceof Inet6Address ? "[" + host + "]" : host;
            addCommand("tryCurl", "curl http://" + h + ":" + at.getPort() + "/");
        }
        tryIt.setVisible(true);
        revalidate();
        repaint();
    }

    private void addCommand(String name, String command) {
        JTextField f = new JTextField(command);
        f.setName(name);
        f.setEditable(false);
        f.setColumns(command.length() - 2);
        f.getAccessibleContext().setAccessibleName("Command: " + command);
        f.setToolTipText("Run this in a terminal to connect as a client");
        f.putClientProperty("JTextField.showClearButton", false);
        JButton copy = copyButton();
        copy.setName(name + "Copy");
        copy.setToolTipText("Copy \"" + command + "\" to the clipboard");
        copy.getAccessibleContext().setAccessibleName("Copy " + command);
        copy.addActionListener(e -> {
            try {
                Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(command), null);
            } catch (IllegalStateException | SecurityException ex) {
                // clipboard busy: nothing lost, the text is selectable too
            }
        });
        tryIt.add(f);
        tryIt.add(copy, "gapright 10");
    }

    String listeningText() {
        return listening.getText();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public GreetingEditor greeting() {
        return greeting;
    }

    public Mode mode() {
        return (Mode) mode.getSelectedItem();
    }

    static javax.swing.border.Border sectionBorder(String title) {
        return BorderFactory.createTitledBorder(title);
    }
}
