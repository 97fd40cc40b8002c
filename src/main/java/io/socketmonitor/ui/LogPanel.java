package io.socketmonitor.ui;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.AbstractListModel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The server's log in the lecture's words ("Listening on 127.0.0.1:8080 for connections",
 * "Connected to ('127.0.0.1', 46930)"), with timestamps, bounded in lines, with a filter,
 * auto-scroll, clear and save. Shown in a {@link JList} with fixed cell sizes over a ring buffer,
 * so a flood of lines costs only the visible rows (a JTextArea re-measured every line and held
 * the EDT for 100 ms at 10,000 events per second).
 */
public final class LogPanel extends JPanel {
    public static final int DEFAULT_MAX_LINES = 5_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final int maxLines;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Ring shownLines;
    private final JList<String> area;
    private final JTextField filter = new JTextField(14);
    private final JCheckBox autoScroll = new JCheckBox("Auto-scroll", true);
    private final JLabel info = new JLabel();
    private final Executor background;
    private Mode mode = Mode.CLOSE;
    final Action clear;
    final Action save;

    public LogPanel(Executor background) {
        this(background, DEFAULT_MAX_LINES);
    }

    public LogPanel(Executor background, int maxLines) {
        super(new BorderLayout());
        this.background = background;
        this.maxLines = maxLines;
        setName("logPanel");
        shownLines = new Ring(maxLines);
        area = new JList<>(shownLines) {
            @Override
            public void updateUI() {
                super.updateUI();
                Font mono = UIManager.getFont("monospaced.font");
                setFont(mono != null ? mono : new Font(Font.MONOSPACED, Font.PLAIN, getFont().getSize()));
                // fixed cell sizes: painting and scrolling never measure every line
                setPrototypeCellValue("00:00:00.000  Closed ('255.255.255.255', 65535)  #1000000: closed after greeting"
                        + " (in 0 B, out 18 B)   ");
            }
        };
        area.setName("log");
        area.getAccessibleContext().setAccessibleName("Server log");
        area.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        area.setToolTipText("Select lines and press Ctrl+C to copy them");
        clear = new AbstractAction("Clear") {
            @Override
            public void actionPerformed(ActionEvent e) {
                clear();
            }
        };
        clear.putValue(Action.SHORT_DESCRIPTION, "Clear the log (Ctrl+L)");
        clear.putValue(Action.MNEMONIC_KEY, (int) 'C');
        save = new AbstractAction("Save\u2026") {
            @Override
            public void actionPerformed(ActionEvent e) {
                saveChosen();
            }
        };
        save.putValue(Action.SHORT_DESCRIPTION, "Save the log to a text file (Ctrl+S)");
        save.putValue(Action.MNEMONIC_KEY, (int) 'S');

        JToolBar bar = new JToolBar();
        bar.setName("logToolbar");
        bar.setFloatable(false);
        autoScroll.setName("autoScroll");
        autoScroll.setMnemonic('u');
        autoScroll.setToolTipText("Keep the newest line in view");
        autoScroll.getAccessibleContext().setAccessibleName("Auto-scroll");
        bar.add(autoScroll);
        JButton c = bar.add(clear);
        c.setName("clearLog");
        c.getAccessibleContext().setAccessibleName("Clear log");
        JButton s = bar.add(save);
        s.setName("saveLog");
        s.getAccessibleContext().setAccessibleName("Save log");
        info.setName("logInfo");
        bar.add(javax.swing.Box.createHorizontalStrut(8));
        bar.add(info);
        bar.add(javax.swing.Box.createHorizontalGlue());
        filter.setName("logFilter");
        filter.getAccessibleContext().setAccessibleName("Filter log");
        filter.setToolTipText("Show only lines containing this text");
        filter.putClientProperty("JTextField.placeholderText", "Filter log");
        filter.putClientProperty("JTextField.showClearButton", true);
        filter.setMaximumSize(filter.getPreferredSize());
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { rerender(); }
            @Override public void removeUpdate(DocumentEvent e) { rerender(); }
            @Override public void changedUpdate(DocumentEvent e) { rerender(); }
        });
        bar.add(filter);
        add(bar, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(area);
        scroll.setName("logScroll");
        add(scroll, BorderLayout.CENTER);
    }

    public JCheckBox autoScrollBox() {
        return autoScroll;
    }

    /** Turns a batch of events into log lines. */
    public void append(List<ServerEvent> batch) {
        java.util.List<String> added = new java.util.ArrayList<>();
        String f = filterText();
        for (ServerEvent e : batch) {
            if (e instanceof ServerEvent.Listening l && l.config() != null) {
                mode = l.config().mode();
            }
            if (e instanceof ServerEvent.Sent && mode == Mode.CLOSE) {
                continue; // greet & close: the close line says how many bytes went out
            }
            String text = describe(e);
            if (text == null) {
                continue;
            }
            String line = TIME.format(e.time() == null ? Instant.now() : e.time()) + "  " + text;
            lines.addLast(line);
            if (lines.size() > maxLines) {
                lines.removeFirst();
            }
            if (f.isEmpty() || line.toLowerCase(Locale.ROOT).contains(f)) {
                added.add(line);
            }
        }
        if (!added.isEmpty()) {
            appendToArea(added);
        }
    }

    /** Adds a line of the window's own (e.g. a bind failure). */
    public void note(String text) {
        String line = TIME.format(Instant.now()) + "  " + text;
        lines.addLast(line);
        if (lines.size() > maxLines) {
            lines.removeFirst();
        }
        String f = filterText();
        if (f.isEmpty() || line.toLowerCase(Locale.ROOT).contains(f)) {
            appendToArea(List.of(line));
        }
    }

    private void appendToArea(List<String> added) {
        shownLines.addAll(added);
        scrollToEnd();
    }

    private void scrollToEnd() {
        if (autoScroll.isSelected() && shownLines.getSize() > 0) {
            area.ensureIndexIsVisible(shownLines.getSize() - 1);
        }
    }

    /** The lecture's words for an event; null for events not worth a line. */
    static String describe(ServerEvent e) {
        if (e instanceof ServerEvent.Listening l) {
            boolean http = l.config() != null && l.config().mode() == Mode.HTTP;
            return "Listening on " + Addresses.hostPort(l.local()) + " for " + (http ? "HTTP " : "") + "connections";
        } else if (e instanceof ServerEvent.Connected c) {
            return "Connected to " + tuple(c.peer()) + "  #" + c.peer().id();
        } else if (e instanceof ServerEvent.Sent s) {
            return "S: sent " + s.bytes() + " bytes to #" + s.peerId();
        } else if (e instanceof ServerEvent.Received r) {
            return "R: received " + r.bytes() + " bytes from #" + r.peerId()
                    + (r.preview() == null || r.preview().isEmpty() ? "" : ": " + r.preview());
        } else if (e instanceof ServerEvent.Closed c) {
            PeerSnapshot p = c.peer();
            return "Closed " + tuple(p) + "  #" + p.id() + ": " + (p.closeReason() == null ? "closed" : p.closeReason().text())
                    + " (in " + p.bytesIn() + " B, out " + p.bytesOut() + " B)";
        } else if (e instanceof ServerEvent.Error err) {
            return "Error: " + err.message();
        } else if (e instanceof ServerEvent.Stopped s) {
            return "Stopped; served " + (s.finalStats() == null ? 0 : s.finalStats().served()) + " connections";
        }
        return null;
    }

    private static String tuple(PeerSnapshot p) {
        return p.remote() == null ? "(?)" : Addresses.lectureTuple(p.remote());
    }

    private String filterText() {
        return filter.getText().strip().toLowerCase(Locale.ROOT);
    }

    private void rerender() {
        String f = filterText();
        java.util.List<String> keep = new java.util.ArrayList<>();
        for (String line : lines) {
            if (f.isEmpty() || line.toLowerCase(Locale.ROOT).contains(f)) {
                keep.add(line);
            }
        }
        shownLines.clear();
        shownLines.addAll(keep);
        scrollToEnd();
    }

    public void clear() {
        lines.clear();
        shownLines.clear();
        info.setText("");
    }

    public int lineCount() {
        return lines.size();
    }

    /** The text currently shown (filtered). */
    public String shownText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shownLines.getSize(); i++) {
            sb.append(shownLines.getElementAt(i)).append('\n');
        }
        return sb.toString();
    }

    private void saveChosen() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Save log");
        chooser.setSelectedFile(new java.io.File("socket-monitor.log"));
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            save(chooser.getSelectedFile().toPath());
        }
    }

    /** Writes every kept line (not only the filtered ones) to {@code file}, off the EDT. */
    public void save(Path file) {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        info.setText("Saving\u2026");
        background.execute(() -> {
            String result;
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                result = "Saved to " + file;
            } catch (IOException | RuntimeException e) {
                result = "Could not save: " + e.getMessage();
            }
            String r = result;
            SwingUtilities.invokeLater(() -> info.setText(r));
        });
    }

    public void focusFilter() {
        filter.requestFocusInWindow();
    }

    /** The shown lines: a bounded ring with interval events only. EDT only. */
    static final class Ring extends AbstractListModel<String> {
        private final String[] buf;
        private int head;
        private int size;

        Ring(int capacity) {
            buf = new String[capacity];
        }

        @Override
        public int getSize() {
            return size;
        }

        @Override
        public String getElementAt(int index) {
            return buf[(head + index) % buf.length];
        }

        void addAll(List<String> added) {
            int n = added.size();
            if (n == 0) {
                return;
            }
            List<String> tail = n > buf.length ? added.subList(n - buf.length, n) : added;
            int drop = Math.max(0, size + tail.size() - buf.length);
            if (drop > 0) {
                for (int i = 0; i < drop; i++) {
                    buf[(head + i) % buf.length] = null;
                }
                head = (head + drop) % buf.length;
                size -= drop;
                fireIntervalRemoved(this, 0, drop - 1);
            }
            int first = size;
            for (String line : tail) {
                buf[(head + size) % buf.length] = line;
                size++;
            }
            fireIntervalAdded(this, first, size - 1);
        }

        void clear() {
            if (size > 0) {
                int old = size;
                java.util.Arrays.fill(buf, null);
                head = 0;
                size = 0;
                fireIntervalRemoved(this, 0, old - 1);
            }
        }
    }
}
