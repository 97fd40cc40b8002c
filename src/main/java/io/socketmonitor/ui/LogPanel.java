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
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;

/**
 * The server's log in the lecture's words ("Listening on 127.0.0.1:8080 for connections",
 * "Connected to ('127.0.0.1', 46930)"), with timestamps, bounded in lines, with a filter,
 * auto-scroll, clear and save.
 */
public final class LogPanel extends JPanel {
    public static final int DEFAULT_MAX_LINES = 5_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final int maxLines;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final JTextArea area = new JTextArea();
    private final JTextField filter = new JTextField(14);
    private final JCheckBox autoScroll = new JCheckBox("Auto-scroll", true);
    private final JLabel info = new JLabel();
    private final Executor background;
    private int shown; // lines currently in the text area
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
        area.setName("log");
        area.getAccessibleContext().setAccessibleName("Server log");
        area.setEditable(false);
        Font mono = UIManager.getFont("monospaced.font");
        area.setFont(mono != null ? mono : new Font(Font.MONOSPACED, Font.PLAIN, area.getFont().getSize()));
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
        StringBuilder added = new StringBuilder();
        String f = filterText();
        int addedShown = 0;
        for (ServerEvent e : batch) {
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
                added.append(line).append('\n');
                addedShown++;
            }
        }
        if (addedShown > 0) {
            appendToArea(added.toString(), addedShown);
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
            appendToArea(line + "\n", 1);
        }
    }

    private void appendToArea(String text, int count) {
        area.append(text);
        shown += count;
        if (shown > maxLines) {
            int drop = shown - maxLines;
            try {
                int end = area.getLineEndOffset(drop - 1);
                area.getDocument().remove(0, end);
                shown -= drop;
            } catch (BadLocationException e) {
                // cannot happen: drop < shown lines
            }
        }
        if (autoScroll.isSelected()) {
            area.setCaretPosition(area.getDocument().getLength());
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
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String line : lines) {
            if (f.isEmpty() || line.toLowerCase(Locale.ROOT).contains(f)) {
                sb.append(line).append('\n');
                n++;
            }
        }
        area.setText(sb.toString());
        shown = n;
        if (autoScroll.isSelected()) {
            area.setCaretPosition(area.getDocument().getLength());
        }
    }

    public void clear() {
        lines.clear();
        area.setText("");
        shown = 0;
        info.setText("");
    }

    public int lineCount() {
        return lines.size();
    }

    /** The text currently shown (filtered). */
    public String shownText() {
        return area.getText();
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
}
