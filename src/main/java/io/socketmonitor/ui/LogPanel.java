package io.socketmonitor.ui;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.server.Counts;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.AbstractListModel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
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
    /** A saved file outlives the day: its lines carry the date too. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** A line of the window's own (a bind failure, say), with when it was said. */
    record Note(Instant at, String text) {
    }

    private final LogLines lines;
    private final Ring shownLines;
    private final JList<String> area;
    private final JTextField filter = new JTextField(14);
    private final JCheckBox autoScroll = new JCheckBox("Auto-scroll", true);
    private final JLabel info = new JLabel();
    private final ActionNote note = new ActionNote(info, "");
    /** Above the lines once the oldest have gone: the top line is not where the run began. */
    private final JLabel dropped = new RemarkLabel("");
    private final Executor background;
    private Mode mode = Mode.CLOSE;
    private final DataRun run = new DataRun();
    final Action clear;
    final Action save;

    public LogPanel(Executor background) {
        this(background, DEFAULT_MAX_LINES);
    }

    public LogPanel(Executor background, int maxLines) {
        super(new BorderLayout());
        this.background = background;
        setName("logPanel");
        lines = new LogLines(maxLines);
        shownLines = new Ring(maxLines);
        shownLines.showAll(lines);
        area = new JList<>(shownLines) {
            @Override
            public void updateUI() {
                putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
                super.updateUI();
                // fixed cell sizes: painting and scrolling never measure every line
                setPrototypeCellValue("00:00:00.000  Closed ('255.255.255.255', 65535)  #1000000: closed after greeting"
                        + " (in 0 B, out 18 B)   ");
            }

            /** A line cut short at the edge ("… Stop it, or pick …") shows whole on hover. */
            @Override
            public String getToolTipText(java.awt.event.MouseEvent e) {
                int i = locationToIndex(e.getPoint());
                java.awt.Rectangle cell = i < 0 ? null : getCellBounds(i, i);
                if (cell != null && cell.contains(e.getPoint())) {
                    String line = getModel().getElementAt(i);
                    java.awt.Component shown = getCellRenderer().getListCellRendererComponent(this, line, i, false, false);
                    if (shown.getPreferredSize().width > cell.intersection(getVisibleRect()).width) {
                        return line;
                    }
                }
                return super.getToolTipText(e);
            }
        };
        area.setName("log");
        area.getAccessibleContext().setAccessibleName("Server log");
        autoScroll.addActionListener(e -> scrollToEnd()); // ticked again: to the newest line at once
        area.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        area.setToolTipText("S: what the server sent, R: what it received. Select lines and press Ctrl+C to copy them");
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
        autoScroll.setToolTipText("Keep the newest line in view");
        autoScroll.getAccessibleContext().setAccessibleName("Auto-scroll");
        bar.add(autoScroll);
        JButton c = bar.add(clear);
        c.setMnemonic(0); // Alt+C was Copy's too (and cleared the log); Ctrl+L and View > Clear log remain
        c.setName("clearLog");
        c.getAccessibleContext().setAccessibleName("Clear log");
        JButton s = bar.add(save);
        s.setMnemonic(0); // Ctrl+S and File > Save log…; Alt+S is the Server menu
        s.setName("saveLog");
        s.getAccessibleContext().setAccessibleName("Save log");
        info.setName("logInfo");
        bar.add(javax.swing.Box.createHorizontalStrut(8));
        bar.add(info);
        bar.add(javax.swing.Box.createHorizontalGlue());
        filter.setName("logFilter");
        Keys.escapeClears(filter);
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
        // A smaller window (a projector's resolution) hid the newest lines until scrolled by hand.
        scroll.getViewport().addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                scrollToEnd();
            }
        });
        scroll.setName("logScroll");
        dropped.setName("logDropped");
        dropped.setBorder(javax.swing.BorderFactory.createEmptyBorder(1, 4, 1, 4));
        dropped.setVisible(false);
        scroll.setColumnHeaderView(dropped);
        add(scroll, BorderLayout.CENTER);
    }

    public JCheckBox autoScrollBox() {
        return autoScroll;
    }

    /**
     * Turns a batch of events into log lines. The lines keep the events and are formatted when
     * read ({@link #line}); only a filter makes each new line's text now, to test it. A peer's
     * consecutive reads (and writes) grow one line ({@link DataRun}): a flood costs a line, and
     * the Connected and Closed lines before it stay in the bounded log.
     */
    public void append(List<ServerEvent> batch) {
        long firstNew = lines.next();
        long firstGrown = firstNew; // the oldest line from an earlier batch that this one grew
        for (ServerEvent e : batch) {
            if (e instanceof ServerEvent.Listening l && l.config() != null) {
                mode = l.config().mode();
            }
            if (e instanceof ServerEvent.Sent && mode == Mode.CLOSE) {
                continue; // greet & close: the close line says how many bytes went out
            }
            if (!logged(e)) {
                continue;
            }
            // an event without a time is stamped now, as it arrives, not when first shown
            Instant at = e.time() == null ? Instant.now() : e.time();
            if (e instanceof ServerEvent.Received || e instanceof ServerEvent.Sent) {
                long grows = run.lineFor(e, at);
                if (grows >= 0 && lines.holds(grows)) {
                    lines.replace(grows, ((DataLine) lines.get(grows)).plus(e, at));
                    run.grew(at);
                    firstGrown = Math.min(firstGrown, grows);
                } else {
                    lines.add(DataLine.of(e, at));
                    run.started(e, at, lines.next() - 1);
                }
            } else {
                run.end();
                lines.add(e.time() == null ? new Note(at, describe(e)) : e);
            }
        }
        show(firstGrown, firstNew);
    }

    /** Adds a line of the window's own (e.g. a bind failure). */
    public void note(String text) {
        run.end();
        long n = lines.next();
        lines.add(new Note(Instant.now(), text));
        show(n, n);
    }

    /**
     * Tells the list of the lines numbered {@code firstNew} on, just added, and of those from
     * {@code firstGrown} up to them, which grew. With a filter the grown lines' old texts are taken
     * back and every line from the first grown one tested again: the grown lines are the newest
     * lines kept before this batch, so they are the list's last.
     */
    private void show(long firstGrown, long firstNew) {
        String f = filterText();
        long end = lines.next();
        if (f.isEmpty()) {
            shownLines.appended((int) (end - firstNew));
            for (long n = firstGrown; n < firstNew; n++) {
                if (lines.holds(n)) {
                    shownLines.changed(lines.index(n));
                }
            }
            if (end > firstGrown) {
                scrollToEnd();
            }
        } else {
            boolean retracted = shownLines.retractFrom(firstGrown);
            List<String> texts = new ArrayList<>();
            List<Long> numbers = new ArrayList<>();
            for (long n = Math.max(firstGrown, end - lines.size()); n < end; n++) {
                String line = lines.text(lines.index(n));
                if (line.toLowerCase(Locale.ROOT).contains(f)) {
                    texts.add(line);
                    numbers.add(n);
                }
            }
            shownLines.addAll(texts, numbers);
            if (retracted || !texts.isEmpty()) {
                scrollToEnd();
            }
        }
        showRemark();
    }

    /** The text of a kept line: its time, then a note as said or an event in the lecture's words. */
    static String line(Object entry) {
        return line(entry, TIME);
    }

    /** As the saved file has it: the date too. */
    static String fileLine(Object entry) {
        return line(entry, DATE_TIME);
    }

    private static String line(Object entry, DateTimeFormatter clock) {
        if (entry instanceof Note n) {
            return clock.format(n.at()) + "  " + n.text();
        }
        if (entry instanceof DataLine d) {
            return clock.format(d.time()) + "  " + d.describe();
        }
        ServerEvent e = (ServerEvent) entry;
        return clock.format(e.time()) + "  " + describe(e);
    }

    /** Whether {@link #describe} has words for the event (without making them). */
    private static boolean logged(ServerEvent e) {
        return e instanceof ServerEvent.Connected || e instanceof ServerEvent.Closed || e instanceof ServerEvent.Sent
                || e instanceof ServerEvent.Received || e instanceof ServerEvent.Listening
                || e instanceof ServerEvent.Error || e instanceof ServerEvent.Stopped
                || e instanceof ServerEvent.HttpRequestOutsideHttpMode;
    }

    private void scrollToEnd() {
        if (autoScroll.isSelected() && shownLines.getSize() > 0) {
            area.ensureIndexIsVisible(shownLines.getSize() - 1);
        }
    }

    /** The lecture's words for an event; null for events not worth a line. */
    static String describe(ServerEvent e) {
        if (e instanceof ServerEvent.Listening l) {
            // The terminal's words, so a student sees the same line in both.
            if (l.config() != null) {
                return io.socketmonitor.server.Lines.listening(l);
            }
            return "Listening on " + Addresses.hostPort(l.local()) + " for connections";
        } else if (e instanceof ServerEvent.Connected c) {
            return "Connected to " + tuple(c.peer()) + "  #" + c.peer().id();
        } else if (e instanceof ServerEvent.Sent || e instanceof ServerEvent.Received) {
            return DataLine.of(e, e.time()).describe();
        } else if (e instanceof ServerEvent.Closed c) {
            PeerSnapshot p = c.peer();
            return "Closed " + tuple(p) + "  #" + p.id() + ": " + (p.closeReason() == null ? "closed" : p.closeReason().text())
                    + " (in " + Counts.grouped(p.bytesIn()) + " B, out " + Counts.grouped(p.bytesOut()) + " B)";
        } else if (e instanceof ServerEvent.Error err) {
            return "Error: " + err.message();
        } else if (e instanceof ServerEvent.HttpRequestOutsideHttpMode h) {
            return io.socketmonitor.server.Lines.httpRequestOutsideHttpMode(h, "Stop the server and pick Mode \"HTTP\".");
        } else if (e instanceof ServerEvent.Stopped s) {
            return io.socketmonitor.server.Lines.summary(s.finalStats());
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
        if (f.isEmpty()) {
            shownLines.showAll(lines);
        } else {
            List<String> keep = new ArrayList<>();
            List<Long> numbers = new ArrayList<>();
            long first = lines.next() - lines.size();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.text(i);
                if (line.toLowerCase(Locale.ROOT).contains(f)) {
                    keep.add(line);
                    numbers.add(first + i);
                }
            }
            shownLines.showFiltered();
            shownLines.addAll(keep, numbers);
        }
        scrollToEnd();
        showRemark();
    }

    public void clear() {
        run.end();
        lines.clear();
        shownLines.clear();
        note.clear();
        showRemark();
    }

    /**
     * The remark above the lines: that a filter matches none of them (an empty log read as a
     * dead server), and how many older lines are gone.
     */
    private void showRemark() {
        long letGo = lines.letGo();
        boolean noMatch = !filterText().isEmpty() && shownLines.getSize() == 0 && lines.size() > 0;
        StringBuilder remark = new StringBuilder();
        if (noMatch) {
            remark.append("No line contains \u201C").append(filter.getText().strip()).append("\u201D.");
        }
        if (letGo > 0) {
            remark.append(remark.length() > 0 ? "  " : "").append(String.format("%,d older %s not kept: the log keeps"
                    + " the newest %,d.", letGo, letGo == 1 ? "line is" : "lines are", lines.capacity()));
        }
        if (remark.length() > 0 && !remark.toString().equals(dropped.getText())) {
            dropped.setText(remark.toString());
        }
        if (dropped.isVisible() != remark.length() > 0) {
            dropped.setVisible(remark.length() > 0);
        }
    }

    /** How tall the panel is with room for {@code n} lines: its toolbar, its remark, the lines. */
    public int heightForLines(int n) {
        java.awt.Component bar = ((BorderLayout) getLayout()).getLayoutComponent(BorderLayout.NORTH);
        JScrollPane scroll = (JScrollPane) ((BorderLayout) getLayout()).getLayoutComponent(BorderLayout.CENTER);
        java.awt.Insets in = scroll.getInsets();
        int row = Math.max(area.getFixedCellHeight(), 1);
        return bar.getPreferredSize().height + in.top + in.bottom + (dropped.isVisible() ? dropped.getPreferredSize().height : 0)
                + n * row;
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
        Path file = SaveChooser.choose(this, "Save log", "socket-monitor.log");
        if (file != null) {
            save(file);
        }
    }

    /** Writes every kept line (not only the filtered ones) to {@code file}, off the EDT. */
    public void save(Path file) {
        Object[] kept = lines.snapshot(); // events are immutable: formatted off the EDT
        long letGo = lines.letGo();
        int capacity = lines.capacity();
        note.working("Saving\u2026");
        background.execute(() -> {
            String result;
            try {
                Files.writeString(file, text(kept, letGo, capacity), StandardCharsets.UTF_8);
                result = String.format(Locale.ROOT, "Saved %,d %s to %s%s.", kept.length,
                        kept.length == 1 ? "line" : "lines", file, letGo == 0 ? ""
                                : String.format(Locale.ROOT, " (%,d older %s not kept: the log keeps the last %,d)",
                                        letGo, letGo == 1 ? "line is" : "lines are", capacity));
            } catch (IOException | RuntimeException e) {
                result = SaveErrors.sentence(file, e);
            }
            String r = result;
            SwingUtilities.invokeLater(() -> note.say(r));
        });
    }

    /**
     * The kept lines as the saved file reads: one per line with its date, each ended by the line
     * separator; first, when older lines were let go, a line that says so.
     */
    static String text(Object[] kept, long letGo, int capacity) {
        String sep = System.lineSeparator();
        StringBuilder sb = new StringBuilder(kept.length * 90 + 100);
        if (letGo > 0) {
            sb.append(String.format(Locale.ROOT, "(%,d older %s not kept: the log keeps the last %,d.)", letGo,
                    letGo == 1 ? "line is" : "lines are", capacity)).append(sep);
        }
        for (Object entry : kept) {
            sb.append(fileLine(entry)).append(sep);
        }
        return sb.toString();
    }

    public void focusFilter() {
        filter.requestFocusInWindow();
    }

    /**
     * The shown lines, with interval events only: without a filter a view of every kept line (no
     * copy), with one a bounded ring of the matching lines' texts. EDT only.
     */
    static final class Ring extends AbstractListModel<String> {
        private final String[] buf;
        private final long[] numbers; // with a filter: each shown line's number in the kept lines
        private int head;
        private int size;
        private LogLines all; // non-null: no filter, every kept line is shown
        private int allShown; // in that mode, the size the list was last told

        Ring(int capacity) {
            buf = new String[capacity];
            numbers = new long[capacity];
        }

        @Override
        public int getSize() {
            return all != null ? allShown : size;
        }

        @Override
        public String getElementAt(int index) {
            return all != null ? all.text(index) : buf[(head + index) % buf.length];
        }

        /** Shows every line of {@code lines}, from now on as they come ({@link #appended}). */
        void showAll(LogLines lines) {
            clear();
            all = lines;
            allShown = lines.size();
            if (allShown > 0) {
                fireIntervalAdded(this, 0, allShown - 1);
            }
        }

        /** Shows only the lines given to {@link #addAll} from now on. */
        void showFiltered() {
            clear();
            all = null;
        }

        /** Without a filter: {@code n} lines were added to the kept lines (the oldest may have gone). */
        void appended(int n) {
            if (n <= 0) {
                return;
            }
            int now = all.size();
            int drop = allShown + Math.min(n, all.capacity()) - now;
            if (drop > 0) {
                allShown -= drop; // the survivors now sit at 0.., as the list will read them
                fireIntervalRemoved(this, 0, drop - 1);
            }
            int first = allShown;
            allShown = now;
            fireIntervalAdded(this, first, now - 1);
        }

        /** Without a filter: the line at {@code index} grew. */
        void changed(int index) {
            fireContentsChanged(this, index, index);
        }

        /** With a filter: shows {@code added}, the texts of the kept lines numbered {@code lineNumbers}. */
        void addAll(List<String> added, List<Long> lineNumbers) {
            int n = added.size();
            if (n == 0) {
                return;
            }
            int from = Math.max(0, n - buf.length);
            int drop = Math.max(0, size + n - from - buf.length);
            if (drop > 0) {
                for (int i = 0; i < drop; i++) {
                    buf[(head + i) % buf.length] = null;
                }
                head = (head + drop) % buf.length;
                size -= drop;
                fireIntervalRemoved(this, 0, drop - 1);
            }
            int first = size;
            for (int i = from; i < n; i++) {
                int slot = (head + size) % buf.length;
                buf[slot] = added.get(i);
                numbers[slot] = lineNumbers.get(i);
                size++;
            }
            fireIntervalAdded(this, first, size - 1);
        }

        /**
         * With a filter: takes back the shown lines numbered {@code lineNumber} and later (lines
         * that grew, to be tested again); whether there were any.
         */
        boolean retractFrom(long lineNumber) {
            if (all != null) {
                return false;
            }
            int keep = size;
            while (keep > 0 && numbers[(head + keep - 1) % buf.length] >= lineNumber) {
                buf[(head + keep - 1) % buf.length] = null;
                keep--;
            }
            if (keep == size) {
                return false;
            }
            int old = size;
            size = keep;
            fireIntervalRemoved(this, keep, old - 1);
            return true;
        }

        void clear() {
            if (all != null) {
                if (allShown > 0) {
                    int old = allShown;
                    allShown = 0;
                    fireIntervalRemoved(this, 0, old - 1);
                }
                return;
            }
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
