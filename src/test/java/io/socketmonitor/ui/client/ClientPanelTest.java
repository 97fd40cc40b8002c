package io.socketmonitor.ui.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import io.socketmonitor.ui.GuiTest;
import io.socketmonitor.client.LoadMode;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.UIManager;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pane against the app's own server on loopback, driven the way a user would. */
@GuiTest
class ClientPanelTest {
    private static final Timeout WAIT = Timeout.timeout(20_000);
    private MonitorServer server;
    private ClientPanel panel;
    private FrameFixture window;

    @BeforeAll
    static void lookAndFeel() {
        FailOnThreadViolationRepaintManager.install();
        GuiActionRunner.execute(() -> {
            UIManager.setLookAndFeel(new FlatLightLaf()); // Cacio installs Metal; the app uses FlatLaf
            return null;
        });
    }

    private void start(Mode mode) throws Exception {
        start(ServerConfig.defaults().withPort(0).withMode(mode));
    }

    private void start(ServerConfig config) throws Exception {
        server = new MonitorServer(config);
        InetSocketAddress bound = server.start();
        Robot robot = BasicRobot.robotWithNewAwtHierarchy(); // sees only windows made after it
        robot.settings().delayBetweenEvents(10);
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("client pane test");
            panel = new ClientPanel();
            panel.followServer(bound);
            f.add(panel);
            // Where AssertJ's show() puts a window (it packs it and moves it to 100,100), before
            // pack() creates it on the display, so nothing moves it later: without a window
            // manager such a move now and then left AWT and the X server disagreeing on where
            // the window was (AWT said 0,0), and every click of the test then missed it.
            f.setLocation(100, 100);
            f.pack();
            return f;
        });
        window = new FrameFixture(robot, frame);
        // The last test clicked at the same screen spot: move away first, so the new window sees
        // the pointer enter (X11 drops a press on a window the pointer never entered).
        robot.moveMouse(new java.awt.Point(1200, 900));
        window.show();
        window.focus();
        robot.waitForIdle();
        awaitPointerInput(robot);
    }

    /**
     * Checks that the new window receives the robot's presses before the test relies on them:
     * clicks the status label (which does nothing) until a press arrives, and otherwise fails
     * at once saying where AWT thinks the window and the pointer are.
     */
    private void awaitPointerInput(Robot robot) {
        JLabel status = window.label("clientStatus").target();
        AtomicInteger presses = new AtomicInteger();
        MouseAdapter counter = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                presses.incrementAndGet();
            }
        };
        GuiActionRunner.execute(() -> status.addMouseListener(counter));
        try {
            for (int attempt = 0; attempt < 3 && presses.get() == 0; attempt++) {
                robot.click(status);
                try {
                    Pause.pause(new Condition("a press on the new window") {
                        @Override
                        public boolean test() {
                            return presses.get() > 0;
                        }
                    }, Timeout.timeout(1_000));
                } catch (RuntimeException notYet) {
                    // click again
                }
            }
            String where = GuiActionRunner.execute(() -> "window at " + status.getTopLevelAncestor().getLocationOnScreen()
                    + ", label at " + status.getLocationOnScreen() + ", pointer at "
                    + java.awt.MouseInfo.getPointerInfo().getLocation());
            assertThat(presses.get()).as("presses that reached the new window (" + where + ")").isPositive();
        } finally {
            GuiActionRunner.execute(() -> status.removeMouseListener(counter));
        }
    }

    @AfterEach
    void tearDown() {
        if (window != null) {
            GuiActionRunner.execute(() -> panel.dispose());
            window.cleanUp();
        }
        if (server != null) {
            server.stop();
        }
    }

    private void waitFor(String what, BooleanSupplier check) {
        try {
            Pause.pause(new Condition(what) {
                @Override
                public boolean test() {
                    return check.getAsBoolean();
                }
            }, WAIT);
        } catch (RuntimeException e) {
            throw new AssertionError(what + " did not happen; the pane shows: [" + received() + "], status ["
                    + window.label("clientStatus").text() + "]", e);
        }
    }

    /** As the user does: the load section is hidden until Load is pressed. */
    private void openLoad() {
        window.toggleButton("clientToLoad").click();
        window.button("loadRun").requireVisible();
        GuiActionRunner.execute(() -> ((JFrame) window.target()).pack()); // this test's window has no scroll pane
        window.robot().waitForIdle();
    }

    private String received() {
        return window.textBox("clientReceived").text();
    }

    @Test
    void followsTheServerAndShowsTheLecturesSession() throws Exception {
        start(Mode.CLOSE);
        window.textBox("clientHost").requireText("127.0.0.1");
        window.textBox("clientPort").requireText(Integer.toString(server.localAddress().getPort()));

        window.button("clientConnect").click();

        waitFor("the close line", () -> received().contains("Connection closed by foreign host."));
        assertThat(received()).isEqualTo("""
                Trying 127.0.0.1...
                Connected to 127.0.0.1.
                Hello from server\\n
                Connection closed by foreign host.
                """);
        window.label("clientTimings").requireText(
                java.util.regex.Pattern.compile("connect [0-9.,]+ ms, first byte [0-9.,]+ ms later, 18 bytes received, 0 bytes sent"));
        window.button("clientConnect").requireEnabled();
        window.tabbedPane("clientViews").selectTab("Hex");
        assertThat(window.textBox("clientReceivedHex").text()).startsWith("00000000  48 65 6c 6c 6f 20");

        // A second connection: the text keeps both sessions, the hex shows this one's 18 bytes.
        window.tabbedPane("clientViews").selectTab("Text");
        window.button("clientConnect").click();
        waitFor("the second close", () -> received().indexOf("Connection closed by foreign host.")
                != received().lastIndexOf("Connection closed by foreign host."));
        window.tabbedPane("clientViews").selectTab("Hex");
        String dump = window.textBox("clientReceivedHex").text();
        assertThat(dump).doesNotContain("00000018").doesNotContain("00000020"); // 18 bytes: no line starts past them

        // As wide as a side tab in the default window, then as a wide one: the ASCII column is
        // always in view, with 8 bytes a line, then 16.
        for (int width : new int[] {430, 800}) {
            GuiActionRunner.execute(() -> {
                window.target().setSize(width, window.target().getHeight());
                window.target().validate();
            });
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
                javax.swing.JTextArea hex = (javax.swing.JTextArea) window.textBox("clientReceivedHex").target();
                javax.swing.JViewport view = (javax.swing.JViewport) hex.getParent();
                String first = GuiActionRunner.execute(() -> hex.getText().lines().findFirst().orElse(""));
                assertThat(first).as("at %d px", width).endsWith(width == 430 ? "|Hello fr|" : "|Hello from serve|");
                assertThat(GuiActionRunner.execute(() -> hex.getPreferredSize().width)).as("at %d px", width)
                        .isLessThanOrEqualTo(GuiActionRunner.execute(view::getWidth));
            });
        }
    }

    @Test
    void saveWritesTheBytesReceivedAndItsNoteGivesWayToTheConnectionsState(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        start(Mode.CLOSE);
        window.button("clientConnect").click();
        waitFor("the close line", () -> received().contains("Connection closed by foreign host."));
        String state = window.label("clientStatus").text();
        assertThat(state).isNotBlank();

        java.nio.file.Path file = dir.resolve("greeting.bin");
        GuiActionRunner.execute(() -> panel.saveTo(file.toFile()));

        waitFor("the saved note", () -> window.label("clientStatus").text().equals("Saved 18 bytes to greeting.bin."));
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("Hello from server\n");
        // A note answers the click; the line is the connection's, and says so again.
        waitFor("the state again", () -> window.label("clientStatus").text().equals(state));

        GuiActionRunner.execute(() -> panel.saveTo(dir.resolve("missing").resolve("x.bin").toFile()));
        waitFor("the failure", () -> window.label("clientStatus").text()
                .equals("Could not save x.bin: the folder " + dir.resolve("missing") + " does not exist."));
    }

    @Test
    void aSaveUnderWayIsWaitedForBeforeTheProgramEnds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        start(Mode.CLOSE);
        window.button("clientConnect").click();
        waitFor("the close line", () -> received().contains("Connection closed by foreign host."));
        // A pipe takes the bytes only once someone reads it: a save that is still writing.
        java.nio.file.Path pipe = dir.resolve("slow.bin");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        GuiActionRunner.execute(() -> panel.saveTo(pipe.toFile()));

        long t0 = System.nanoTime();
        panel.awaitSaves(300); // bounded: gives up while the write is blocked
        assertThat(System.nanoTime() - t0).as("waited, then gave up").isGreaterThanOrEqualTo(250_000_000L);
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return java.nio.file.Files.readAllBytes(pipe);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        panel.awaitSaves(20_000); // what Quit does before the program ends
        assertThat(Thread.getAllStackTraces().keySet()).as("the save has finished when it returns")
                .noneMatch(t -> t.getName().equals("client pane save") && t.isAlive());
        assertThat(read.get(20, java.util.concurrent.TimeUnit.SECONDS)).as("written whole")
                .isEqualTo("Hello from server\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        waitFor("the saved note", () -> window.label("clientStatus").text().equals("Saved 18 bytes to slow.bin."));
    }

    @Test
    void tabbingBelowTheFoldOfASmallTabScrollsTheFocusedControlIntoView() throws Exception {
        start(Mode.CLOSE);
        openLoad();
        javax.swing.JScrollPane tab = GuiActionRunner.execute(() -> {
            JFrame f = (JFrame) window.target();
            f.getContentPane().removeAll();
            javax.swing.JScrollPane sp = new javax.swing.JScrollPane(panel); // as the window's side tab holds it
            f.add(sp);
            f.setSize(450, 320);
            f.validate();
            return sp;
        });
        window.robot().waitForIdle();
        javax.swing.JComponent host = window.textBox("clientHost").target();
        GuiActionRunner.execute(() -> { // back at the top, where Load's scroll down has left
            host.requestFocusInWindow();
            panel.scrollRectToVisible(new java.awt.Rectangle(0, 0, 1, 1));
        });
        window.robot().waitForIdle();
        javax.swing.JComponent run = window.button("loadRun").target();
        assertThat(GuiActionRunner.execute(() -> tab.getViewport().getViewRect().contains(
                javax.swing.SwingUtilities.convertRectangle(run.getParent(), run.getBounds(), panel))))
                .as("Run in view before").isFalse();

        GuiActionRunner.execute(() -> run.requestFocusInWindow());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> GuiActionRunner.execute(
                () -> run.hasFocus() && tab.getViewport().getViewRect().contains(
                        javax.swing.SwingUtilities.convertRectangle(run.getParent(), run.getBounds(), panel))));
    }

    @Test
    void enterInThePortConnectsAndTheCursorWaitsInTheSendField() throws Exception {
        start(Mode.KEEP_OPEN);
        window.textBox("clientPort").focus();
        window.robot().pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        waitFor("the greeting", () -> received().contains("Hello from server"));
        waitFor("the send field focused", () -> GuiActionRunner.execute(() -> window.textBox("clientSend").target().hasFocus()));
    }

    @Test
    void sendsInKeepOpenModeAndTheServerCountsTheBytes() throws Exception {
        start(Mode.KEEP_OPEN);
        window.button("clientConnect").click();
        waitFor("the greeting", () -> received().contains("Hello from server"));

        window.comboBox("clientLineEnding").selectItem("LF (\\n)");
        window.textBox("clientSend").setText("ping\\t!");
        window.button("clientSendButton").click();

        waitFor("6 bytes at the server", () -> server.peers().size() == 1 && server.peers().get(0).bytesIn() == 7);
        waitFor("the sent line", () -> received().contains("→ sent 7 bytes: ping\\t!\\n"));
        window.textBox("clientSend").requireEmpty();

        window.button("clientDisconnect").click();
        waitFor("the close", () -> received().endsWith("Connection closed.\n"));
        waitFor("the server sees the close", () -> server.peers().isEmpty());
    }

    @Test
    void aPastedHttpRequestKeepsItsLineBreaks() throws Exception {
        start(Mode.KEEP_OPEN);
        window.button("clientConnect").click();
        waitFor("the greeting", () -> received().contains("Hello from server"));

        javax.swing.text.JTextComponent field = window.textBox("clientSend").target();
        GuiActionRunner.execute(() -> field.replaceSelection("GET / HTTP/1.1\r\nHost: x\r\n")); // what a paste does
        // Shown as the escapes it sends (requireText would read the expected text as a pattern).
        assertThat(GuiActionRunner.execute(() -> field.getText())).isEqualTo("GET / HTTP/1.1\\r\\nHost: x\\r\\n");
        window.button("clientSendButton").click(); // and CRLF after it: the blank line that ends the request

        waitFor("the request sent whole", () -> received().contains("→ sent 27 bytes: GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"));
        waitFor("27 bytes at the server", () -> server.peers().size() == 1 && server.peers().get(0).bytesIn() == 27);

        // The clipboard gives Swing every break as LF: a break becomes the ending chosen beside the field.
        window.comboBox("clientLineEnding").selectItem("LF (\\n)");
        GuiActionRunner.execute(() -> field.replaceSelection("one\r\ntwo\rthree\n"));
        assertThat(GuiActionRunner.execute(() -> field.getText())).isEqualTo("one\\ntwo\\nthree\\n");
    }

    @Test
    void xEscapesSendRawBytesAndWhatIsNotTextComesBackAsTheSameEscapes() throws Exception {
        start(ServerConfig.defaults().withPort(0).withMode(Mode.KEEP_OPEN).withEcho(true));
        window.button("clientConnect").click();
        waitFor("the greeting", () -> received().contains("Hello from server"));

        window.comboBox("clientLineEnding").selectItem("None");
        window.textBox("clientSend").setText("\\xff\\x80é");
        window.button("clientSendButton").click();

        waitFor("4 bytes at the server", () -> server.peers().size() == 1 && server.peers().get(0).bytesIn() == 4);
        // Once in the "sent" line, once as the server's echo.
        waitFor("the sent line and the echo", () -> received().split("\\\\xFF\\\\x80é", -1).length == 3);
        assertThat(received()).doesNotContain("\uFFFD");
    }

    /** A server of the test's own on loopback, to send the pane exactly the bytes a test needs. */
    private static java.net.ServerSocket rawServer() throws java.io.IOException {
        java.net.ServerSocket raw = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        raw.setSoTimeout(10_000);
        return raw;
    }

    /** Connects the pane to {@code raw}, as the user does; the server's end of it. */
    private java.net.Socket connectTo(java.net.ServerSocket raw) throws java.io.IOException {
        window.textBox("clientPort").setText(Integer.toString(raw.getLocalPort()));
        window.button("clientConnect").click();
        return raw.accept();
    }

    @Test
    void aCharacterSplitBetweenTwoReadsShowsWhole() throws Exception {
        start(Mode.CLOSE);
        try (java.net.ServerSocket raw = rawServer(); java.net.Socket peer = connectTo(raw)) {
            byte[] euro = "\u20ac!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            peer.getOutputStream().write(euro, 0, 2); // the first two of its three bytes
            peer.getOutputStream().flush();
            waitFor("the two bytes", () -> GuiActionRunner.execute(() -> panel.receivedByteCount()) == 2);
            peer.getOutputStream().write(euro, 2, euro.length - 2);
            peer.getOutputStream().flush();
            waitFor("the character", () -> received().contains("\u20ac!"));
            assertThat(received()).doesNotContain("\\xE2");
        }
    }

    @Test
    void aLineTooLongToDrawIsShownInPiecesAndKeptWholeForHexAndSave() throws Exception {
        start(Mode.CLOSE);
        String line = "0123456789".repeat(500); // drawn whole, its end would be past x = 32,767 px
        try (java.net.ServerSocket raw = rawServer(); java.net.Socket peer = connectTo(raw)) {
            peer.getOutputStream().write(line.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            peer.getOutputStream().flush();
            waitFor("the line", () -> received().replace("\n", "").contains(line));
        }
        assertThat(received().split("\n")).allSatisfy(
                viewLine -> assertThat(viewLine.length()).isLessThanOrEqualTo(io.socketmonitor.ui.LongLines.MAX_COLUMNS));
        assertThat(GuiActionRunner.execute(() -> panel.receivedByteCount())).isEqualTo(5_000);
    }

    @Test
    void runsASmallBurstAndShowsItsSummary() throws Exception {
        start(Mode.CLOSE);
        openLoad();
        GuiActionRunner.execute(() -> panel.configureLoad(LoadMode.BURST, 200, 8, 30));

        window.button("loadRun").click();

        waitFor("the burst summary", () -> window.textBox("loadSummary").text().contains("200 of 200 connections served"));
        assertThat(window.textBox("loadSummary").text()).contains("200 got a greeting; 0 failed.");
        window.button("loadRun").requireEnabled();
        window.button("loadCancel").requireDisabled();
        waitFor("the server counted them", () -> server.stats().served() == 200);
    }

    @Test
    void refusesALoadRunAgainstAnotherMachine() throws Exception {
        start(Mode.CLOSE);
        openLoad();
        window.textBox("clientHost").setText("192.0.2.10");
        window.textBox("clientPort").setText("53");

        window.button("loadRun").click();

        waitFor("the refusal", () -> window.textBox("loadSummary").text()
                .equals("Load modes only target this machine: 192.0.2.10 is not one of its addresses."));
        window.button("loadRun").requireEnabled();
    }

    @Test
    void cancelEndsAHoldRunAndClosesItsConnections() throws Exception {
        start(Mode.KEEP_OPEN);
        openLoad();
        GuiActionRunner.execute(() -> panel.configureLoad(LoadMode.HOLD, 20, 8, 600));

        window.button("loadRun").click();
        waitFor("20 held at the server", () -> server.stats().open() == 20);
        window.button("loadRun").requireDisabled();
        window.button("loadCancel").click();

        waitFor("the cancelled summary", () -> window.textBox("loadSummary").text().contains("Cancelled after"));
        assertThat(window.textBox("loadSummary").text()).contains("20 of 20 connections opened and held");
        waitFor("the server sees them go", () -> server.stats().open() == 0);
        window.button("loadRun").requireEnabled();
    }

    @Test
    void fieldsFollowTheServerUntilTheUserTypesAndTheButtonFollowsAgain() throws Exception {
        start(Mode.CLOSE);
        int port = server.localAddress().getPort();
        InetSocketAddress wildcard = new InetSocketAddress(java.net.InetAddress.getByName("0.0.0.0"), 9000);

        GuiActionRunner.execute(() -> panel.followServer(wildcard));
        window.textBox("clientHost").requireText("127.0.0.1"); // a wildcard is reached through loopback
        window.textBox("clientPort").requireText("9000");

        window.textBox("clientPort").setText(Integer.toString(port));
        GuiActionRunner.execute(() -> panel.followServer(new InetSocketAddress(
                java.net.InetAddress.getByName("::"), 9001)));
        window.textBox("clientPort").requireText(Integer.toString(port)); // the user's choice stays

        window.button("clientFollow").click();
        window.textBox("clientHost").requireText("::1");
        window.textBox("clientPort").requireText("9001");
    }

    @Test
    void aServerReachedComesBackFromTheRecentListWithDownAndEnter() throws Exception {
        start(Mode.CLOSE);
        int port = server.localAddress().getPort();
        window.button("clientRecent").requireDisabled(); // nothing reached yet

        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        window.textBox("clientPort").setText(Integer.toString(closedPort));
        window.button("clientConnect").click();
        waitFor("the refusal", () -> window.label("clientStatus").text().contains("refused"));
        window.button("clientRecent").requireDisabled(); // a server that did not answer is not listed

        window.textBox("clientPort").setText(Integer.toString(port));
        window.button("clientConnect").click();
        waitFor("the greeting", () -> received().contains("Hello from server"));
        window.button("clientRecent").requireEnabled();

        window.textBox("clientHost").setText("localhost");
        window.textBox("clientPort").setText("1");
        window.textBox("clientHost").focus();
        window.robot().pressAndReleaseKey(java.awt.event.KeyEvent.VK_DOWN);
        window.robot().waitForIdle();
        window.robot().pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        window.textBox("clientHost").requireText("127.0.0.1");
        window.textBox("clientPort").requireText(Integer.toString(port));
        assertThat(GuiActionRunner.execute(() -> panel.recentServers())).isEqualTo("127.0.0.1:" + port + "\n");
    }

    /**
     * A server that never stops sending (as {@code yes | ncat -l} does): the reader keeps pace
     * with the window instead of queueing without end, so the window answers and Disconnect works.
     */
    @Test
    void aServerThatNeverStopsSendingLeavesTheWindowAbleToDisconnect() throws Exception {
        start(Mode.CLOSE); // the pane's own server is not the one under test here
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        try (java.net.ServerSocket blaster = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                byte[] line = "the quick brown fox jumps over the lazy dog\n".repeat(1500).getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII);
                try (java.net.Socket s = blaster.accept(); java.io.OutputStream out = s.getOutputStream()) {
                    while (true) { // until the client closes: then write fails
                        out.write(line);
                        written.addAndGet(line.length);
                    }
                } catch (java.io.IOException closed) {
                    // the end of the test
                }
            }, "blaster");
            t.setDaemon(true);
            t.start();
            window.textBox("clientPort").setText(Integer.toString(blaster.getLocalPort()));
            window.button("clientConnect").click();
            waitFor("64 MiB sent", () -> written.get() > 64L * 1024 * 1024);
            // What the window has not shown yet stays bounded: TCP holds the rest in the server.
            long behind = GuiActionRunner.execute(() -> panel.bytesNotShown());
            assertThat(behind).isLessThanOrEqualTo(ClientPanel.RECEIVE_BUDGET + 64 * 1024);

            window.button("clientDisconnect").click();
            waitFor("the pane disconnected", () -> GuiActionRunner.execute(() -> window.button("clientConnect").target().isEnabled()));
            t.join(20_000);
            assertThat(t.isAlive()).as("the blaster saw the connection close").isFalse();
        }
    }
}
