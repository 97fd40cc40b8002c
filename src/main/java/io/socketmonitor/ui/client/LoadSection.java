package io.socketmonitor.ui.client;

import static io.socketmonitor.ui.client.Named.name;

import io.socketmonitor.client.HostPort;
import io.socketmonitor.client.LoadMode;
import io.socketmonitor.client.LoadOptions;
import io.socketmonitor.client.LoadProgress;
import io.socketmonitor.client.LoadResult;
import io.socketmonitor.client.LoadRun;
import io.socketmonitor.client.LoadTarget;
import io.socketmonitor.client.NotLocalTargetException;
import io.socketmonitor.ui.PlainSpinner;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * Load and fault modes against a server on this machine: mode, counts, Run, Cancel, a progress
 * bar and the result. The run itself lives on its own thread; a Swing timer polls its latest
 * progress ten times a second while it runs.
 */
final class LoadSection extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<HostPort> target;
    private final JComboBox<LoadMode> mode = name(new JComboBox<>(LoadMode.values()), "loadMode", "Load mode");
    private final JSpinner connections = spinner("loadConnections", "Connections",
            LoadOptions.DEFAULT_CONNECTIONS, LoadOptions.MAX_CONNECTIONS);
    private final JSpinner concurrency = spinner("loadConcurrency", "Concurrency",
            LoadOptions.DEFAULT_CONCURRENCY, LoadOptions.MAX_CONCURRENCY);
    private final JSpinner duration = spinner("loadDuration", "Duration in seconds",
            LoadOptions.DEFAULT_DURATION_SECONDS, LoadOptions.MAX_DURATION_SECONDS);
    private final JSpinner interval = spinner("loadInterval", "Interval in milliseconds",
            LoadOptions.DEFAULT_INTERVAL_MILLIS, LoadOptions.MAX_INTERVAL_MILLIS);
    private final JLabel durationLabel = new JLabel("Time limit (s)");
    private final JButton run = name(new JButton("Run"), "loadRun", "Run load",
            "Start the load or fault mode against the host and port above (this machine only)");
    private final JButton cancel = name(new JButton("Cancel"), "loadCancel", "Cancel load");
    private final JProgressBar progress = name(new JProgressBar(0, 1000), "loadProgress", "Load progress");
    private final JTextArea summary = name(new JTextArea(3, 30), "loadSummary", "Load result");
    private final Timer poll = new Timer(ClientPanel.BATCH_MILLIS, e -> poll());

    // Written by the run's threads, read by the poll timer on the EDT.
    private final transient AtomicReference<LoadProgress> latest = new AtomicReference<>();
    private final transient AtomicReference<LoadRun> current = new AtomicReference<>();
    private final transient AtomicReference<String> refused = new AtomicReference<>();
    private volatile boolean cancelRequested;
    private boolean running; // EDT only

    LoadSection(Supplier<HostPort> target) {
        super(new MigLayout("insets 0, fillx, wrap 4", "[right][grow,fill][right][grow,fill]"));
        this.target = target;
        setBorder(BorderFactory.createTitledBorder("Load and fault modes (this machine only)"));
        mode.setToolTipText(describe((LoadMode) mode.getSelectedItem()));
        mode.addActionListener(e -> modeChanged());
        summary.setEditable(false);
        summary.setLineWrap(true);
        summary.setWrapStyleWord(true);
        progress.setStringPainted(true);
        progress.setString("");
        cancel.setEnabled(false);
        run.addActionListener(e -> start());
        cancel.addActionListener(e -> cancel());

        add(new JLabel("Mode"));
        add(mode, "span 3");
        add(new JLabel("Connections"));
        add(connections);
        add(new JLabel("Concurrency"));
        add(concurrency);
        add(durationLabel);
        add(duration);
        add(new JLabel("Interval (ms)"));
        add(interval);
        add(run, "span 4, split 3, sizegroup lb");
        add(cancel, "sizegroup lb");
        add(progress, "growx");
        add(ClientPanel.wheelPassing(new JScrollPane(summary)), "span 4, grow, h 60:80");
        modeChanged();
    }

    private static JSpinner spinner(String name, String accessible, int initial, int max) {
        JSpinner s = new PlainSpinner(initial, 1, max);
        ((JSpinner.DefaultEditor) s.getEditor()).getTextField().setName(name + "Text");
        return name(s, name, accessible);
    }

    private static String describe(LoadMode m) {
        return m.label() + ": " + m.description();
    }

    private void modeChanged() {
        LoadMode m = (LoadMode) mode.getSelectedItem();
        mode.setToolTipText(describe(m));
        durationLabel.setText(m.timed() ? "Duration (s)" : "Time limit (s)");
        interval.setEnabled(m == LoadMode.SLOW && !running);
        concurrency.setEnabled(!running);
    }

    /** For tests and the window: select a mode and counts without touching the spinners one by one. */
    void configure(LoadMode m, int n, int c, int seconds) {
        mode.setSelectedItem(m);
        connections.setValue(n);
        concurrency.setValue(c);
        duration.setValue(seconds);
    }

    LoadMode mode() {
        return (LoadMode) mode.getSelectedItem();
    }

    /** The numbers as shown, a number still being typed included (Ctrl+Q leaves it uncommitted). */
    LoadOptions options() {
        return new LoadOptions(committed(connections), committed(concurrency),
                Duration.ofSeconds(committed(duration)), Duration.ofMillis(committed(interval)),
                LoadOptions.DEFAULT_CONNECT_TIMEOUT);
    }

    private static int committed(JSpinner s) {
        try {
            s.commitEdit();
        } catch (java.text.ParseException notANumber) {
            // the spinner's last good value stands, as it does when focus leaves
        }
        return (Integer) s.getValue();
    }

    /** Shows remembered choices; a null mode keeps the one shown. */
    void restore(LoadMode m, LoadOptions o) {
        if (m != null) {
            mode.setSelectedItem(m);
        }
        connections.setValue(o.connections());
        concurrency.setValue(o.concurrency());
        duration.setValue((int) o.duration().toSeconds());
        interval.setValue((int) o.interval().toMillis());
    }

    private void start() {
        HostPort hp;
        try {
            hp = target.get();
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
            return;
        }
        LoadMode m = mode();
        LoadOptions options = options();
        setRunning(true);
        latest.set(null);
        current.set(null);
        refused.set(null);
        cancelRequested = false;
        progress.setValue(0);
        progress.setString("starting");
        summary.setText("Resolving " + hp.host() + "...");
        // Resolving a name may block, so it happens off the EDT, like the run itself.
        Thread starter = new Thread(() -> {
            try {
                LoadTarget t = LoadTarget.resolve(hp);
                if (cancelRequested) {
                    refused.set("Cancelled before it started.");
                    return;
                }
                LoadRun r = LoadRun.start(t, m, options, latest::set);
                current.set(r);
                if (cancelRequested) {
                    r.cancel();
                }
            } catch (NotLocalTargetException | RuntimeException e) {
                refused.set(e.getMessage());
            }
        }, "load start");
        starter.setDaemon(true);
        starter.start();
        poll.start();
    }

    /** Cancels a run in progress; harmless when none is. */
    void cancel() {
        cancelRequested = true;
        LoadRun r = current.get();
        if (r != null) {
            r.cancel();
        }
    }

    private void poll() {
        String why = refused.getAndSet(null);
        if (why != null) {
            summary.setText(why);
            progress.setString("");
            finish();
            return;
        }
        LoadProgress p = latest.get();
        if (p != null) {
            // The bar says how far; the counts go where there is room for them, whole.
            progress.setValue((int) Math.round(p.fraction() * 1000));
            progress.setString(Math.round(p.fraction() * 100) + " %");
            summary.setText(p.text());
        }
        LoadRun r = current.get();
        if (r != null && r.isDone()) {
            LoadResult result = r.result().getNow(null);
            summary.setText(result != null ? result.summary()
                    : "The load run stopped with an error: " + r.result().handle((v, e) -> e).join());
            summary.setCaretPosition(0);
            finish();
        }
    }

    private void finish() {
        poll.stop();
        setRunning(false);
    }

    private void setRunning(boolean on) {
        running = on;
        run.setEnabled(!on);
        cancel.setEnabled(on);
        mode.setEnabled(!on);
        connections.setEnabled(!on);
        duration.setEnabled(!on);
        modeChanged();
    }

    /** Focus on the mode, where a load run is set up. */
    void focusFirst() {
        mode.requestFocusInWindow();
    }

    boolean isRunning() {
        return running;
    }

    /** Stops polling and any run; for the window closing. */
    void dispose() {
        cancel();
        poll.stop();
    }
}
