package io.socketmonitor.ui;

import io.socketmonitor.ui.client.ClientPanel;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerStats;
import io.socketmonitor.net.Addresses;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * The Socket Monitor window: server controls on top, the live peer table beside the lecture view,
 * the log and activity chart below, the status bar at the bottom. Server events arrive through an
 * {@link EventBatcher}; start, stop and every network command run off the EDT.
 */
public final class MainWindow {
    public static final String TITLE = "Socket Monitor";
    /** X11 WM_CLASS, so .desktop files (StartupWMClass) match the window. */
    public static final String X11_CLASS = "socket-monitor";

    private final Prefs prefs;
    private final JFrame frame = new JFrame(TITLE);
    private final ServerPanel serverPanel = new ServerPanel();
    private final PeerTableModel peers;
    private final EventBatcher batcher;
    private final ServerController controller;
    private final PeerTablePanel peerPanel;
    private final LogPanel log;
    private final StatusBar status = new StatusBar();
    private final ActivityChart chart = new ActivityChart();
    private final LecturePanel lecture = new LecturePanel();
    private final JTabbedPane sideTabs = new JTabbedPane() {
        private static final long serialVersionUID = 1L;

        /**
         * As narrow as the test client allows without scrolling sideways (at 900 px its Port
         * and buttons went past the edge), but at most 460 px at the theme's text size (more
         * with larger text), so the table keeps room too.
         */
        @Override
        public Dimension getMinimumSize() {
            Dimension min = super.getMinimumSize();
            if (clientPanel != null) {
                int chrome = 24; // the tab's border, the scroll pane's and a vertical scroll bar
                java.awt.Font f = javax.swing.UIManager.getFont("defaultFont");
                int cap = (int) (460 * (f == null ? 1.0 : Math.max(1.0, f.getSize2D() / 13.0)));
                min.width = Math.max(200, Math.min(clientPanel.getMinimumSize().width + chrome, cap));
            }
            return min;
        }
    };
    private final ClientPanel clientPanel = new ClientPanel();
    private final JTabbedPane bottomTabs = new JTabbedPane() {
        private static final long serialVersionUID = 1L;

        /** Room for three log lines at least: at 900 x 600 the log showed one. Follows the text size. */
        @Override
        public Dimension getMinimumSize() {
            Dimension min = new Dimension(200, 80);
            if (log != null && getTabCount() > 0) {
                java.awt.Rectangle tab = getUI().getTabBounds(this, 0);
                java.awt.Insets in = getInsets();
                min.height = Math.max(min.height, tab.height + in.top + in.bottom + 4 + log.heightForLines(3));
            }
            return min;
        }
    };
    private final JSplitPane peerSplit;
    private final JSplitPane mainSplit;
    private final DividerShare peerShare;
    private final DividerShare mainShare;
    private final Timer ticker;
    private final Action startStop;
    private final MainMenu menu;
    private final WindowGeometry geometry;
    private int tickCount;
    private long lastServed;
    private volatile boolean closed;
    /** Quit's write of the settings to the store, while it runs; null before Quit. */
    private volatile Thread saving;
    /**
     * Set by {@link #open}: Quit ends the program once the server has stopped and the settings
     * are written. Left to itself the JVM ended 1.3–1.9 s after the window went: AWT shuts down
     * only after a second without events, and a terminal waited that long for its prompt.
     */
    private java.util.function.IntConsumer endProgram;
    /** The store's refusal is in the log already (the check 30 s in). */
    private volatile boolean refusalReported;
    private Consumer<List<ServerEvent>> extraConsumer = b -> {};
    /** The peers whose data someone watches, each in a window of its own. */
    private final java.util.Map<Long, PeerWatchWindow> watching = new java.util.HashMap<>();

    private MainWindow(Prefs prefs, ServerConfig initial) {
        this.prefs = prefs;
        peers = new PeerTableModel(prefs.closedHistory());
        batcher = new EventBatcher(this::onBatch);
        controller = new ServerController(batcher);
        log = new LogPanel(controller::background);
        peerPanel = new PeerTablePanel(peers, controller, serverPanel::mode);
        peerPanel.onWatch(this::watch);
        frame.setName("mainWindow");
        frame.getAccessibleContext().setAccessibleName(TITLE);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.setIconImages(AppIcon.images());

        startStop = new AbstractAction("Start") {
            @Override
            public void actionPerformed(ActionEvent e) {
                toggle();
            }
        };
        startStop.putValue(Action.MNEMONIC_KEY, KeyEvent.VK_S);
        startStop.putValue(Action.ACCELERATOR_KEY, KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0));
        startStop.putValue(Action.SHORT_DESCRIPTION, "Start or stop the server (F5 or Ctrl+R)");
        serverPanel.setStartStopAction(startStop);
        serverPanel.onValidityChange(this::updateStartEnabled);
        serverPanel.onGreetingChange(controller::setGreeting);
        serverPanel.onEchoChange(controller::setEcho);
        serverPanel.onAddressChange(this::addressPlanned);

        sideTabs.setName("sideTabs");
        sideTabs.addTab("Lecture", new javax.swing.JScrollPane(lecture));
        sideTabs.setMnemonicAt(0, KeyEvent.VK_U);
        sideTabs.setToolTipTextAt(0, "The lecture's steps, live, and what the address means");
        sideTabs.addTab("Test client", new javax.swing.JScrollPane(clientPanel));
        sideTabs.setMnemonicAt(1, KeyEvent.VK_C); // not I: the greeting's Insert has it
        sideTabs.setToolTipTextAt(1, "Be the client, as telnet is in the lecture; stress the server with load modes");
        Keys.mnemonicTabTakesFocus(sideTabs);
        peerSplit = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, peerPanel, sideTabs);
        peerSplit.setName("peerSplit");
        peerSplit.setResizeWeight(0.7);
        sideTabs.setPreferredSize(new Dimension(370, 360));
        peerPanel.setPreferredSize(new Dimension(600, 300));
        peerSplit.setContinuousLayout(true);
        peerShare = DividerShare.keep(peerSplit);
        bottomTabs.setName("bottomTabs");
        bottomTabs.addTab("Log", log);
        bottomTabs.setMnemonicAt(0, KeyEvent.VK_O);
        bottomTabs.addTab("Activity", chart);
        bottomTabs.setMnemonicAt(1, KeyEvent.VK_T);
        Keys.mnemonicTabTakesFocus(bottomTabs);
        mainSplit = new JSplitPane(JSplitPane.VERTICAL_SPLIT, peerSplit, bottomTabs);
        mainSplit.setName("mainSplit");
        mainSplit.setResizeWeight(0.7);
        bottomTabs.setPreferredSize(new Dimension(700, 180));
        mainSplit.setContinuousLayout(true);
        mainShare = DividerShare.keep(mainSplit);

        frame.getContentPane().setLayout(new BorderLayout());
        frame.getContentPane().add(serverPanel, BorderLayout.NORTH);
        frame.getContentPane().add(mainSplit, BorderLayout.CENTER);
        frame.getContentPane().add(status, BorderLayout.SOUTH);
        menu = new MainMenu(frame, startStop, this::close, log, peerPanel, serverPanel, this::setTheme,
                this::changeTextSize);
        frame.setJMenuBar(menu.bar());
        installKeys();

        serverPanel.setConfig(initial);
        log.autoScrollBox().setSelected(prefs.autoScroll());
        restoreViews();
        serverPanel.showBindError(prefs.forgottenBindNote()); // null: nothing to say
        serverPanel.showStopped();
        updateTitle();
        ticker = new Timer(500, e -> tick());
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                serverPanel.focusStartStop();
            }
        });
        geometry = new WindowGeometry(prefs, frame, mainSplit, peerSplit);
        geometry.restore();
        batcher.start();
        ticker.start();
    }

    /**
     * Opens the window: call from the main thread (not the EDT). Installs the remembered theme, builds
     * the frame on the EDT and, with {@code startNow}, starts the server. Settings in {@code initial}
     * that differ from {@link ServerConfig#defaults()} (the command line's) win over remembered ones.
     */
    public static void open(ServerConfig initial, boolean startNow) {
        open(Prefs.user(), initial, null, startNow);
    }

    /** As {@link #open(ServerConfig, boolean)}, with exactly the options the user typed winning. */
    public static void open(ServerConfig initial, Set<String> givenOptions, boolean startNow) {
        open(Prefs.user(), initial, givenOptions, startNow);
    }

    static void open(Prefs prefs, ServerConfig initial, boolean startNow) {
        open(prefs, initial, null, startNow);
    }

    static void open(Prefs prefs, ServerConfig initial, Set<String> givenOptions, boolean startNow) {
        if (SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("MainWindow.open must be called off the EDT");
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw new java.awt.HeadlessException("No display: run with --headless to use Socket Monitor without a window.");
        }
        setX11ClassName();
        SwingUtilities.invokeLater(() -> {
            try {
                Themes.install(prefs.theme());
                Themes.textSize(prefs.textSize());
            } catch (RuntimeException | LinkageError e) {
                // keep the default look and feel (invokeAndWait used to catch these for us)
            }
        });
        // Meanwhile, on this thread and the other core: merging asks the network interfaces whether
        // the remembered address is still here, and the icons decode (ImageIO) off the EDT.
        ServerConfig merged = givenOptions == null ? prefs.merge(initial) : prefs.merge(initial, givenOptions);
        AppIcon.images();
        SwingUtilities.invokeLater(() -> { // after the theme: the EDT runs them in order
            MainWindow w = new MainWindow(prefs, merged);
            // SIGTERM (kill, a logout, a service manager) ends the JVM without closing the window.
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(w::onJvmExit, "socket-monitor-exit"));
            } catch (IllegalStateException exiting) {
                return; // the JVM is already shutting down: no window to show
            }
            w.endProgramOnQuit(System::exit);
            w.frame.setVisible(true);
            if (startNow) {
                w.start();
            }
            // Whether the settings can be saved at all, asked right after Java's store makes its
            // first periodic save (every 30 s from its start, a moment before the window): a
            // first save writes the store's files, some 0.3 s of CPU that would otherwise show
            // in an idle window's first seconds, and Java's save leaves ours nothing to write.
            w.checkSettingsStoreIn(30_000);
        });
    }

    /** Builds the window on the EDT without showing it; for {@link #open} and tests. */
    public static MainWindow create(Prefs prefs, ServerConfig initial) {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("MainWindow.create must run on the EDT");
        }
        return new MainWindow(prefs, prefs.merge(initial));
    }

    /** Sets sun.awt.X11.XToolkit.awtAppClassName before the first window; never fails. */
    static void setX11ClassName() {
        try {
            Toolkit tk = Toolkit.getDefaultToolkit();
            if (tk.getClass().getName().equals("sun.awt.X11.XToolkit")) {
                Field f = tk.getClass().getDeclaredField("awtAppClassName");
                f.setAccessible(true); // needs --add-opens java.desktop/sun.awt.X11 (in the jar manifest)
                f.set(null, X11_CLASS);
            }
        } catch (Throwable t) {
            // Only the desktop's window grouping suffers.
        }
    }

    public JFrame frame() {
        return frame;
    }

    /** Adds a tab beside the lecture view (e.g. the test client). */
    public void addSideTab(String title, JComponent component) {
        sideTabs.addTab(title, component);
    }

    /** Also receives every batch, after the window's own panels (e.g. for a benchmark probe). */
    void onBatches(Consumer<List<ServerEvent>> c) {
        extraConsumer = c;
    }

    PeerTableModel peerModel() {
        return peers;
    }

    ServerController controller() {
        return controller;
    }

    ServerPanel serverPanel() {
        return serverPanel;
    }

    PeerTablePanel peerPanel() {
        return peerPanel;
    }

    LogPanel logPanel() {
        return log;
    }

    LecturePanel lecture() {
        return lecture;
    }

    ActivityChart chart() {
        return chart;
    }

    StatusBar statusBar() {
        return status;
    }

    EventBatcher batcher() {
        return batcher;
    }

    /** Ctrl+R as a second start/stop key, anywhere in the window. */
    private void installKeys() {
        JComponent root = frame.getRootPane();
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK), "startStop");
        root.getActionMap().put("startStop", startStop);
        // Ctrl++ and the keypad's + and - too, as browsers and editors take them for text size.
        int menuKey = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        javax.swing.InputMap keys = root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
        keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_EQUALS, menuKey | InputEvent.SHIFT_DOWN_MASK), "largerText");
        keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_ADD, menuKey), "largerText");
        keys.put(KeyStroke.getKeyStroke(KeyEvent.VK_SUBTRACT, menuKey), "smallerText");
        root.getActionMap().put("largerText", Actions.of("Larger text", 'g', null, null, () -> changeTextSize(+1)));
        root.getActionMap().put("smallerText", Actions.of("Smaller text", 'm', null, null, () -> changeTextSize(-1)));
    }

    /**
     * {@code step} points larger (or smaller; 0: the theme's own size again), remembered; for
     * a projector at the back of a classroom.
     */
    void changeTextSize(int step) {
        int points = step == 0 ? 0
                : Math.max(Themes.MIN_TEXT_STEP, Math.min(Themes.MAX_TEXT_STEP, prefs.textSize() + step));
        prefs.textSize(points);
        Themes.textSize(points);
        com.formdev.flatlaf.FlatLaf.updateUI();
        // The dividers keep their share of the window, within what each side needs: the panels
        // above them grow with the text, and a divider left at its pixel position squeezed the
        // log away (a share kept regardless of the minimums left it no line in a small window).
        SwingUtilities.invokeLater(() -> {
            frame.validate(); // the panels' new sizes first (the server pane measures its rows again)
            mainShare.apply();
            peerShare.apply();
        });
    }

    public void setTheme(String theme) {
        Themes.apply(theme);
        prefs.theme(theme);
        menu.showTheme(theme);
    }

    /** Start when stopped, stop when listening. */
    public void toggle() {
        switch (controller.state()) {
            case STOPPED -> start();
            case RUNNING -> stop();
            default -> { /* a start or stop is under way */ }
        }
    }

    public void start() {
        ServerConfig cfg = serverPanel.config();
        if (cfg == null || controller.state() != ServerController.State.STOPPED) {
            return;
        }
        prefs.saveServerConfig(cfg);
        serverPanel.showBindError(null);
        serverPanel.showStarting();
        serverPanel.setLocked(true);
        status.setState("Starting\u2026");
        // Disabled while starting, the button loses the focus to the next control: Space pressed
        // again would type into the peer filter instead of stopping. It comes back once started.
        boolean buttonHadFocus = serverPanel.startStopHasFocus();
        startStop.setEnabled(false);
        lastServed = 0;
        chart.reset();
        controller.start(cfg, at -> {
            lastServed = 0; // a tick while starting read the last run's count
            peerPanel.clearInfo(); // "Sent 23 bytes to 1 peer." was about the run before
            serverPanel.showListening(at, cfg.mode());
            clientPanel.followServer(at);
            startStop.putValue(Action.NAME, "Stop");
            startStop.setEnabled(true);
            status.setState("Listening on " + Addresses.hostPort(at));
            lecture.showAddress(serverPanel.selectedInterface(), at.getPort());
            peerPanel.updateActions();
            updateTitle();
            if (buttonHadFocus && frame.isActive()) {
                serverPanel.focusStartStop();
            }
        }, message -> {
            serverPanel.setLocked(false);
            serverPanel.showStopped();
            serverPanel.showBindError(message);
            log.note("Could not start: " + message);
            status.setState("Stopped \u2014 could not start");
            updateStartEnabled();
            updateTitle();
            if (frame.isActive()) {
                serverPanel.focusPort(); // Start was disabled while starting: focus had gone on to the filter
            }
        });
    }

    public void stop() {
        if (controller.state() != ServerController.State.RUNNING) {
            return;
        }
        boolean buttonHadFocus = serverPanel.startStopHasFocus();
        startStop.setEnabled(false);
        status.setState("Stopping\u2026");
        controller.stop(() -> {
            afterStop();
            if (buttonHadFocus && frame.isActive() && startStop.isEnabled()) {
                serverPanel.focusStartStop();
            }
        });
    }

    private void afterStop() {
        batcher.drain(); // the last events (closes, Stopped) before the state line changes
        serverPanel.setLocked(false);
        serverPanel.showStopped();
        startStop.putValue(Action.NAME, "Start");
        status.setState("Stopped");
        updateStartEnabled();
        peerPanel.updateActions();
        updateTitle();
    }

    private void updateStartEnabled() {
        switch (controller.state()) {
            case STOPPED -> startStop.setEnabled(serverPanel.problem() == null);
            case RUNNING -> startStop.setEnabled(true);
            default -> startStop.setEnabled(false);
        }
    }

    /**
     * Where Start would listen: the lecture's bind line shows it and, until the user types a
     * target of their own, the test client aims there (not at localhost:8080 after a restart).
     */
    private void addressPlanned(InterfaceChoice choice, Integer port) {
        lecture.showAddress(choice, port);
        if (!controller.running()) {
            // A port being typed passes through other valid ports (7000 on the way to 70000):
            // while the field holds none, or 0 (any free port), the client's port stays empty.
            int known = port != null && port > 0 ? port : 0;
            clientPanel.followServer(new java.net.InetSocketAddress(choice.address(), known));
        }
    }

    /** Opens (or brings forward) the window with one peer's data; the server copies its bytes meanwhile. */
    void watch(PeerTableModel.Row peer) {
        PeerWatchWindow open = watching.get(peer.id());
        if (open != null) {
            open.toFront();
            return;
        }
        long id = peer.id();
        PeerWatchWindow w = new PeerWatchWindow(frame, id, peer.remote(),
                data -> controller.send(List.of(id), data),
                () -> {
                    watching.remove(id);
                    controller.watch(id, false);
                });
        watching.put(id, w);
        controller.watch(id, true);
        w.show(watching.size() - 1);
    }

    /** The open data windows, by peer id; for tests. */
    java.util.Map<Long, PeerWatchWindow> watchWindows() {
        return watching;
    }

    private void updateTitle() {
        InetSocketAddress at = controller.bound();
        frame.setTitle(TITLE + " \u2014 " + (controller.running() && at != null
                ? "Listening on " + Addresses.hostPort(at) : "Stopped"));
    }

    private void onBatch(List<ServerEvent> batch) {
        // One look for the rare start/stop events, so the lecture can skip all but the latest
        // connection's events and the stop handling runs only when there is a stop.
        boolean lifecycle = false;
        for (int i = 0, n = batch.size(); i < n && !lifecycle; i++) {
            ServerEvent e = batch.get(i);
            lifecycle = e instanceof ServerEvent.Stopped || e instanceof ServerEvent.Listening;
        }
        peers.apply(batch);
        log.append(batch);
        lecture.onEvents(batch, lifecycle);
        for (PeerWatchWindow w : watching.values()) {
            w.onEvents(batch);
        }
        if (lifecycle) {
            for (ServerEvent e : batch) {
                if (e instanceof ServerEvent.Stopped && controller.running()) {
                    controller.stoppedByItself();
                    afterStop();
                }
            }
        }
        extraConsumer.accept(batch);
    }

    /** Every 500 ms: durations and counters (a second's lag read as a stale count); the chart each second. */
    private void tick() {
        peerPanel.repaintDurations();
        ServerStats s = controller.stats();
        status.setCounters(peers.openCount(), s, s == null ? 0 : s.acceptsLastSecond(), s == null ? 0 : s.errors());
        if (++tickCount % 2 != 0) {
            return;
        }
        long rate = 0;
        if (s != null) {
            rate = Math.max(0, s.served() - lastServed);
            lastServed = s.served();
        }
        if (controller.running()) {
            chart.sample(rate, peers.openCount());
        }
    }

    /** The tabs, the Advanced section, the test client's own choices and the table's sort, as they were left. */
    private void restoreViews() {
        selectTab(sideTabs, prefs.tab("side"));
        selectTab(bottomTabs, prefs.tab("bottom"));
        serverPanel.showAdvanced(prefs.advancedOpen());
        String[] target = prefs.clientTarget();
        if (target != null) {
            clientPanel.restoreTypedTarget(target[0], target[1]);
        }
        clientPanel.restoreRecentServers(prefs.clientRecent());
        clientPanel.restoreLoad(prefs.loadMode(), prefs.loadOptions());
        clientPanel.restoreLoadOpen(prefs.loadOpen());
        clientPanel.showHexView(prefs.clientHexView());
        peerPanel.sortBy(prefs.tableSort(peers.getColumnCount()));
        String ending = prefs.clientLineEnding();
        if (ending != null) {
            try {
                clientPanel.lineEnding(io.socketmonitor.client.LineEnding.parse(ending));
            } catch (IllegalArgumentException damaged) {
                // keep the default
            }
        }
    }

    private static void selectTab(JTabbedPane tabs, int index) {
        if (index >= 0 && index < tabs.getTabCount()) {
            tabs.setSelectedIndex(index);
        }
    }

    private void saveViews() {
        prefs.tab("side", sideTabs.getSelectedIndex());
        prefs.tab("bottom", bottomTabs.getSelectedIndex());
        prefs.advancedOpen(serverPanel.advancedShown());
        String[] target = clientPanel.typedTarget();
        prefs.clientTarget(target == null ? null : target[0], target == null ? null : target[1]);
        prefs.clientLineEnding(clientPanel.lineEnding().cliName());
        prefs.clientRecent(clientPanel.recentServers());
        prefs.saveLoad(clientPanel.loadMode(), clientPanel.loadOptions());
        prefs.loadOpen(clientPanel.loadOpen());
        prefs.clientHexView(clientPanel.hexViewShown());
        prefs.tableSort(peerPanel.sortKey());
    }

    /** Remembers window, splits and settings. */
    void saveState() {
        // Remembering is a courtesy: a store that refuses (removed, read-only) must not keep the
        // window open or the server listening, nor one part that fails cost the others.
        ServerConfig cfg = serverPanel.config();
        if (cfg != null) {
            bestEffort(() -> prefs.saveServerConfig(cfg));
        }
        bestEffort(geometry::save);
        bestEffort(this::saveViews);
        bestEffort(() -> prefs.autoScroll(log.autoScrollBox().isSelected()));
        bestEffort(() -> prefs.theme(Themes.current()));
        // Written to the store off the EDT (close, onJvmExit): a store that refuses makes Java
        // retry its lock for 1.5 s, which held a quitting window on screen, frozen.
    }

    /** Runs {@link #checkSettingsStore} on a thread of its own after {@code millis}; on the EDT. */
    void checkSettingsStoreIn(int millis) {
        javax.swing.Timer check = new javax.swing.Timer(millis, e -> {
            Thread t = new Thread(this::checkSettingsStore, "socket-monitor-settings-check");
            t.setDaemon(true); // a quit meanwhile writes the settings itself
            t.start();
        });
        check.setRepeats(false);
        check.start();
    }

    /**
     * Writes the settings to the store once, off the EDT, and tells the user when it refuses
     * them (a read-only home folder, a lab machine's locked profile): otherwise what they set
     * would be gone at the next start without a word. {@link #open} runs it 30 s after the
     * window shows.
     */
    void checkSettingsStore() {
        String why = prefs.flush();
        if (why != null) {
            reportIfRefused(why);
            refusalReported = true;
            Prefs.quietStoreWarnings();
            SwingUtilities.invokeLater(() -> log.note(Prefs.refusedMessage(why)));
        }
    }

    private static void bestEffort(Runnable save) {
        try {
            save.run();
        } catch (RuntimeException e) {
            System.err.println("Socket Monitor: a setting could not be remembered: " + e.getMessage());
        }
    }

    /** Saves state, stops the server (off the EDT) and disposes the window. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        saveState();
        ticker.stop();
        batcher.stop();
        new java.util.ArrayList<>(watching.values()).forEach(PeerWatchWindow::close);
        serverPanel.dispose(); // an edit's pending greeting would reach a controller shutting down
        clientPanel.dispose();
        frame.setVisible(false);
        // What saveState remembered goes to the store at once, beside the server's stop (which
        // may take seconds): a relaunch soon after reads it. Quit's end of the program waits for
        // it (2 s at most: a store that refuses gives up after 1.5 s), and so does SIGTERM's hook.
        saving = new Thread(() -> reportIfRefused(prefs.flush()), "socket-monitor-save");
        saving.start();
        java.util.function.IntConsumer end = endProgram;
        Thread t = new Thread(() -> {
            controller.shutdown(6_000); // the port free, and a log or CSV being saved written
            SwingUtilities.invokeLater(frame::dispose);
            if (end != null) {
                clientPanel.awaitSaves(30_000); // up to 16 MiB of received bytes being saved
                awaitSaving(); // the settings; a refusal is printed before the program ends
                end.accept(0);
            }
        }, "socket-monitor-shutdown");
        t.start();
    }

    /**
     * Quit (or closing the window) calls {@code exit} with 0 once the server has stopped and the
     * files and settings being saved are written, each wait bounded (6 s for the server and the
     * log or CSV saves, 30 s for received bytes, 2 s for the settings).
     */
    void endProgramOnQuit(java.util.function.IntConsumer exit) {
        endProgram = exit;
    }

    /** On the terminal, once; at Quit the window is gone, so only there. */
    private void reportIfRefused(String why) {
        if (why != null && !refusalReported) {
            System.err.println("Socket Monitor: " + Prefs.refusedMessage(why));
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * The JVM is ending without Quit (SIGTERM, a logout): remember the window's state and stop
     * the server as Quit would. Bounded: a stuck EDT gets 2 s, the server 2 s more.
     */
    void onJvmExit() {
        if (closed) {
            awaitSaving(); // Quit's save would be cut off with the JVM
            return;
        }
        java.util.concurrent.CountDownLatch saved = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean closedHere = new java.util.concurrent.atomic.AtomicBoolean();
        SwingUtilities.invokeLater(() -> {
            try {
                if (!closed) {
                    closed = true;
                    closedHere.set(true);
                    saveState();
                    ticker.stop();
                    batcher.stop(); // the server's last events would find the controller gone
                    clientPanel.dispose();
                }
            } finally {
                saved.countDown();
            }
        });
        boolean edtAnswered = false;
        try {
            edtAnswered = saved.await(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closedHere.get()) {
            reportIfRefused(prefs.flush()); // first: a service manager may not wait for the stop
        } else {
            awaitSaving(); // Quit got there first
        }
        // Quit may have got there first: it stops the server itself.
        if (closedHere.get() || !edtAnswered) {
            controller.shutdown(2_000);
        }
    }

    private void awaitSaving() {
        Thread t = saving;
        if (t != null) {
            try {
                t.join(2_000); // a store that refuses gives up after 1.5 s
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Mode mode() {
        return serverPanel.mode();
    }
}
