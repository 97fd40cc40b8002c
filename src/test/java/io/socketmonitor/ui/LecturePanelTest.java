package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.server.ServerEvent;
import java.awt.Container;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JLabel;
import javax.swing.JPanel;
import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.UIManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** The lecture's steps follow the latest connection, and a batch sets each text once. */
@GuiTest
class LecturePanelTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    private static List<ServerEvent> connection(long id, int port) {
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", port);
        Instant t = Instant.now();
        return List.of(
                new ServerEvent.Connected(t, new PeerSnapshot(id, remote, LOCAL, t, 0, 0, null, null, null)),
                new ServerEvent.Sent(t, id, 18),
                new ServerEvent.Closed(t, new PeerSnapshot(id, remote, LOCAL, t, 0, 18, CloseReason.AFTER_GREETING, t, null)));
    }

    private static final InetSocketAddress PEER_ONE = new InetSocketAddress("127.0.0.1", 40_001);

    /** A lecture whose server listens in {@code mode} and has just accepted peer #1; on the EDT. */
    private static LecturePanel listeningWithPeerOne(Mode mode) {
        LecturePanel lecture = new LecturePanel();
        Instant t = Instant.now();
        lecture.onEvents(List.of(new ServerEvent.Listening(t, LOCAL, ServerConfig.defaults().withMode(mode)),
                new ServerEvent.Connected(t, new PeerSnapshot(1, PEER_ONE, LOCAL, t, 0, 0, null, null, null))));
        return lecture;
    }

    private static JLabel label(Container c, String name) {
        return Named.find(c, name);
    }

    @Test
    void aBatchOfWholeConnectionsShowsTheLatestAndSetsEachTextOnce() {
        List<String> result = GuiActionRunner.execute(() -> {
            LecturePanel lecture = new LecturePanel();
            lecture.onEvents(List.of(new ServerEvent.Listening(Instant.now(), LOCAL, ServerConfig.defaults())));
            List<ServerEvent> first = new ArrayList<>(connection(1, 40_001));
            first.addAll(connection(2, 40_002));
            lecture.onEvents(first);
            List<String> changes = new ArrayList<>();
            for (String name : List.of("code.accept", "code.send", "code.close", "lectureLatest")) {
                label(lecture, name).addPropertyChangeListener("text", e -> changes.add(name));
            }
            List<ServerEvent> second = new ArrayList<>(connection(3, 40_003));
            second.addAll(connection(4, 40_004));
            lecture.onEvents(second, false); // as the window calls it for a batch without start or stop
            List<String> out = new ArrayList<>();
            out.add(String.join(",", changes));
            for (String name : List.of("code.accept", "code.send", "code.close", "lectureLatest")) {
                out.add(label(lecture, name).getText());
            }
            out.add(lecture.isLit(LecturePanel.Step.ACCEPT) + " " + lecture.isLit(LecturePanel.Step.SEND) + " "
                    + lecture.isLit(LecturePanel.Step.RECEIVE) + " " + lecture.isLit(LecturePanel.Step.CLOSE));
            return out;
        });
        // only the texts that differ from the last batch's end change, once each
        assertThat(result.get(0)).isEqualTo("code.accept,lectureLatest");
        assertThat(result.get(1)).isEqualTo("conn, addr = s.accept()   # addr = ('127.0.0.1', 40004)");
        assertThat(result.get(2)).isEqualTo("conn.sendall(greeting)   # 18 bytes");
        assertThat(result.get(3)).isEqualTo("conn.close()   # closed after greeting");
        assertThat(result.get(4)).isEqualTo("Latest connection: #4 from ('127.0.0.1', 40004)");
        assertThat(result.get(5)).isEqualTo("true true false true");
    }

    @Test
    void aLightComingOnBoldsItsTitleWithoutLayingTheLectureOut() {
        List<Object> seen = GuiActionRunner.execute(() -> {
            LecturePanel lecture = listeningWithPeerOne(Mode.CLOSE);
            javax.swing.JFrame frame = new javax.swing.JFrame("lecture");
            try {
                frame.add(new javax.swing.JScrollPane(lecture));
                frame.pack();
                frame.validate();
                JLabel close = label(lecture, "step.close");
                List<Object> out = new ArrayList<>(List.of(lecture.isLit(LecturePanel.Step.CLOSE), close.getFont().isBold()));
                Instant t = Instant.now();
                lecture.onEvents(List.of(new ServerEvent.Sent(t, 1, 18), new ServerEvent.Closed(t,
                        new PeerSnapshot(1, PEER_ONE, LOCAL, t, 0, 18, CloseReason.AFTER_GREETING, t, null))));
                // asked in the same EDT turn, before the repaint manager lays out what was invalidated
                // (the code lines' new texts may be longer; the title asked for nothing)
                out.addAll(List.of(lecture.isLit(LecturePanel.Step.CLOSE), close.getFont().isBold(), close.isValid()));
                frame.validate();
                out.add(close.getToolTipText() == null); // not cut: the bold title fits where the plain one was
                return out;
            } finally {
                frame.dispose();
            }
        });
        assertThat(seen).containsExactly(false, false, true, true, true, true);
    }

    @Test
    void largerTextReachesTheStepTitlesLitAndNot() {
        List<Float> sizes = GuiActionRunner.execute(() -> {
            UIManager.setLookAndFeel(new FlatLightLaf());
            LecturePanel lecture = listeningWithPeerOne(Mode.CLOSE); // steps 1 to 4 lit, 8 not
            try {
                Themes.textSize(4); // View > Larger text, four times
                com.formdev.flatlaf.FlatLaf.updateUI();
                javax.swing.SwingUtilities.updateComponentTreeUI(lecture); // not in a window: by hand
                return List.of(UIManager.getFont("Label.font").getSize2D(),
                        label(lecture, "step.accept").getFont().getSize2D(),
                        label(lecture, "step.close").getFont().getSize2D());
            } finally {
                Themes.textSize(0);
                com.formdev.flatlaf.FlatLaf.updateUI();
            }
        });
        assertThat(sizes.get(1)).as("a lit title").isEqualTo(sizes.get(0));
        assertThat(sizes.get(2)).as("an unlit title").isEqualTo(sizes.get(0));
    }

    @Test
    void stepFiveNamesWhatIsSentTheGreetingThenAnEcho() {
        List<String> shown = GuiActionRunner.execute(() -> {
            LecturePanel lecture = new LecturePanel();
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40_001);
            Instant t = Instant.now();
            lecture.onEvents(List.of(new ServerEvent.Listening(t, LOCAL, ServerConfig.defaults().withMode(Mode.KEEP_OPEN)),
                    new ServerEvent.Connected(t, new PeerSnapshot(1, remote, LOCAL, t, 0, 0, null, null, null)),
                    new ServerEvent.Sent(t, 1, 18)));
            List<String> out = new ArrayList<>(List.of(lecture.codeText(LecturePanel.Step.SEND)));
            lecture.onEvents(List.of(new ServerEvent.Received(t, 1, 7, "hello\r\n"), new ServerEvent.Sent(t, 1, 7)));
            out.add(lecture.codeText(LecturePanel.Step.SEND));
            lecture.onEvents(List.of(new ServerEvent.Connected(t, new PeerSnapshot(2, remote, LOCAL, t, 0, 0, null, null, null)),
                    new ServerEvent.Sent(t, 2, 18)));
            out.add(lecture.codeText(LecturePanel.Step.SEND));
            return out;
        });
        assertThat(shown).containsExactly("conn.sendall(greeting)   # 18 bytes", "conn.sendall(data)   # 7 bytes",
                "conn.sendall(greeting)   # 18 bytes");
    }

    @Test
    void anHttpErrorAnswerIsShownAsSentNotTheGreetingsOk() {
        String shown = GuiActionRunner.execute(() -> {
            LecturePanel lecture = listeningWithPeerOne(Mode.HTTP);
            Instant t = Instant.now();
            lecture.onEvents(List.of(new ServerEvent.Received(t, 1, 4, "hi"), new ServerEvent.Sent(t, 1, 250),
                    new ServerEvent.Closed(t, new PeerSnapshot(1, PEER_ONE, LOCAL, t, 4, 250, CloseReason.BAD_REQUEST, t, null))));
            return lecture.codeText(LecturePanel.Step.SEND);
        });
        assertThat(shown).isEqualTo("conn.sendall(b\"HTTP/1.1 400 Bad Request\\r\\n\u2026\")   # 250 bytes");
    }

    @Test
    void inHttpModeReceivingTheRequestIsStepFiveAndTheAnswerStepSix() {
        List<String> shown = GuiActionRunner.execute(() -> {
            LecturePanel lecture = listeningWithPeerOne(Mode.HTTP);
            Instant t = Instant.now();
            lecture.onEvents(List.of(new ServerEvent.Received(t, 1, 80, "GET / HTTP/1.1"),
                    new ServerEvent.Sent(t, 1, 142)));
            List<String> out = new ArrayList<>(onScreen(lecture));
            // back to greet and close: the lecture's order again, each step with its own code
            lecture.onEvents(List.of(new ServerEvent.Stopped(t, null),
                    new ServerEvent.Listening(t, LOCAL, ServerConfig.defaults().withMode(Mode.CLOSE))));
            out.addAll(onScreen(lecture));
            return out;
        });
        assertThat(shown).containsExactly(
                "5. Receive data", "conn.recv(1024)   # 80 bytes",
                "6. Send data", "conn.sendall(b\"HTTP/1.1 200 OK\\r\\n\u2026\")   # 142 bytes",
                "5. Send data", "conn.sendall(greeting)",
                "6. Receive data", "conn.recv(1024)   # in Keep open mode");
    }

    /** The titles and code lines of steps 5 and 6 in the order the panel shows them, top down. */
    private static List<String> onScreen(LecturePanel lecture) {
        Container steps = Named.find(lecture, "lectureSteps");
        List<String> out = new ArrayList<>();
        for (java.awt.Component c : steps.getComponents()) {
            String name = c.getName();
            if (name != null && (name.endsWith(".send") || name.endsWith(".receive"))) {
                out.add(((JLabel) c).getText());
            }
        }
        return out;
    }

    @Test
    void whatIsSentAfterTheGreetingOfAKeepOpenPeerIsData() {
        String shown = GuiActionRunner.execute(() -> {
            LecturePanel lecture = listeningWithPeerOne(Mode.KEEP_OPEN);
            Instant t = Instant.now();
            lecture.onEvents(List.of(new ServerEvent.Sent(t, 1, 18)));
            lecture.onEvents(List.of(new ServerEvent.Sent(t, 1, 5))); // Broadcast…, the peer silent
            return lecture.codeText(LecturePanel.Step.SEND);
        });
        assertThat(shown).isEqualTo("conn.sendall(data)   # 5 bytes");
    }

    @Test
    void aNewConnectionShowsNoCountsOfTheOneBefore() {
        List<String> shown = GuiActionRunner.execute(() -> {
            LecturePanel lecture = new LecturePanel();
            List<String> out = new ArrayList<>(List.of(lecture.codeText(LecturePanel.Step.SEND)));
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40_001);
            Instant t = Instant.now();
            lecture.onEvents(List.of(new ServerEvent.Listening(t, LOCAL, ServerConfig.defaults().withMode(Mode.KEEP_OPEN)),
                    new ServerEvent.Connected(t, new PeerSnapshot(1, remote, LOCAL, t, 0, 0, null, null, null)),
                    new ServerEvent.Sent(t, 1, 18), new ServerEvent.Received(t, 1, 16, "sixteen bytes..")));
            out.add(lecture.codeText(LecturePanel.Step.RECEIVE));
            lecture.onEvents(List.of(new ServerEvent.Received(t, 1, 8192, "xxxx")));
            out.add(lecture.codeText(LecturePanel.Step.RECEIVE));
            lecture.onEvents(List.of(new ServerEvent.Connected(t, new PeerSnapshot(2, remote, LOCAL, t, 0, 0, null, null, null))));
            out.add(lecture.codeText(LecturePanel.Step.SEND));
            out.add(lecture.codeText(LecturePanel.Step.RECEIVE));
            return out;
        });
        assertThat(shown).containsExactly("conn.sendall(greeting)", "conn.recv(1024)   # 16 bytes",
                "conn.recv(1024)   # 8192 bytes arrived: 1024 per call", // recv(1024) never returns 8192
                "conn.sendall(greeting)", "conn.recv(1024)");
    }

    /** The steps box with one label in it, painted whole into an image. */
    private static BufferedImage paintBox(JLabel label) {
        JPanel box = new JPanel(new java.awt.BorderLayout());
        box.setBorder(javax.swing.BorderFactory.createTitledBorder("The server's steps, live"));
        box.add(label);
        box.setSize(420, 60);
        box.doLayout();
        BufferedImage img = new BufferedImage(420, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        box.paint(g);
        g.dispose();
        return img;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void aLiveLabelPaintsExactlyWhatAPlainLabelDidAndCoversItsWholeArea() throws Exception {
        for (javax.swing.LookAndFeel laf : List.of(new FlatLightLaf(), new FlatDarkLaf())) {
            List<Object> result = GuiActionRunner.execute(() -> {
                UIManager.setLookAndFeel(laf);
                String text = "conn, addr = s.accept()   # addr = ('127.0.0.1', 46930)";
                BufferedImage plain = paintBox(new JLabel(text));
                LiveLabel live = new LiveLabel(text);
                BufferedImage withLive = paintBox(live);
                // repainted alone, as the repaint manager does for an opaque component: nothing
                // of what was under it may show through
                BufferedImage alone = new BufferedImage(live.getWidth(), live.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = alone.createGraphics();
                g.setColor(Color.MAGENTA);
                g.fillRect(0, 0, alone.getWidth(), alone.getHeight());
                live.paint(g);
                g.dispose();
                BufferedImage region = withLive.getSubimage(live.getX(), live.getY(), live.getWidth(), live.getHeight());
                BufferedImage regionCopy = new BufferedImage(region.getWidth(), region.getHeight(), BufferedImage.TYPE_INT_RGB);
                regionCopy.getGraphics().drawImage(region, 0, 0, null);
                return List.of(java.util.Arrays.equals(pixels(plain), pixels(withLive)),
                        java.util.Arrays.equals(pixels(alone), pixels(regionCopy)), live.isOpaque());
            });
            assertThat(result).as(laf.getName()).containsExactly(true, true, true);
        }
        GuiActionRunner.execute(() -> UIManager.setLookAndFeel(new FlatLightLaf()));
    }

    @Test
    void aStopBeforeTheBatchsLatestConnectionIsSeen() {
        List<String> result = GuiActionRunner.execute(() -> {
            LecturePanel lecture = new LecturePanel();
            List<ServerEvent> batch = new ArrayList<>();
            batch.add(new ServerEvent.Listening(Instant.now(), LOCAL, ServerConfig.defaults()));
            batch.addAll(connection(1, 40_001));
            batch.add(new ServerEvent.Stopped(Instant.now(), null));
            batch.add(new ServerEvent.Listening(Instant.now(), new InetSocketAddress("127.0.0.1", 9090),
                    ServerConfig.defaults()));
            batch.add(connection(2, 40_002).get(0));
            lecture.onEvents(batch);
            return List.of(label(lecture, "code.bind").getText(), label(lecture, "lectureLatest").getText(),
                    lecture.isLit(LecturePanel.Step.BIND) + " " + lecture.isLit(LecturePanel.Step.CLOSE));
        });
        assertThat(result).containsExactly("s.bind((\"127.0.0.1\", 9090))",
                "Latest connection: #2 from ('127.0.0.1', 40002)", "true false");
    }

    @Test
    void inANarrowTabEveryBoxFitsAndTheExplanationWrapsInsideIt() {
        List<String> outside = GuiActionRunner.execute(() -> {
            LecturePanel lecture = new LecturePanel();
            javax.swing.JScrollPane tab = new javax.swing.JScrollPane(lecture);
            tab.setSize(220, 600);
            Layouts.layOut(tab);
            int width = tab.getViewport().getWidth();
            List<String> out = new ArrayList<>();
            collectOutside(lecture, lecture, width, out);
            return out;
        });
        assertThat(outside).as("parts of the lecture beyond the tab's right edge").isEmpty();
    }

    /** Every visible component whose right edge lies beyond {@code width}, in lecture coordinates. */
    private static void collectOutside(Container root, Container c, int width, List<String> out) {
        for (java.awt.Component child : c.getComponents()) {
            java.awt.Rectangle r = javax.swing.SwingUtilities.convertRectangle(c, child.getBounds(), root);
            if (child.isVisible() && r.x + r.width > width) {
                out.add((child.getName() != null ? child.getName() : child.getClass().getSimpleName())
                        + " ends at " + (r.x + r.width) + " > " + width);
            }
            if (child instanceof Container inner && !(child instanceof javax.swing.JTable)) {
                collectOutside(root, inner, width, out);
            }
        }
    }

    @Test
    void aCutStepTitleShowsWholeOnHover() {
        String tip = GuiActionRunner.execute(() -> {
            LecturePanel lecture = new LecturePanel();
            javax.swing.JScrollPane tab = new javax.swing.JScrollPane(lecture);
            tab.setSize(150, 600);
            Layouts.layOut(tab);
            return label(lecture, "step.shutdown").getToolTipText();
        });
        assertThat(tip).isEqualTo("7. Shutdown (notify the connected client)");
    }

    @Test
    void shutdownAndCloseAreTwoStepsAsInTheLectureAndAStopClearsTheLastConnectionsCounts() {
        List<String> shown = GuiActionRunner.execute(() -> {
            LecturePanel lecture = new LecturePanel();
            lecture.onEvents(List.of(new ServerEvent.Listening(Instant.now(), LOCAL, ServerConfig.defaults())));
            List<String> out = new ArrayList<>(List.of(lecture.codeText(LecturePanel.Step.RECEIVE)));
            lecture.onEvents(connection(1, 40_001));
            out.add(lecture.isLit(LecturePanel.Step.SHUTDOWN) + " " + lecture.codeText(LecturePanel.Step.SHUTDOWN));
            out.add(lecture.isLit(LecturePanel.Step.CLOSE) + " " + lecture.codeText(LecturePanel.Step.CLOSE));
            // A reset ends without the server's FIN: close lights, shutdown does not.
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40_002);
            Instant t = Instant.now();
            lecture.onEvents(List.of(new ServerEvent.Connected(t, new PeerSnapshot(2, remote, LOCAL, t, 0, 0, null, null, null)),
                    new ServerEvent.Closed(t, new PeerSnapshot(2, remote, LOCAL, t, 0, 0, CloseReason.RESET, t, null))));
            out.add(lecture.isLit(LecturePanel.Step.SHUTDOWN) + " " + lecture.isLit(LecturePanel.Step.CLOSE));
            lecture.onEvents(List.of(new ServerEvent.Stopped(t, null)));
            out.add(lecture.codeText(LecturePanel.Step.ACCEPT) + " | " + lecture.codeText(LecturePanel.Step.CLOSE));
            return out;
        });
        assertThat(shown).containsExactly("conn.recv(1024)   # in Keep open mode",
                "true conn.shutdown(SHUT_WR)   # FIN: no more data from us",
                "true conn.close()   # closed after greeting",
                "false true",
                "conn, addr = s.accept() | conn.close()");
    }

    @Test
    void aCarrierGradeNatAddressIsNotCalledALocalNetworksOne() throws Exception {
        String shared = LecturePanel.explain(InterfaceChoice.of(java.net.InetAddress.getByName("100.101.102.103")));
        String lan = LecturePanel.explain(InterfaceChoice.of(java.net.InetAddress.getByName("192.168.1.5")));
        assertThat(shared).contains("shared address space").contains("Tailscale").doesNotContain("192.168/16");
        assertThat(lan).contains("<b>private</b>").contains("local network can connect");
    }

    @Test
    void theSetupLinesShowSoReuseAddrAlwaysAndV6OnlyForTheDualStackWildcard() throws Exception {
        List<Boolean> shown = GuiActionRunner.execute(() -> {
            LecturePanel lecture = new LecturePanel();
            List<Boolean> out = new ArrayList<>();
            for (String a : List.of("127.0.0.1", "::", "::1")) {
                java.net.InetAddress addr = java.net.InetAddress.getByName(a);
                lecture.showAddress(InterfaceChoice.of(addr), 8080);
                out.add(label(lecture, "code.reuse").isVisible());
                out.add(label(lecture, "code.v6only").isVisible());
            }
            return out;
        });
        assertThat(shown).containsExactly(true, false, true, true, true, false);
    }

    @Test
    void aLineCutAtThePanelsEdgeShowsWholeOnHover() {
        List<String> tips = GuiActionRunner.execute(() -> {
            String text = "conn, addr = s.accept()   # addr = ('192.168.100.200', 46930)";
            List<String> out = new ArrayList<>();
            for (int parentWidth : new int[] {200, 2000}) {
                LiveLabel live = new LiveLabel(text);
                JPanel parent = new JPanel(null);
                parent.setSize(parentWidth, 40);
                live.setBounds(0, 0, live.getPreferredSize().width, live.getPreferredSize().height);
                parent.add(live); // laid out at its whole width, clipped by the narrow parent
                out.add(live.getToolTipText());
            }
            return out;
        });
        assertThat(tips).containsExactly("conn, addr = s.accept()   # addr = ('192.168.100.200', 46930)", null);
    }

    @Test
    void aCodeLineTooWideForTheTabShowsItsCommentOnALineOfItsOwn() {
        LecturePanel lecture = GuiActionRunner.execute(() -> listeningWithPeerOne(Mode.CLOSE));
        // The tab is resized, not the frame: on a real display a frame's new size comes back from
        // the X server later, and the size it was shown at could still overrule it.
        javax.swing.JScrollPane tab = GuiActionRunner.execute(() -> new javax.swing.JScrollPane(lecture));
        javax.swing.JFrame frame = GuiActionRunner.execute(() -> {
            javax.swing.JFrame f = new javax.swing.JFrame("lecture");
            f.getContentPane().setLayout(null);
            f.getContentPane().add(tab);
            tab.setBounds(0, 0, 1200, 650); // wide: every line whole on one line
            f.setSize(1240, 700);
            f.setVisible(true);
            return f;
        });
        try {
            JLabel accept = label(lecture, "code.accept");
            JLabel bind = label(lecture, "code.bind");
            assertThat(GuiActionRunner.execute(accept::getText))
                    .isEqualTo("conn, addr = s.accept()   # addr = ('127.0.0.1', 40001)");
            await().atMost(Duration.ofSeconds(5)).until(() -> GuiActionRunner.execute(
                    () -> accept.getHeight() > 0 && accept.getHeight() == bind.getHeight()));
            assertThat(GuiActionRunner.execute(() -> ((LiveLabel) accept).twoLines())).isFalse();

            // The lecture tab at the window's default size: the one line no longer fits; before,
            // it was cut just where the connection's address begins.
            GuiActionRunner.execute(() -> {
                int oneLine = accept.getPreferredSize().width;
                tab.setBounds(0, 0, oneLine - 40, 650);
                tab.validate();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> GuiActionRunner.execute(
                    () -> accept.getHeight() >= 2 * bind.getHeight() - 2));
            List<Object> shown = GuiActionRunner.execute(() -> {
                LiveLabel live = (LiveLabel) accept;
                BufferedImage img = new BufferedImage(live.getWidth(), live.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                live.paint(g);
                g.dispose();
                int background = img.getRGB(img.getWidth() - 1, img.getHeight() - 1);
                return List.of(live.twoLines(), inkIn(img, 0, live.getHeight() / 2, background),
                        inkIn(img, live.getHeight() / 2, live.getHeight(), background),
                        String.valueOf(live.getToolTipText()), live.getText());
            });
            assertThat(shown).as("two lines, ink on both, nothing cut, the text unchanged")
                    .containsExactly(true, true, true, "null",
                            "conn, addr = s.accept()   # addr = ('127.0.0.1', 40001)");

            // Under a flood the text changes with every batch, with a comment and without: the
            // height stays, so the steps below do not jump (nor the lecture lay out again).
            int twoLineHeight = GuiActionRunner.execute(accept::getHeight);
            for (String text : List.of("conn, addr = s.accept()", "conn, addr = s.accept()   # addr = ('10.0.0.7', 5)")) {
                List<Object> after = GuiActionRunner.execute(() -> {
                    accept.setText(text);
                    tab.validate();
                    return List.of(accept.getHeight(), accept.getPreferredSize().height);
                });
                assertThat(after).as(text).containsExactly(twoLineHeight, twoLineHeight);
            }
            // A wide window again: one line.
            GuiActionRunner.execute(() -> {
                tab.setBounds(0, 0, 1200, 650);
                tab.validate();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> GuiActionRunner.execute(
                    () -> accept.getHeight() == bind.getHeight()));
        } finally {
            GuiActionRunner.execute(frame::dispose);
        }
    }

    /** Whether any pixel in rows [from, to) differs from the background. */
    private static boolean inkIn(BufferedImage img, int from, int to, int background) {
        for (int y = from; y < to; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != background) {
                    return true;
                }
            }
        }
        return false;
    }
}
