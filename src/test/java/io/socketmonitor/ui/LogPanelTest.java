package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.server.ServerEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JList;
import javax.swing.JTextField;
import javax.swing.ListModel;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log keeps events and formats them when read: the lines must read exactly as the eagerly
 * made ones did, shown, filtered, bounded and saved.
 */
@GuiTest
class LogPanelTest {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    private static String at(int millis) {
        return CLOCK.format(T0.plusMillis(millis)) + "  ";
    }

    private static PeerSnapshot peer(long id, InetSocketAddress remote, CloseReason reason, long out) {
        return new PeerSnapshot(id, remote, LOCAL, T0, 0, out, reason, reason == null ? null : T0, null);
    }

    /** Events and, beside each, the line the log printed for it before lines were made lazily. */
    private static final List<Object[]> SAMPLES = List.of(
            new Object[] {new ServerEvent.Listening(T0, LOCAL, ServerConfig.defaults().withMode(Mode.KEEP_OPEN)),
                at(0) + "Listening on 127.0.0.1:8080 for connections (mode: keep-open)"},
            new Object[] {new ServerEvent.Connected(T0.plusMillis(1),
                    peer(7, new InetSocketAddress("127.0.0.1", 46930), null, 0)),
                at(1) + "Connected to ('127.0.0.1', 46930)  #7"},
            new Object[] {new ServerEvent.Sent(T0.plusMillis(2), 7, 18), at(2) + "S: sent 18 bytes to #7"},
            new Object[] {new ServerEvent.Received(T0.plusMillis(3), 7, 5, "hello"),
                at(3) + "R: received 5 bytes from #7: hello"},
            // from another peer: #7's reads one after the other would merge into one line
            new Object[] {new ServerEvent.Received(T0.plusMillis(4), 8, 2, ""), at(4) + "R: received 2 bytes from #8"},
            new Object[] {new ServerEvent.Connected(T0.plusMillis(5),
                    peer(8, new InetSocketAddress("::1", 50001), null, 0)),
                at(5) + "Connected to ('::1', 50001, 0, 0)  #8"},
            new Object[] {new ServerEvent.Closed(T0.plusMillis(6),
                    peer(7, new InetSocketAddress("127.0.0.1", 46930), CloseReason.AFTER_GREETING, 18)),
                at(6) + "Closed ('127.0.0.1', 46930)  #7: closed after greeting (in 0 B, out 18 B)"},
            new Object[] {new ServerEvent.Closed(T0.plusMillis(1_007), peer(9, null, null, 21_723_745_730L)),
                at(1_007) + "Closed (?)  #9: closed (in 0 B, out 21,723,745,730 B)"},
            new Object[] {new ServerEvent.Error(T0.plusMillis(61_008), "accept failed: too many open files"),
                at(61_008) + "Error: accept failed: too many open files"},
            new Object[] {new ServerEvent.HttpRequestOutsideHttpMode(T0.plusMillis(61_009), 10,
                    new InetSocketAddress("127.0.0.1", 46931), "GET / HTTP/1.1"),
                at(61_009) + "('127.0.0.1', 46931) sent an HTTP request (GET / HTTP/1.1): curl and browsers"
                        + " need an HTTP answer. Stop the server and pick Mode \"HTTP\"."},
            new Object[] {new ServerEvent.Stopped(T0.plusMillis(3_600_009), null),
                at(3_600_009) + "Stopped"});

    private static List<ServerEvent> events() {
        List<ServerEvent> out = new ArrayList<>();
        for (Object[] s : SAMPLES) {
            out.add((ServerEvent) s[0]);
        }
        return out;
    }

    private static String expected(int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < SAMPLES.size(); i++) {
            sb.append(SAMPLES.get(i)[1]).append('\n');
        }
        return sb.toString();
    }

    private static JTextField filter(LogPanel log) {
        return Named.<JTextField>find(log, "logFilter");
    }

    private static ListModel<String> shown(LogPanel log) {
        return Named.<JList<String>>find(log, "log").getModel();
    }

    @Test
    void aLineCutAtTheEdgeShowsWholeOnHoverAndAShortOneKeepsTheHint() {
        String longLine = "Could not start: Port 18080 on 127.0.0.1 is already in use by another program"
                + " listening there. Stop it, or pick another port (0 picks a free one).";
        List<String> tips = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            log.note("short");
            log.note(longLine);
            log.setSize(500, 200);
            Layouts.layOut(log);
            JList<String> list = Named.find(log, "log");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                java.awt.Rectangle cell = list.getCellBounds(i, i);
                out.add(list.getToolTipText(new java.awt.event.MouseEvent(list, java.awt.event.MouseEvent.MOUSE_MOVED,
                        0, 0, cell.x + 10, cell.y + cell.height / 2, 0, false)));
            }
            return out;
        });
        assertThat(tips.get(0)).isEqualTo("S: what the server sent, R: what it received. Select lines and press Ctrl+C to copy them");
        assertThat(tips.get(1)).endsWith(longLine);
    }

    @Test
    void theHttpHintShowsWholeInTheLogAtTheWindowsDefaultWidth() {
        // What to do is at the end of the line: cut at the edge, the hint said what was wrong but
        // not how to fix it, unless one hovered over it.
        String[] seen = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            log.append(List.of(new ServerEvent.HttpRequestOutsideHttpMode(T0, 10,
                    new InetSocketAddress("127.0.0.1", 46931), "GET / HTTP/1.1")));
            log.setSize(WindowGeometry.DEFAULT_SIZE.width - 20, 200); // the window's edges, the scroll bar
            Layouts.layOut(log);
            JList<String> list = Named.find(log, "log");
            java.awt.Rectangle cell = list.getCellBounds(0, 0);
            return new String[] {list.getModel().getElementAt(0), list.getToolTipText(new java.awt.event.MouseEvent(list,
                    java.awt.event.MouseEvent.MOUSE_MOVED, 0, 0, cell.x + 10, cell.y + cell.height / 2, 0, false))};
        });
        assertThat(seen[0]).endsWith("Stop the server and pick Mode \"HTTP\".");
        assertThat(seen[1]).as("the hover tip, which names a line only when it is cut").isNotEqualTo(seen[0]);
    }

    @Test
    void aSmallerPanelStillShowsTheNewestLine() {
        LogPanel log = GuiActionRunner.execute(() -> new LogPanel(Runnable::run));
        javax.swing.JList<?> list = GuiActionRunner.execute(() -> Named.find(log, "log"));
        int before = GuiActionRunner.execute(() -> {
            for (int i = 0; i < 10; i++) {
                log.append(events());
            }
            log.setSize(600, 400);
            Layouts.layOut(log);
            return list.getLastVisibleIndex();
        });
        GuiActionRunner.execute(() -> {
            log.setSize(600, 150); // the window made smaller: a projector's resolution
            Layouts.layOut(log);
        });
        // A second turn of the EDT: the resize's events come first.
        int[] lastShown = GuiActionRunner.execute(() -> new int[] {before, list.getLastVisibleIndex(),
                list.getModel().getSize() - 1});
        assertThat(lastShown[0]).as("newest line shown before").isEqualTo(lastShown[2]);
        assertThat(lastShown[1]).as("newest line shown after").isEqualTo(lastShown[2]);
    }

    @Test
    void onceTheOldestLinesAreGoneTheLogSaysSoAboveTheRest() {
        String[] shown = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run, 4);
            javax.swing.JLabel dropped = Named.find(log, "logDropped");
            String before = dropped.isVisible() ? dropped.getText() : "(hidden)";
            log.append(events()); // more than 4 lines
            String after = dropped.isVisible() ? dropped.getText() : "(hidden)";
            log.clear();
            String cleared = dropped.isVisible() ? dropped.getText() : "(hidden)";
            return new String[] {before, after, cleared};
        });
        int gone = SAMPLES.size() - 4;
        assertThat(shown).containsExactly("(hidden)",
                gone + " older line" + (gone == 1 ? " is" : "s are") + " not kept: the log keeps the newest 4.",
                "(hidden)");
    }

    @Test
    void withAutoScrollOffTheLinesBeingReadStayInView() {
        int[] firstShown = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            javax.swing.JList<?> list = Named.find(log, "log");
            for (int i = 0; i < 10; i++) {
                log.append(events());
            }
            log.setSize(600, 200);
            Layouts.layOut(log);
            log.autoScrollBox().setSelected(false); // reading older lines
            list.ensureIndexIsVisible(0);
            int before = list.getFirstVisibleIndex();
            log.append(events());
            Layouts.layOut(log);
            return new int[] {before, list.getFirstVisibleIndex(), list.getLastVisibleIndex(), list.getModel().getSize() - 1};
        });
        assertThat(firstShown[0]).isZero();
        assertThat(firstShown[1]).as("first line in view after more arrive").isZero();
        assertThat(firstShown[2]).as("the newest line is not pulled into view").isLessThan(firstShown[3]);
    }

    @Test
    void aFilterThatMatchesNoLineSaysSoRatherThanShowAnEmptyLog() {
        String[] seen = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            log.append(events());
            javax.swing.JLabel remark = Named.find(log, "logDropped");
            javax.swing.JTextField filter = Named.find(log, "logFilter");
            filter.setText("no such text");
            String none = remark.isVisible() ? remark.getText() : "(hidden)";
            filter.setText("Connected");
            String some = remark.isVisible() ? remark.getText() : "(hidden)";
            return new String[] {none, some};
        });
        assertThat(seen).containsExactly("No line contains \u201Cno such text\u201D.", "(hidden)");
    }

    @Test
    void oneIsSingular() {
        assertThat(LogPanel.describe(new ServerEvent.Sent(T0, 7, 1))).isEqualTo("S: sent 1 byte to #7");
        assertThat(LogPanel.describe(new ServerEvent.Sent(T0, 7, 6, "ping\\r\\n")))
                .as("what went out, as R: shows what came in").isEqualTo("S: sent 6 bytes to #7: ping\\r\\n");
        assertThat(LogPanel.describe(new ServerEvent.Received(T0, 7, 1, "x"))).isEqualTo("R: received 1 byte from #7: x");
        assertThat(LogPanel.describe(new ServerEvent.Stopped(T0, new io.socketmonitor.server.ServerStats(1, 0, 1, 0, 0, 18, 0))))
                .as("the terminal's words").isEqualTo("Stopped: served 1, peak open 1, errors 0");
    }

    @Test
    void linesReadAsTheyAlwaysDid() {
        String text = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            log.append(events());
            return log.shownText();
        });
        assertThat(text).isEqualTo(expected(0));
    }

    /** The list's lines as kept from its events alone, as JList does; {@code rowChanges}: whether a row may change in place. */
    private static List<String> mirror(ListModel<String> model, boolean rowChanges) {
        List<String> mirror = new ArrayList<>();
        model.addListDataListener(new javax.swing.event.ListDataListener() {
            @Override
            public void intervalAdded(javax.swing.event.ListDataEvent e) {
                for (int i = e.getIndex0(); i <= e.getIndex1(); i++) {
                    mirror.add(i, model.getElementAt(i));
                }
                assertThat(mirror).hasSize(model.getSize());
            }

            @Override
            public void intervalRemoved(javax.swing.event.ListDataEvent e) {
                mirror.subList(e.getIndex0(), e.getIndex1() + 1).clear();
                assertThat(mirror).hasSize(model.getSize());
            }

            @Override
            public void contentsChanged(javax.swing.event.ListDataEvent e) {
                if (!rowChanges || e.getIndex0() != e.getIndex1()) {
                    throw new AssertionError("no bulk changes");
                }
                mirror.set(e.getIndex0(), model.getElementAt(e.getIndex0()));
            }
        });
        return mirror;
    }

    private static String joined(List<String> lines) {
        return String.join("", lines.stream().map(l -> l + "\n").toList());
    }

    @Test
    void theBoundKeepsTheNewestLinesAndTheListHearsOfEveryChange() {
        List<String> result = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run, 4);
            ListModel<String> model = shown(log);
            List<String> mirror = mirror(model, false);
            List<ServerEvent> all = events();
            log.append(all.subList(0, 3));
            log.append(all.subList(3, 5)); // one line over the bound
            log.append(all.subList(5, all.size())); // more lines than the bound in one batch
            List<String> out = new ArrayList<>();
            out.add(log.shownText());
            out.add(joined(mirror));
            out.add(String.valueOf(log.lineCount()));
            return out;
        });
        assertThat(result.get(0)).isEqualTo(expected(SAMPLES.size() - 4));
        assertThat(result.get(1)).isEqualTo(result.get(0));
        assertThat(result.get(2)).isEqualTo("4");
    }

    @Test
    void theFilterSeesTheTextAndClearingItShowsEveryKeptLine() {
        List<String> result = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            List<ServerEvent> all = events();
            log.append(all.subList(0, 4));
            filter(log).setText("#7: CLOSED");
            List<String> out = new ArrayList<>();
            out.add(log.shownText());
            log.append(all.subList(4, all.size())); // filtered as they come
            out.add(log.shownText());
            filter(log).setText("");
            out.add(log.shownText());
            log.clear();
            out.add(log.shownText());
            return out;
        });
        assertThat(result.get(0)).isEmpty();
        assertThat(result.get(1)).isEqualTo(SAMPLES.get(6)[1] + "\n");
        assertThat(result.get(2)).isEqualTo(expected(0));
        assertThat(result.get(3)).isEmpty();
    }

    /** A keep-open peer flooding the server: thousands of reads, as {@code head -c 200000000 /dev/zero | ncat} makes. */
    private static List<ServerEvent> flood(long peer, int reads, int bytesEach, int fromMillis) {
        List<ServerEvent> out = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            out.add(new ServerEvent.Received(T0.plusMillis(fromMillis).plusNanos(i * 1_000L), peer, bytesEach,
                    i == 0 ? "first" : "\\0\\0"));
        }
        return out;
    }

    private static ServerEvent connected(long id, int port, int millis) {
        return new ServerEvent.Connected(T0.plusMillis(millis), peer(id, new InetSocketAddress("127.0.0.1", port), null, 0));
    }

    @Test
    void aFloodOfReadsIsTheFirstReadAndOneLineThatGrowsAndTheConnectedLinesBeforeItStay() {
        List<String> seen = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run, 100);
            List<String> mirror = mirror(shown(log), true);
            log.append(List.of(connected(5055, 40000, 0)));
            List<ServerEvent> reads = flood(5055, 3_000, 65_536, 1);
            for (int i = 0; i < reads.size(); i += 500) { // in batches, as the window takes them
                log.append(reads.subList(i, i + 500));
            }
            javax.swing.JLabel remark = Named.find(log, "logDropped");
            return List.of(log.shownText(), remark.isVisible() ? remark.getText() : "(hidden)", joined(mirror));
        });
        assertThat(seen.get(2)).as("what the list was told").isEqualTo(seen.get(0));
        assertThat(seen.get(0)).isEqualTo(at(0) + "Connected to ('127.0.0.1', 40000)  #5055\n"
                + at(1) + "R: received 65,536 bytes from #5055: first\n"
                + at(1) + "R: received 196,542,464 bytes in 2,999 reads from #5055: \\0\\0\n");
        assertThat(seen.get(1)).as("nothing pushed out").isEqualTo("(hidden)");
    }

    @Test
    void anotherPeersLineBetweenReadsEndsTheMergeSoTheLogStillReadsInOrder() {
        String text = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            List<ServerEvent> batch = new ArrayList<>(flood(5055, 3, 10, 0));
            batch.add(connected(5056, 40001, 1));
            batch.addAll(flood(5055, 2, 10, 2));
            batch.add(new ServerEvent.Received(T0.plusMillis(3), 5056, 4, "ping"));
            batch.addAll(flood(5055, 1, 10, 4));
            log.append(batch);
            return log.shownText();
        });
        assertThat(text).isEqualTo(at(0) + "R: received 10 bytes from #5055: first\n"
                + at(0) + "R: received 20 bytes in 2 reads from #5055: \\0\\0\n"
                + at(1) + "Connected to ('127.0.0.1', 40001)  #5056\n"
                + at(2) + "R: received 10 bytes from #5055: first\n"
                + at(2) + "R: received 10 bytes from #5055: \\0\\0\n"
                + at(3) + "R: received 4 bytes from #5056: ping\n"
                + at(4) + "R: received 10 bytes from #5055: first\n");
    }

    @Test
    void anEchoedFloodIsOneLineEachWayAndANoteEndsIt() {
        String text = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            log.append(List.of(new ServerEvent.Listening(T0, LOCAL, ServerConfig.defaults().withMode(Mode.KEEP_OPEN))));
            for (int i = 0; i < 1_000; i++) { // echo: each read is sent back, one batch after another
                Instant t = T0.plusMillis(1).plusNanos(i * 1_000L);
                log.append(List.of(new ServerEvent.Received(t, 9, 8_192, "zz"), new ServerEvent.Sent(t, 9, 8_192, "zz")));
            }
            log.note("Stop pressed");
            log.append(List.of(new ServerEvent.Received(T0.plusMillis(2), 9, 1, "x")));
            return log.shownText();
        });
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[1]).isEqualTo(at(1) + "R: received 8,192 bytes from #9: zz");
        assertThat(lines[2]).isEqualTo(at(1) + "S: sent 8,192 bytes to #9: zz");
        assertThat(lines[3]).isEqualTo(at(1) + "R: received 8,183,808 bytes in 999 reads from #9: zz");
        assertThat(lines[4]).isEqualTo(at(1) + "S: sent 8,183,808 bytes in 999 writes to #9: zz");
        assertThat(lines[5]).endsWith("  Stop pressed");
        assertThat(lines[6]).isEqualTo(at(2) + "R: received 1 byte from #9: x");
    }

    @Test
    void aStudentTypingLineByLineKeepsALinePerLine() {
        String text = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            log.append(List.of(new ServerEvent.Received(T0, 7, 7, "hello\\r\\n")));
            log.append(List.of(new ServerEvent.Received(T0.plusMillis(2_500), 7, 7, "world\\r\\n")));
            return log.shownText();
        });
        assertThat(text).isEqualTo(at(0) + "R: received 7 bytes from #7: hello\\r\\n\n"
                + at(2_500) + "R: received 7 bytes from #7: world\\r\\n\n");
    }

    @Test
    void aFilteredLogFollowsTheGrowingLineAndTheSavedFileHasItsFinalText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.txt");
        List<String> seen = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            List<String> mirror = mirror(shown(log), true);
            log.append(List.of(connected(5055, 40000, 0)));
            filter(log).setText("#5055");
            List<String> out = new ArrayList<>();
            log.append(flood(5055, 2, 100, 1));
            out.add(log.shownText());
            log.append(flood(5055, 3, 100, 1).subList(1, 3));
            out.add(log.shownText());
            out.add(joined(mirror));
            filter(log).setText("3 reads"); // matches the line as it is now, not as it was
            out.add(log.shownText());
            log.save(file);
            return out;
        });
        String first = at(1) + "R: received 100 bytes from #5055: first\n";
        String merged = at(1) + "R: received 300 bytes in 3 reads from #5055: \\0\\0\n";
        assertThat(seen.get(0)).isEqualTo(at(0) + "Connected to ('127.0.0.1', 40000)  #5055\n" + first
                + at(1) + "R: received 100 bytes from #5055: \\0\\0\n");
        assertThat(seen.get(1)).isEqualTo(at(0) + "Connected to ('127.0.0.1', 40000)  #5055\n" + first + merged);
        assertThat(seen.get(2)).as("what the list was told").isEqualTo(seen.get(1));
        assertThat(seen.get(3)).isEqualTo(merged);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).last().asString()
                .endsWith("  R: received 300 bytes in 3 reads from #5055: \\0\\0");
    }

    @Test
    void greetAndCloseLeavesOutTheSentLines() {
        String text = GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            log.append(List.of(new ServerEvent.Listening(T0, LOCAL, ServerConfig.defaults().withMode(Mode.CLOSE)),
                    new ServerEvent.Sent(T0, 7, 18)));
            return log.shownText();
        });
        assertThat(text).isEqualTo(at(0) + "Listening on 127.0.0.1:8080 for connections (mode: close)\n");
    }

    @Test
    void saveWritesEveryKeptLineNotOnlyTheFilteredOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.txt");
        GuiActionRunner.execute(() -> {
            LogPanel log = new LogPanel(Runnable::run);
            log.append(events());
            log.note("Could not start: port in use");
            filter(log).setText("Error");
            log.save(file);
            return null;
        });
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        String sep = System.lineSeparator();
        String[] lines = saved.split(java.util.regex.Pattern.quote(sep), -1);
        assertThat(lines).hasSize(SAMPLES.size() + 2); // every line, the note, and the final separator
        // A file outlives the day: each line as shown, with its date before it.
        String day = DateTimeFormatter.ofPattern("yyyy-MM-dd ").withZone(ZoneId.systemDefault()).format(T0);
        assertThat(String.join("\n", List.of(lines).subList(0, SAMPLES.size())) + "\n")
                .isEqualTo(expected(0).lines().map(l -> day + l + "\n").collect(java.util.stream.Collectors.joining()));
        assertThat(lines[SAMPLES.size()]).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  Could not start: port in use");
        assertThat(lines[SAMPLES.size() + 1]).isEmpty();
    }

    @Test
    void aSavedLogThatLostItsOldestLinesSaysSoInTheFileAndTheWindow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.txt");
        LogPanel log = GuiActionRunner.execute(() -> {
            LogPanel l = new LogPanel(Runnable::run, 4);
            l.append(events()); // more than 4
            l.save(file);
            return l;
        });
        int letGo = SAMPLES.size() - 4;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("(" + letGo + " older lines are not kept: the log keeps the last 4.)");
        assertThat(GuiActionRunner.execute(() -> ((javax.swing.JLabel) Named.find(log, "logInfo")).getText()))
                .isEqualTo("Saved 4 lines to " + file + " (" + letGo + " older lines are not kept: the log keeps the last 4).");
    }
}
