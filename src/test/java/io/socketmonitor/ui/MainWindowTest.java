package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.formdev.flatlaf.FlatLaf;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.Test;

@GuiTest
class MainWindowTest extends AbstractWindowTest {

    /** Connects {@code s} to a keep-open server on 127.0.0.1 and reads the default greeting. */
    private static InputStream greeted(Socket s, int port) throws IOException {
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        assertThat(new String(in.readNBytes(18), StandardCharsets.UTF_8)).isEqualTo("Hello from server\n");
        return in;
    }

    @Test
    void startsAndStopsByButton() throws IOException {
        window.requireTitle("Socket Monitor \u2014 Stopped");
        window.label("tryItHint").requireVisible();
        int tableAt = edt(() -> main.peerPanel().getLocationOnScreen().y);
        int port = startByButton();
        window.requireTitle("Socket Monitor \u2014 Listening on 127.0.0.1:" + port);
        robot.waitForIdle();
        assertThat(edt(() -> main.peerPanel().getLocationOnScreen().y)).as("the table stays put").isEqualTo(tableAt);
        window.button("startStop").requireText("Stop");
        window.comboBox("interface").requireDisabled();
        window.spinner("port").requireDisabled();
        window.textBox("tryTelnet").requireText("telnet 127.0.0.1 " + port);
        window.textBox("tryNc").requireText("nc 127.0.0.1 " + port);
        window.button("tryTelnetCopy").click(); // ready to paste in a terminal
        await().atMost(WAIT).until(() -> edt(() -> String.valueOf(java.awt.Toolkit.getDefaultToolkit().getSystemClipboard()
                .getData(java.awt.datatransfer.DataFlavor.stringFlavor))).equals("telnet 127.0.0.1 " + port));

        assertThat(readAll(port)).isEqualTo("Hello from server\n");

        window.button("startStop").click();
        awaitStopped();
        window.button("startStop").requireText("Start");
        window.comboBox("interface").requireEnabled();
        window.label("tryItHint").requireVisible();
        assertThatThrownBy(() -> readAll(port)).isInstanceOf(ConnectException.class);

        // A second run numbers on: its first peer is #2, not a second #1 beside the first.
        int again = startByButton();
        assertThat(readAll(again)).isEqualTo("Hello from server\n");
        await().atMost(WAIT).untilAsserted(() -> assertThat(Arrays.stream(window.table("peerTable").contents())
                .map(r -> r[PeerTableModel.COL_ID])).containsExactlyInAnyOrder("1", "2"));
    }

    @Test
    @SuppressWarnings("deprecation")
    void startsAndStopsByShortcut() throws IOException {
        window.focus();
        window.pressAndReleaseKeys(KeyEvent.VK_F5);
        int port = awaitListening();
        assertThat(readAll(port)).isEqualTo("Hello from server\n");
        assertThat(edt(() -> main.lecture().codeText(LecturePanel.Step.BIND))).isEqualTo("s.bind((\"127.0.0.1\", " + port + "))");

        robot.pressAndReleaseKey(KeyEvent.VK_R, InputEvent.CTRL_MASK);
        awaitStopped();
        assertThatThrownBy(() -> readAll(port)).isInstanceOf(ConnectException.class);
        // Stopped, the lecture binds where Start would (port 0: any free one), not the run's port.
        assertThat(edt(() -> main.lecture().codeText(LecturePanel.Step.BIND))).isEqualTo("s.bind((\"127.0.0.1\", 0))");
    }

    @Test
    void spaceOnStartStartsAndSpaceAgainStopsTheFocusStaysOnTheButton() throws IOException {
        window.button("startStop").focus();
        robot.pressAndReleaseKey(KeyEvent.VK_SPACE);
        int port = awaitListening();
        await().atMost(WAIT).until(() -> edt(() -> window.button("startStop").target().isFocusOwner()));

        robot.pressAndReleaseKey(KeyEvent.VK_SPACE); // not a space typed into the peer filter
        awaitStopped();
        assertThatThrownBy(() -> readAll(port)).isInstanceOf(ConnectException.class);
        await().atMost(WAIT).until(() -> edt(() -> window.button("startStop").target().isFocusOwner()));
        window.textBox("peerFilter").requireEmpty();
    }

    @Test
    void invalidPortBlocksStartWithAMessage() {
        window.button("startStop").requireEnabled();
        int tableAt = edt(() -> main.peerPanel().getLocationOnScreen().y);
        window.textBox("portText").deleteText().enterText("70000");
        window.button("startStop").requireDisabled();
        window.label("formError").requireVisible();
        robot.waitForIdle();
        assertThat(edt(() -> main.peerPanel().getLocationOnScreen().y)).as("the message moves nothing").isEqualTo(tableAt);
        assertThat(window.label("formError").text()).contains("70000").contains("0 to 65535");

        window.textBox("portText").deleteText().enterText("abc");
        window.button("startStop").requireDisabled();

        window.textBox("portText").deleteText().enterText("0");
        window.button("startStop").requireEnabled();
        assertThat(robot.finder().findAll(main.frame(), c -> "formError".equals(c.getName()) && c.isShowing()))
                .as("the message, once the port is right").isEmpty();
        window.label("tryItHint").requireVisible();
    }

    @Test
    void portInUseShowsTheMessageInTheWindow() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = busy.getLocalPort();
            window.textBox("portText").deleteText().enterText(Integer.toString(port));
            int hintAt = edt(() -> window.label("tryItHint").target().getParent().getY());
            window.button("startStop").click();
            try {
                await().atMost(WAIT).until(() -> edt(() -> main.serverPanel().bindErrorText() != null));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no bind error; port field " + edt(() -> window.textBox("portText").target().getText())
                        + ", state " + edt(() -> main.controller().state()) + ", status " + window.label("statusState").text()
                        + ", log " + edt(() -> main.logPanel().shownText()), e);
            }
            String message = edt(() -> main.serverPanel().bindErrorText());
            assertThat(message).contains(Integer.toString(port)).doesNotContain("Exception").doesNotContain("\tat ");
            window.label("bindError").requireVisible();
            robot.waitForIdle();
            assertThat(edt(() -> window.label("bindError").target().getY())).as("in the hint's row").isEqualTo(hintAt);
            assertThat(robot.finder().findAll(main.frame(), c -> "tryItHint".equals(c.getName()) && c.isShowing()))
                    .as("the hint, beside the message").isEmpty();
            await().atMost(WAIT).untilAsserted(() -> window.textBox("portText").requireFocused()); // to pick another
            window.label("statusState").requireText("Stopped \u2014 could not start");
            window.button("startStop").requireEnabled().requireText("Start");
            window.spinner("port").requireEnabled();
            assertThat(edt(() -> main.logPanel().shownText())).contains("Could not start");

            // Re-reading the interfaces changes neither the address nor the port: the message stays.
            window.button("refreshInterfaces").click();
            await().atMost(WAIT).until(() -> edt(() -> window.button("refreshInterfaces").target().isEnabled()));
            robot.waitForIdle();
            assertThat(edt(() -> main.serverPanel().bindErrorText())).as("after a refresh").contains(Integer.toString(port));

            window.textBox("portText").deleteText().enterText("abc");
            window.label("formError").requireVisible();
            assertThat(edt(() -> main.serverPanel().bindErrorText())).as("the old port's error").isNull();
            window.textBox("portText").deleteText().enterText("0");
            window.label("tryItHint").requireVisible();
        }
    }

    @Test
    void greetingEditedWhileRunningReachesTheNextClient() throws IOException {
        int port = startByButton();
        assertThat(readAll(port)).isEqualTo("Hello from server\n");
        window.textBox("greeting").requireEnabled().setText("Changed for #{count}\\r\\n");
        assertThat(window.textBox("greetingPreview").text()).startsWith("16 bytes")
                .containsAnyOf("Changed for #1\u240D\u240A", "Changed for #1\\r\\n");
        await().atMost(WAIT).untilAsserted(() -> assertThat(readAll(port)).matches("Changed for #\\d+\r\n"));

        window.textBox("greeting").setText("bad \\q");
        window.label("greetingError").requireVisible();
        assertThat(window.label("greetingError").text()).contains("\\q");
        // the server keeps the last valid greeting, and says so
        assertThat(window.textBox("greetingPreview").text()).startsWith("Clients still get the last valid greeting");
        await().atMost(WAIT).until(() -> edt(() -> !main.serverPanel().greetingPending()));
        assertThat(readAll(port)).matches("Changed for #\\d+\r\n");
        window.button("startStop").click();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.textBox("greetingPreview").text()).isEqualTo("No bytes: fix the greeting first."));
    }

    @Test
    void aGreetingLongerThanAPreferenceValueStartsIsRememberedAndQuitStillCloses() throws IOException {
        String longText = "0123456789".repeat(5_000); // 50,000 bytes; one preference value holds 8,192 characters
        edt(() -> {
            ((javax.swing.JTextArea) window.textBox("greeting").target()).setText(longText);
            return null;
        });
        int port = startByButton();
        assertThat(readAll(port)).isEqualTo(longText);
        assertThat(new Prefs(node).serverConfig(io.socketmonitor.server.ServerConfig.defaults()).greeting().source()).isEqualTo(longText);

        window.menuItemWithPath("File", "Quit").click();
        await().atMost(WAIT).until(() -> edt(() -> !main.frame().isDisplayable()));
        assertThatThrownBy(() -> readAll(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aGreetingEditIsUndoneWithCtrlZAndRedoneWithCtrlYButTheStartingGreetingStays() {
        org.assertj.swing.fixture.JTextComponentFixture greeting = window.textBox("greeting");
        String start = greeting.text();
        greeting.focus();
        edt(() -> {
            greeting.target().setCaretPosition(start.length());
            return null;
        });
        greeting.enterText("XY");
        greeting.requireText(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(start + "XY")));

        for (int i = 0; i < 3; i++) { // the third has nothing left: the greeting it started with stays
            robot.pressAndReleaseKey(KeyEvent.VK_Z, Toolkit_menuMask());
        }
        await().atMost(WAIT).until(() -> greeting.text().equals(start));
        robot.pressAndReleaseKey(KeyEvent.VK_Y, Toolkit_menuMask());
        await().atMost(WAIT).until(() -> greeting.text().equals(start + "X"));
    }

    @Test
    void theGreetingPreviewFillsLocalWithWhereTheServerListens() throws IOException {
        window.textBox("portText").deleteText().enterText("20123");
        window.textBox("greeting").setText("{local}");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.textBox("greetingPreview").text()).endsWith(": 127.0.0.1:20123"));
        window.textBox("portText").deleteText().enterText("0");
        int port = startByButton(); // any free port: known once listening
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.textBox("greetingPreview").text()).endsWith(": 127.0.0.1:" + port));
        assertThat(readAll(port)).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void theGreetingPreviewsSampleClientIsOfTheChosenAddresssFamily() {
        window.textBox("greeting").setText("{peer} {local}");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.textBox("greetingPreview").text()).endsWith(": 127.0.0.1:46930 127.0.0.1:8080"));
        String v6 = edt(() -> {
            javax.swing.JComboBox<?> box = (javax.swing.JComboBox<?>) window.comboBox("interface").target();
            for (int i = 0; i < box.getItemCount(); i++) {
                if (String.valueOf(box.getItemAt(i)).startsWith("Loopback ::1")) {
                    return String.valueOf(box.getItemAt(i));
                }
            }
            return null;
        });
        if (v6 == null) { // offered wherever it exists: a machine without it skips the rest, nothing else
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName("::1"))) {
                throw new AssertionError("::1 exists here (bound port " + probe.getLocalPort() + ") but is not offered");
            } catch (IOException noIpv6) {
                org.junit.jupiter.api.Assumptions.abort("this machine has no IPv6 loopback");
            }
        }
        window.comboBox("interface").selectItem(v6);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.textBox("greetingPreview").text()).endsWith(": [::1]:46930 [::1]:8080"));
    }

    @Test
    void closingRightAfterAGreetingEditDropsTheEditInsteadOfSendingItToAServerThatIsGoing() {
        startByButton();
        window.textBox("greeting").setText("Changed just before closing");
        assertThat(edt(() -> main.serverPanel().greetingPending())).as("the edit waits for typing to pause").isTrue();

        edt(() -> {
            main.close();
            return null;
        });

        assertThat(edt(() -> main.serverPanel().greetingPending())).isFalse();
    }

    @Test
    void realClientAppearsInTheTableAndIsMarkedClosed() throws IOException {
        int port = startByButton();
        int clientPort;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            clientPort = s.getLocalPort();
            s.setSoTimeout(10_000);
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("Hello from server\n");
        }
        JTableFixture table = window.table("peerTable");
        await().atMost(WAIT).untilAsserted(() -> {
            String[][] rows = table.contents();
            assertThat(rows).hasNumberOfRows(1);
            assertThat(rows[0][PeerTableModel.COL_ADDRESS]).isEqualTo("127.0.0.1");
            assertThat(rows[0][PeerTableModel.COL_PORT]).isEqualTo(Integer.toString(clientPort));
            assertThat(rows[0][PeerTableModel.COL_OUT]).isEqualTo("18");
            assertThat(rows[0][PeerTableModel.COL_STATE]).isEqualTo("closed after greeting");
        });
        String log = edt(() -> main.logPanel().shownText());
        assertThat(log).contains("Listening on 127.0.0.1:" + port + " for connections")
                .contains("Connected to ('127.0.0.1', " + clientPort + ")");
        assertThat(edt(() -> main.lecture().isLit(LecturePanel.Step.ACCEPT))).isTrue();
        assertThat(edt(() -> main.lecture().isLit(LecturePanel.Step.SEND))).isTrue();
        assertThat(edt(() -> main.lecture().isLit(LecturePanel.Step.CLOSE))).isTrue();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.label("statusServed").text()).isEqualTo("1 served"));

        table.selectRows(0);
        table.pressAndReleaseKeys(KeyEvent.VK_ENTER); // a closed peer: said why, not skipped over
        await().atMost(WAIT).untilAsserted(() -> assertThat(window.label("peerInfo").text())
                .isEqualTo("Peer #1 has closed: a peer's data can be watched while it is open."));
        assertThat(edt(() -> table.target().getSelectedRow())).isZero();
    }

    @Test
    void disconnectFromTheTableClosesTheClientSocket() throws IOException {
        window.comboBox("mode").selectItem("Keep open");
        int port = startByButton();
        try (Socket s = new Socket()) {
            InputStream in = greeted(s, port);
            JTableFixture table = window.table("peerTable");
            await().atMost(WAIT).untilAsserted(() ->
                    {
                        String[][] rows = table.contents();
                        assertThat(rows).hasNumberOfRows(1);
                        assertThat(rows[0][8]).isEqualTo("open");
                    });
            table.selectRows(0);
            table.pressAndReleaseKeys(KeyEvent.VK_DELETE);
            assertThat(in.read()).as("the client reads EOF").isEqualTo(-1);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(table.contents()[0][8]).isEqualTo("closed: disconnected by user"));
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(window.label("peerInfo").text()).isEqualTo("Disconnected 1 peer."));
        }
    }

    /** Keep-open, started by the button, each client greeted in the table, the first row selected; their inputs. */
    private InputStream[] keepOpenPeersTheFirstSelected(Socket... clients) throws IOException {
        window.comboBox("mode").selectItem("Keep open");
        int port = startByButton();
        InputStream[] ins = new InputStream[clients.length];
        for (int i = 0; i < clients.length; i++) {
            ins[i] = greeted(clients[i], port);
        }
        JTableFixture table = window.table("peerTable");
        await().atMost(WAIT).untilAsserted(() -> assertThat(table.contents()).hasNumberOfRows(clients.length));
        table.selectRows(0);
        return ins;
    }

    @Test
    void deleteSelectsTheNextOpenPeerSoDeleteAgainGoesOn() throws IOException {
        try (Socket first = new Socket(); Socket second = new Socket()) {
            InputStream[] in = keepOpenPeersTheFirstSelected(first, second);
            JTableFixture table = window.table("peerTable");

            table.pressAndReleaseKeys(KeyEvent.VK_DELETE);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(window.label("peerInfo").text()).isEqualTo("Disconnected 1 peer."));
            await().atMost(WAIT).untilAsserted(() -> {
                int[] rows = edt(() -> table.target().getSelectedRows());
                assertThat(rows).hasSize(1);
                assertThat(table.valueAt(org.assertj.swing.data.TableCell.row(rows[0]).column(8))).isEqualTo("open");
            });
            table.pressAndReleaseKeys(KeyEvent.VK_DELETE);

            assertThat(in[0].read()).as("the first client reads EOF").isEqualTo(-1);
            assertThat(in[1].read()).as("the second client reads EOF").isEqualTo(-1);
        }
    }

    @Test
    void deleteOutsideTheTableDisconnectsNoOne() throws IOException {
        try (Socket first = new Socket(); Socket second = new Socket()) {
            InputStream[] in = keepOpenPeersTheFirstSelected(first, second);
            JTableFixture table = window.table("peerTable");

            window.tabbedPane("sideTabs").focus(); // the user has moved on: Delete here is not for the peers
            robot.pressAndReleaseKey(KeyEvent.VK_DELETE);
            robot.waitForIdle();
            table.pressAndReleaseKeys(KeyEvent.VK_DELETE); // one Delete in the table, for the row selected

            assertThat(in[0].read()).as("the selected client reads EOF").isEqualTo(-1);
            second.setSoTimeout(1_000);
            assertThatThrownBy(in[1]::read).as("the other client is still connected")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void filterShowsOnlyMatchingRows() throws IOException {
        int port = startByButton();
        int[] clientPorts = new int[3];
        for (int i = 0; i < clientPorts.length; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                clientPorts[i] = s.getLocalPort();
                s.setSoTimeout(10_000);
                s.getInputStream().readAllBytes();
            }
        }
        JTableFixture table = window.table("peerTable");
        await().atMost(WAIT).untilAsserted(() -> assertThat(table.contents()).hasNumberOfRows(3));

        window.focus();
        robot.pressAndReleaseKey(KeyEvent.VK_F, Toolkit_menuMask());
        window.textBox("peerFilter").requireFocused().enterText(Integer.toString(clientPorts[1]));
        String[][] rows = table.contents();
        assertThat(rows).hasNumberOfRows(1);
        assertThat(rows[0][PeerTableModel.COL_PORT]).isEqualTo(Integer.toString(clientPorts[1]));

        window.textBox("peerFilter").setText("no such peer");
        assertThat(table.contents()).hasNumberOfRows(0);
        assertThat(edt(() -> ((PeerTablePanel) Named.find(main.frame(), "peerPanel")).emptyRemark())).isEqualTo(
                "No peer contains \u201Cno such peer\u201D (3 hidden by the filter). Escape in the filter shows them.");
        assertThat(edt(() -> inkOn(table.target()))).as("pixels of the remark on the empty table").isGreaterThan(50);
        window.textBox("peerFilter").focus();
        robot.pressAndReleaseKey(KeyEvent.VK_ESCAPE); // clears it, as a find bar does
        window.textBox("peerFilter").requireText("");
        assertThat(table.contents()).hasNumberOfRows(3);
        assertThat(Arrays.stream(table.contents()).map(r -> r[PeerTableModel.COL_PORT]))
                .containsExactlyInAnyOrder(Arrays.stream(clientPorts).mapToObj(Integer::toString).toArray(String[]::new));
    }

    /** Error and warning text reads on the panel in the current theme: WCAG AA, 4.5:1. */
    private void assertErrorsReadable() {
        window.textBox("greeting").setText("bad \\q");
        window.label("greetingError").requireVisible();
        boolean stopped = !edt(() -> main.controller().running());
        if (stopped) {
            window.textBox("portText").deleteText().enterText("70000");
        }
        for (String name : new String[] {"greetingError", "formError", "bindError", "reachWarning"}) {
            if (name.equals("formError") && !stopped) {
                continue; // running, the form is locked and cannot be wrong
            }
            double contrast = edt(() -> {
                javax.swing.JLabel l = Named.find(main.frame(), name);
                return Themes.contrast(l.getForeground(), javax.swing.UIManager.getColor("Panel.background"));
            });
            assertThat(contrast).as(name + " contrast in the " + edt(Themes::current) + " theme")
                    .isGreaterThanOrEqualTo(Themes.READABLE_CONTRAST);
        }
        window.textBox("greeting").setText("Hello from server\\n");
        if (stopped) {
            window.textBox("portText").deleteText().enterText("0");
        }
    }

    /** Pixels of {@code c} painted unlike its background: text or lines drawn on it. */
    private static int inkOn(javax.swing.JComponent c) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(c.getWidth(), c.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        c.paint(g);
        g.dispose();
        int background = c.getBackground().getRGB() & 0xFFFFFF;
        int ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                ink += (image.getRGB(x, y) & 0xFFFFFF) != background ? 1 : 0;
            }
        }
        return ink;
    }

    /** Hints and the state column's colours read as well (they were 3.5 to 4.3:1). */
    private void assertQuietTextReadable() {
        java.util.Map<String, Double> contrasts = edt(() -> {
            java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
            javax.swing.JTable t = Named.find(main.frame(), "peerTable");
            int column = t.convertColumnIndexToView(PeerTableModel.COL_STATE);
            for (String state : new String[] {"open", "closed by peer"}) {
                java.awt.Component c = t.getDefaultRenderer(String.class)
                        .getTableCellRendererComponent(t, state, false, false, 0, column);
                m.put(state, Themes.contrast(c.getForeground(), c.getBackground()));
            }
            java.awt.Component hint = Named.find(main.frame(), "tryItHint"); // stopped: the hint shows
            java.awt.Component behind = hint;
            while (!behind.isOpaque()) {
                behind = behind.getParent();
            }
            m.put("tryItHint", Themes.contrast(hint.getForeground(), behind.getBackground()));
            return m;
        });
        assertThat(contrasts).as("contrasts in the " + edt(Themes::current) + " theme")
                .allSatisfy((what, contrast) -> assertThat(contrast).as(what).isGreaterThanOrEqualTo(Themes.READABLE_CONTRAST));
    }

    @SuppressWarnings("deprecation")
    private static int Toolkit_menuMask() {
        return InputEvent.CTRL_MASK;
    }

    @Test
    void themeSwitchesFromTheMenuAndIsRemembered() throws IOException {
        assertThat(edt(FlatLaf::isLafDark)).isFalse();
        assertQuietTextReadable();
        screenshot("window-light");
        window.menuItemWithPath("View", "Dark theme").click();
        await().atMost(WAIT).until(() -> edt(FlatLaf::isLafDark));
        assertThat(new Prefs(node).theme()).isEqualTo(Themes.DARK);
        assertThat(edt(this::proportionalCodeAndBytes)).as("shown in a proportional font after the switch").isEmpty();
        assertQuietTextReadable();
        assertErrorsReadable();
        int port = startByButton();
        readAll(port);
        await().atMost(WAIT).untilAsserted(() -> assertThat(window.table("peerTable").contents()).hasNumberOfRows(1));
        screenshot("window-dark");
        window.menuItemWithPath("View", "Light theme").click();
        await().atMost(WAIT).until(() -> edt(() -> !FlatLaf.isLafDark()));
        assertThat(new Prefs(node).theme()).isEqualTo(Themes.LIGHT);
        assertThat(edt(this::proportionalCodeAndBytes)).as("shown in a proportional font after the switch").isEmpty();
        screenshot("window-light-running");
        assertErrorsReadable();
    }

    @Test
    void aThemeChosenByItsMnemonicTypesNothingIntoTheFocusedField() {
        org.junit.jupiter.api.Assumptions.assumeTrue(GuiToolkitExtension.REAL_DISPLAY,
                "Cacio does not pass keys to an open menu's items; .ci/run runs this under Xvfb");
        window.textBox("greeting").focus();
        window.menuItem("menuView").click(); // opens the menu; the greeting keeps the focus
        await().atMost(WAIT).until(() -> edt(() -> javax.swing.MenuSelectionManager.defaultManager().getSelectedPath().length > 0));
        robot.pressAndReleaseKey(KeyEvent.VK_D);
        await().atMost(WAIT).until(() -> edt(FlatLaf::isLafDark));
        robot.waitForIdle();

        window.textBox("greeting").requireText("Hello from server\\n");
        robot.pressAndReleaseKey(KeyEvent.VK_D); // the next d is the user's: typed as usual
        await().atMost(WAIT).until(() -> window.textBox("greeting").text().contains("d"));
    }

    @Test
    void textGrowsForAProjectorCodeTooAndIsRemembered() {
        float label = edt(() -> window.label("statusState").target().getFont().getSize2D());
        float code = edt(() -> Named.<javax.swing.JLabel>find(main.frame().getContentPane(), "code.bind").getFont().getSize2D());
        javax.swing.JSplitPane split = edt(() -> Named.find(main.frame().getContentPane(), "mainSplit"));
        double share = edt(() -> split.getDividerLocation() / (double) split.getHeight());
        // Its minimum: a table made narrower than its columns by the larger text holds each at it.
        int addressColumn = edt(() -> window.table("peerTable").target().getColumnModel().getColumn(1).getMinWidth());
        try {
            window.menuItemWithPath("View", "Larger text").click();
            window.menuItemWithPath("View", "Larger text").click();
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(edt(() -> window.label("statusState").target().getFont().getSize2D())).isEqualTo(label + 2);
                assertThat(edt(() -> Named.<javax.swing.JLabel>find(main.frame().getContentPane(), "code.bind")
                        .getFont().getSize2D())).as("the lecture's code").isGreaterThan(code);
                // The log keeps its share of the window, and the table's columns fit the new font.
                assertThat(edt(() -> split.getDividerLocation() / (double) split.getHeight()))
                        .isCloseTo(share, org.assertj.core.data.Offset.offset(0.03));
                assertThat(edt(() -> window.table("peerTable").target().getColumnModel().getColumn(1).getMinWidth()))
                        .isGreaterThan(addressColumn);
            });
            assertThat(new Prefs(node).textSize()).isEqualTo(2);
            assertThat(edt(this::proportionalCodeAndBytes)).as("still fixed-width").isEmpty();

            window.menuItemWithPath("View", "Normal text size").click();
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(edt(() -> window.label("statusState").target().getFont().getSize2D())).isEqualTo(label));
            assertThat(new Prefs(node).textSize()).isZero();
        } finally {
            edt(() -> { // the next test's window starts at the theme's size whatever happened here
                Themes.textSize(0);
                return null;
            });
        }
    }

    @Test
    void atProjectorSizeTypingAPortDoesNotMoveModeSideways() {
        float label = edt(() -> window.label("statusState").target().getFont().getSize2D());
        try {
            for (int i = 0; i < 6; i++) {
                window.menuItemWithPath("View", "Larger text").click();
            }
            await().atMost(WAIT).until(() -> edt(() -> window.label("statusState").target().getFont().getSize2D()) == label + 6);
            window.textBox("portText").deleteText().enterText("8443");
            await().atMost(WAIT).until(() -> window.label("portService").text().contains("HTTPS alternate"));
            robot.waitForIdle();
            int besideTheLongestName = edt(() -> window.comboBox("mode").target().getLocationOnScreen().x);
            window.textBox("portText").deleteText().enterText("9999");
            await().atMost(WAIT).until(() -> !window.label("portService").text().contains("HTTPS"));
            robot.waitForIdle();
            assertThat(edt(() -> window.comboBox("mode").target().getLocationOnScreen().x)).isEqualTo(besideTheLongestName);
        } finally {
            edt(() -> {
                Themes.textSize(0);
                return null;
            });
        }
    }

    /** Of the greeting, its bytes, the lecture's code, the log and the client's bytes: those not in a fixed-width font. */
    private List<String> proportionalCodeAndBytes() {
        List<String> proportional = new ArrayList<>();
        for (String name : List.of("greeting", "greetingPreview", "code.bind", "code.send", "log", "clientReceived",
                "clientReceivedHex")) {
            java.awt.Component c = Named.find(main.frame().getContentPane(), name);
            assertThat(c).as(name).isNotNull();
            java.awt.FontMetrics m = c.getFontMetrics(c.getFont());
            if (m.charWidth('i') != m.charWidth('W')) {
                proportional.add(name + " (" + c.getFont().getFamily() + ")");
            }
        }
        return proportional;
    }

    @Test
    void tabLeavesTheGreetingUnchangedAndLeavesThePeerTable() {
        window.textBox("greeting").focus();
        robot.pressAndReleaseKey(KeyEvent.VK_TAB);
        robot.waitForIdle();
        window.textBox("greeting").requireText("Hello from server\\n"); // not a tab typed into it
        assertThat(edt(() -> window.textBox("greeting").target().hasFocus())).as("greeting still focused").isFalse();

        window.table("peerTable").focus();
        robot.pressAndReleaseKey(KeyEvent.VK_TAB);
        robot.waitForIdle();
        assertThat(edt(() -> window.table("peerTable").target().hasFocus())).as("table still focused").isFalse();
    }

    @Test
    void menusNameTheLogAndF1ListsEveryShortcutInColumns() {
        window.menuItemWithPath("File", "Save log\u2026").requireEnabled();
        window.menuItemWithPath("View", "Clear log").requireEnabled();
        window.menuItemWithPath("View", "Auto-scroll the log").click(); // the toolbar's box, from the menu
        window.checkBox("autoScroll").requireNotSelected();
        window.focus();
        robot.pressAndReleaseKey(KeyEvent.VK_F1);
        org.assertj.swing.fixture.JOptionPaneFixture dialog =
                org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
        dialog.requireTitle("Keyboard shortcuts");
        String message = String.valueOf(edt(() -> dialog.target().getMessage()));
        // one table row a shortcut, so the descriptions start in one column whatever the font
        assertThat(message).startsWith("<html><table").contains("<tr><td><b>F5 or Ctrl+R</b></td><td>Start / stop")
                .contains("<tr><td><b>Delete</b></td>").contains("<tr><td><b>F1</b></td><td>This list");
        confirm(dialog);
    }

    @Test
    void clearLogByShortcut() throws IOException {
        int port = startByButton();
        readAll(port);
        await().atMost(WAIT).until(() -> edt(() -> main.logPanel().shownText().contains("Connected to")));
        window.focus();
        robot.pressAndReleaseKey(KeyEvent.VK_L, Toolkit_menuMask());
        await().atMost(WAIT).until(() -> edt(() -> main.logPanel().shownText().isEmpty()));
    }

    @Test
    void closingTheWindowStopsTheServer() throws IOException {
        int port = startByButton();
        assertThat(readAll(port)).isEqualTo("Hello from server\n");
        window.menuItemWithPath("File", "Quit").click();
        await().atMost(WAIT).until(() -> edt(() -> !main.frame().isDisplayable()));
        assertThatThrownBy(() -> readAll(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aJvmExitWithoutQuitRemembersTheWindowAndStopsTheServer() throws IOException {
        int port = startByButton();
        window.checkBox("autoScroll").click();
        window.checkBox("autoScroll").requireNotSelected();
        assertThat(new Prefs(node).autoScroll()).isTrue(); // not saved yet

        main.onJvmExit(); // what the shutdown hook runs on SIGTERM, off the EDT

        assertThat(new Prefs(node).autoScroll()).isFalse();
        assertThatThrownBy(() -> readAll(port)).isInstanceOf(ConnectException.class);
        GuiActionRunner.execute(() -> main.frame().dispose()); // the JVM would be gone by now
    }

    @Test
    void exportsTheTableAsCsvAndSavesTheLog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        int port = startByButton();
        readAll(port);
        await().atMost(WAIT).untilAsserted(() -> assertThat(window.table("peerTable").contents()).hasNumberOfRows(1));
        java.nio.file.Path csv = dir.resolve("peers.csv");
        java.nio.file.Path log = dir.resolve("server.log");
        edt(() -> {
            main.peerPanel().exportCsv(csv);
            main.logPanel().save(log);
            return null;
        });
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(csv).exists();
            java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("#,Peer address,Peer port,Local address,Connected at,Duration (s),"
                    + "Bytes in,Bytes out,State");
            // For a spreadsheet: the date with the time, the duration as a number of seconds.
            assertThat(lines.get(1)).matches("1,127\\.0\\.0\\.1,\\d+,127\\.0\\.0\\.1:\\d+,"
                    + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3},\\d+\\.\\d{3},0,18,closed after greeting");
        });
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.label("peerInfo").text()).isEqualTo("Saved 1 row to " + csv + "."));
        // Once the table has let closed rows go, the file is not every connection, and the message says so.
        edt(() -> {
            main.peerPanel().model().history(1);
            return null;
        });
        readAll(port);
        await().atMost(WAIT).until(() -> edt(() -> main.peerPanel().model().letGo()) == 1);
        edt(() -> {
            main.peerPanel().exportCsv(csv);
            return null;
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(window.label("peerInfo").text())
                .isEqualTo("Saved 1 row to " + csv + " (1 older closed connection is not kept: the table keeps the last 1)."));
        await().atMost(WAIT).untilAsserted(() -> assertThat(log).content()
                .contains("Listening on 127.0.0.1:" + port + " for connections").contains("Connected to ('127.0.0.1', "));
    }

    @Test
    void activityChartAndStatusFollowTheServer() throws IOException {
        int port = startByButton();
        for (int i = 0; i < 5; i++) {
            readAll(port);
        }
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.label("statusServed").text()).isEqualTo("5 served"));
        await().atMost(WAIT).until(() -> edt(() -> main.chart().samples() > 0));
        window.tabbedPane("bottomTabs").selectTab("Activity");
        screenshot("window-activity");
        window.label("statusErrors").requireText("0 errors");

        window.button("startStop").click();
        await().atMost(WAIT).untilAsserted(() -> window.label("statusState").requireText("Stopped"));
        // As the log's "Stopped: served 5, ..." says, until the next start: through two
        // refreshes of the counters (once a second).
        await().during(java.time.Duration.ofMillis(2_500)).atMost(WAIT).untilAsserted(() ->
                assertThat(window.label("statusServed").text()).isEqualTo("5 served"));
        window.label("statusOpen").requireText("0 open");
        window.label("statusRate").requireText("0 conn/s");
        startByButton();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(window.label("statusServed").text()).isEqualTo("0 served"));
    }

    @Test
    void explainsPortsAndWhoCanReachTheChosenAddress() {
        window.textBox("portText").deleteText().enterText("80");
        // What holds on this machine: a user below the line, root, or no line at all (a container).
        String privilege = io.socketmonitor.net.PrivilegedPorts.note(80);
        window.label("portService").requireText("(HTTP)" + (privilege == null ? "" : " \u2014 " + privilege));
        window.textBox("portText").deleteText().enterText("22");
        assertThat(window.label("portService").text()).startsWith("(SSH)");
        window.textBox("portText").deleteText().enterText("8080");
        int modeAt = edt(() -> window.comboBox("mode").target().getX());
        window.textBox("portText").deleteText().enterText("5000");
        window.label("portService").requireText("");
        robot.waitForIdle(); // the relayout the new note asks for
        assertThat(edt(() -> window.comboBox("mode").target().getX())).as("Mode stays where it was").isEqualTo(modeAt);
        // The lecture binds what Start would; while the field holds no port, PORT (typing 70000
        // showed 7000, a port never meant).
        await().atMost(WAIT).untilAsserted(() -> assertThat(edt(() -> main.lecture().codeText(LecturePanel.Step.BIND)))
                .isEqualTo("s.bind((\"127.0.0.1\", 5000))"));
        window.textBox("portText").deleteText().enterText("70000");
        assertThat(edt(() -> main.lecture().codeText(LecturePanel.Step.BIND))).isEqualTo("s.bind((\"127.0.0.1\", PORT))");
        window.textBox("portText").deleteText().enterText("5000");
        assertThat(edt(() -> main.lecture().codeText(LecturePanel.Step.BIND))).isEqualTo("s.bind((\"127.0.0.1\", 5000))");

        javax.swing.JLabel warning = robot.finder().findByName(main.frame(), "reachWarning", javax.swing.JLabel.class, false);
        assertThat(edt(warning::isVisible)).isFalse();
        window.comboBox("interface").selectItem(java.util.regex.Pattern.compile("All interfaces IPv4.*"));
        window.label("reachWarning").requireVisible();
        assertThat(window.label("reachWarning").text()).contains("reachable from the network");
        assertThat(edt(() -> main.lecture().explanationText())).contains("all interfaces").contains("0.0.0.0");
        window.comboBox("interface").selectItem(java.util.regex.Pattern.compile("Loopback 127\\.0\\.0\\.1.*"));
        assertThat(edt(warning::isVisible)).isFalse();
        assertThat(edt(() -> main.lecture().explanationText())).contains("loopback");
    }

    @Test
    void sendsTextToTheSelectedKeepOpenPeer() throws IOException {
        try (Socket s = new Socket()) {
            InputStream in = keepOpenPeersTheFirstSelected(s)[0];
            JTableFixture table = window.table("peerTable");
            window.button("peer.Send").requireEnabled().click();
            org.assertj.swing.fixture.JOptionPaneFixture dialog =
                    org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
            dialog.comboBox("sendLineEnding").requireSelection("CRLF (\\r\\n)"); // as telnet, and the client pane
            // Once the dialog has the focus, the cursor waits in the field. (A bare X server, with no
            // window manager, now and then gives a new dialog no focus at all; Cacio always does.)
            javax.swing.text.JTextComponent field = dialog.textBox("sendText").target();
            java.awt.Window dialogWindow = edt(() -> javax.swing.SwingUtilities.getWindowAncestor(field));
            try {
                await().atMost(java.time.Duration.ofSeconds(5)).until(() -> edt(dialogWindow::isFocused));
            } catch (org.awaitility.core.ConditionTimeoutException bareX) {
                // no focus to check
            }
            if (edt(dialogWindow::isFocused)) {
                await().atMost(WAIT).until(() -> edt(field::hasFocus));
            }
            dialog.textBox("sendText").setText("ping \\x41");
            confirm(dialog);
            assertThat(new String(in.readNBytes(8), StandardCharsets.UTF_8)).isEqualTo("ping A\r\n");
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(table.contents()[0][PeerTableModel.COL_OUT]).isEqualTo("26"));

            // The next Send… starts from the last text; a bad escape is said, and the text comes back to fix.
            window.button("peer.Send").click();
            dialog = org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
            dialog.textBox("sendText").requireText("ping \\x41");
            dialog.textBox("sendText").setText("pong \\xZZ");
            confirm(dialog);
            org.assertj.swing.fixture.JOptionPaneFixture warning =
                    org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
            warning.requireMessage("\\x needs 2 hex digits, found 'ZZ' at position 6.");
            // Until it has closed (a bare X server now and then drops a click on a window just
            // mapped), else the finder may take the warning again in the moment before it goes.
            confirm(warning);
            dialog = org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
            javax.swing.text.JTextComponent again = dialog.textBox("sendText").requireText("pong \\xZZ").target();
            assertThat(edt(() -> again.getSelectedText())).as("not selected: a key would wipe it").isNull();
            assertThat(edt(again::getCaretPosition)).as("the cursor at the mistake").isEqualTo(5);
            dialog.textBox("sendText").setText("pong \\x42");
            confirm(dialog);
            assertThat(new String(in.readNBytes(8), StandardCharsets.UTF_8)).isEqualTo("pong B\r\n");
        }
    }

    @Test
    void watchDataShowsAPeersWholeConversationAndAnswersIt() throws IOException {
        try (Socket s = new Socket()) {
            InputStream in = keepOpenPeersTheFirstSelected(s)[0];
            window.menuItemWithPath("Server", "Watch data\u2026").click();
            long id = edt(() -> main.watchWindows().keySet().iterator().next());
            org.assertj.swing.fixture.DialogFixture watch =
                    org.assertj.swing.finder.WindowFinder.findDialog("peerWatch." + id).withTimeout(10_000).using(robot);

            // More than the log's 60 characters, and what is not text as escapes.
            String line = "x".repeat(100) + "\tend\r\n";
            await().atMost(WAIT).untilAsserted(() -> { // the watch reaches the server's loop first
                s.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
                assertThat(edt(() -> main.watchWindows().get(id).transcriptText()))
                        .contains("R: " + "x".repeat(100) + "\\tend\\r\\n");
            });

            watch.textBox("peerWatchSend").enterText("pong\n");
            assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("pong\r\n");
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(edt(() -> main.watchWindows().get(id).transcriptText())).contains("S: pong\\r\\n"));

            s.close();
            await().atMost(WAIT).untilAsserted(() ->
                    watch.label("peerWatchStatus").requireText("Closed: closed by peer."));
            watch.close();
            await().atMost(WAIT).until(() -> edt(() -> main.watchWindows().isEmpty()));
        }
    }

    /** AssertJ's robot reads InputEvent's old modifier masks, not the _DOWN_MASK ones. */
    @SuppressWarnings("deprecation")
    private void pressWithShift(int key) {
        robot.pressAndReleaseKey(key, java.awt.event.InputEvent.SHIFT_MASK);
    }

    @Test
    void theKeyboardOpensThePeerMenuAndAPeersDataAndAltCGoesIntoTheClient() throws IOException {
        try (Socket s = new Socket()) {
            keepOpenPeersTheFirstSelected(s);
            JTableFixture table = window.table("peerTable");
            table.focus();
            // Posted, not typed: Cacio's robot drops the Alt.
            java.awt.Toolkit.getDefaultToolkit().getSystemEventQueue().postEvent(new KeyEvent(table.target(),
                    KeyEvent.KEY_PRESSED, System.currentTimeMillis(), java.awt.event.InputEvent.ALT_DOWN_MASK,
                    KeyEvent.VK_C, 'c'));
            await().atMost(WAIT).ignoreExceptions().until(() -> edt(() -> window.textBox("clientHost").target().isFocusOwner()));
            table.focus(); // and again, with the tab already shown: selecting it changes nothing
            java.awt.Toolkit.getDefaultToolkit().getSystemEventQueue().postEvent(new KeyEvent(table.target(),
                    KeyEvent.KEY_PRESSED, System.currentTimeMillis(), java.awt.event.InputEvent.ALT_DOWN_MASK,
                    KeyEvent.VK_C, 'c'));
            await().atMost(WAIT).until(() -> edt(() -> window.textBox("clientHost").target().isFocusOwner()));

            table.focus();
            pressWithShift(KeyEvent.VK_F10);
            org.assertj.swing.fixture.JPopupMenuFixture menu = new org.assertj.swing.fixture.JPopupMenuFixture(robot,
                    robot.findActivePopupMenu());
            menu.requireVisible();
            assertThat(menu.target().getName()).isEqualTo("peerMenu");
            robot.pressAndReleaseKey(KeyEvent.VK_ESCAPE);
            await().atMost(WAIT).until(() -> robot.findActivePopupMenu() == null);

            table.pressAndReleaseKeys(KeyEvent.VK_ENTER);
            await().atMost(WAIT).until(() -> edt(() -> main.watchWindows().size()) == 1);
            long id = edt(() -> main.watchWindows().keySet().iterator().next());
            org.assertj.swing.finder.WindowFinder.findDialog("peerWatch." + id).withTimeout(10_000).using(robot).close();
            await().atMost(WAIT).until(() -> edt(() -> main.watchWindows().isEmpty()));
        }
    }

    @Test
    void disconnectAllClosesEveryOpenPeerAlsoThoseTheFilterHides() throws IOException {
        window.comboBox("mode").selectItem("Keep open");
        window.menuItem("disconnectAllItem").requireDisabled(); // stopped: nothing to close
        int port = startByButton();
        try (Socket a = new Socket(); Socket b = new Socket(); Socket c = new Socket()) {
            InputStream[] ins = {greeted(a, port), greeted(b, port), greeted(c, port)};
            JTableFixture table = window.table("peerTable");
            await().atMost(WAIT).untilAsserted(() -> assertThat(table.contents()).hasNumberOfRows(3));
            window.textBox("peerFilter").setText(Integer.toString(a.getLocalPort()));
            await().atMost(WAIT).untilAsserted(() -> assertThat(table.contents()).hasNumberOfRows(1));

            window.menuItem("disconnectAllItem").requireEnabled();
            window.menuItemWithPath("Server", "Disconnect all").click();
            for (InputStream in : ins) {
                assertThat(in.read()).as("end of stream from the server").isEqualTo(-1);
            }
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(window.label("peerInfo").text()).isEqualTo("Disconnected 3 peers (2 of them hidden by the filter)."));
            window.menuItem("disconnectAllItem").requireDisabled();
        }
    }

    @Test
    void theTablesContextMenuBroadcastsToEveryOpenPeerAndLooksUpAHost() throws IOException {
        window.comboBox("mode").selectItem("Keep open");
        int port = startByButton();
        try (Socket a = new Socket(); Socket b = new Socket()) {
            InputStream[] ins = {greeted(a, port), greeted(b, port)};
            JTableFixture table = window.table("peerTable");
            await().atMost(WAIT).untilAsserted(() -> assertThat(table.contents()).hasNumberOfRows(2));

            // A reverse lookup of loopback is answered from the hosts file, never from the network.
            String name = InetAddress.getByName("127.0.0.1").getCanonicalHostName();
            table.selectRows(0);
            table.showPopupMenuAt(org.assertj.swing.data.TableCell.row(0).column(0))
                    .menuItemWithPath("Look up host").click();
            String expected = name.equals("127.0.0.1") ? "127.0.0.1 has no host name (no reverse DNS entry)."
                    : "127.0.0.1 is " + name + ".";
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(window.label("peerInfo").text()).isEqualTo(expected));

            table.showPopupMenuAt(org.assertj.swing.data.TableCell.row(0).column(0))
                    .menuItemWithPath("Broadcast\u2026").click();
            org.assertj.swing.fixture.JOptionPaneFixture dialog =
                    org.assertj.swing.finder.JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
            dialog.requireTitle("Broadcast to every open peer (2 peers now)");
            dialog.textBox("sendText").setText("to all");
            dialog.comboBox("sendLineEnding").selectItem("LF (\\n)");
            confirm(dialog);
            for (InputStream in : ins) {
                assertThat(new String(in.readNBytes(7), StandardCharsets.UTF_8)).isEqualTo("to all\n");
            }
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(window.label("peerInfo").text()).isEqualTo("Sent 7 bytes to 2 peers."));
        }
        window.button("startStop").click();
        awaitStopped();
        startByButton();
        assertThat(window.label("peerInfo").text()).as("the last run's message").isBlank();
    }
}
