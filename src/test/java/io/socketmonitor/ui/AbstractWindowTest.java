package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.ServerConfig;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Opens a fresh window per test on a throwaway preferences node, on 127.0.0.1 port 0. */
@org.junit.jupiter.api.Timeout(120)
abstract class AbstractWindowTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    Robot robot;
    FrameFixture window;
    MainWindow main;
    Preferences node;

    @BeforeAll
    static void installChecks() {
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void openWindow() {
        // Each window opens in the light theme at the theme's text size, whatever a test before
        // switched to: otherwise a test's result would hang on the order tests run in.
        GuiActionRunner.execute(() -> {
            Themes.textSize(0);
            Themes.install(Themes.LIGHT);
        });
        node = Preferences.userRoot().node("socket-monitor-test/" + UUID.randomUUID());
        preparePrefs(new Prefs(node));
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(10);
        main = GuiActionRunner.execute(() -> MainWindow.create(new Prefs(node), initialConfig()));
        window = new FrameFixture(robot, main.frame());
        // Each test's window opens where the last one was clicked: move the pointer away first,
        // so the new window sees it enter (X11 drops a press on a window it never entered).
        robot.moveMouse(new java.awt.Point(1400, 950));
        // Already where AssertJ's show() moves a window, so nothing moves it once it exists on
        // the display (see ClientPanelTest.start: a move then can leave AWT and X disagreeing).
        GuiActionRunner.execute(() -> main.frame().setLocation(100, 100));
        window.show(new Dimension(1000, 720));
    }

    /** Settings the window opens with (as from the command line). */
    ServerConfig initialConfig() {
        return ServerConfig.defaults().withPort(0);
    }

    /** Remembered settings to put in the node before the window opens. */
    void preparePrefs(Prefs prefs) {}

    @AfterEach
    void closeWindow() throws BackingStoreException {
        try {
            if (main != null) {
                GuiActionRunner.execute(() -> main.close());
                await().atMost(WAIT).until(() -> GuiActionRunner.execute(() -> !main.frame().isDisplayable()));
            }
        } finally {
            if (window != null) {
                window.cleanUp();
            } else if (robot != null) {
                robot.cleanUp();
            }
            node.removeNode();
        }
    }

    /**
     * Quits the way a user does (Ctrl+Q: saves and closes), runs {@code whileClosed} with the app
     * gone, then starts a new window on the same preferences, as starting the app again does.
     */
    void restart(Runnable whileClosed) {
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_Q, java.awt.event.InputEvent.CTRL_MASK); // the mask AssertJ reads
        await().atMost(WAIT).until(() -> edt(() -> !main.frame().isDisplayable()));
        whileClosed.run();
        main = edt(() -> MainWindow.create(new Prefs(node), initialConfig()));
        window = new FrameFixture(robot, main.frame());
        edt(() -> {
            main.frame().setLocation(100, 100);
            return null;
        });
        window.show(new Dimension(1000, 720));
    }

    <T> T edt(Callable<T> c) {
        return GuiActionRunner.execute(c);
    }

    /** Starts by the button and waits for "Listening on"; returns the real port. */
    int startByButton() {
        window.button("startStop").requireEnabled().click();
        return awaitListening();
    }

    int awaitListening() {
        await().atMost(WAIT).until(() -> edt(() -> main.controller().running()));
        window.label("statusState").requireText(java.util.regex.Pattern.compile("Listening on 127\\.0\\.0\\.1:\\d+"));
        return edt(() -> main.controller().bound().getPort());
    }

    void awaitStopped() {
        await().atMost(WAIT).until(() -> edt(() -> main.controller().state() == ServerController.State.STOPPED));
        window.label("statusState").requireText("Stopped");
    }

    /**
     * Clicks OK in an option pane until it closes. A bare X server (Xvfb, no window manager) now
     * and then drops the first press on a window just mapped; a press that arrives closes the
     * dialog, and a click is only made while it shows (AssertJ refuses a button not showing).
     * After a dropped click OK is pressed from the keyboard (Space on the focused button), as a
     * user may: a CI failure showed AWT placing the dialog at 0,0 while the X server had it centred
     * on the window, so every click went where the dialog was not; keys go to the focused window.
     */
    void confirm(org.assertj.swing.fixture.JOptionPaneFixture dialog) {
        java.awt.Window dialogWindow = edt(() -> javax.swing.SwingUtilities.getWindowAncestor(dialog.target()));
        for (int attempt = 0; attempt < 5 && edt(dialogWindow::isShowing); attempt++) {
            try {
                if (attempt == 0) {
                    dialog.okButton().click();
                } else {
                    dialog.okButton().focus().pressAndReleaseKeys(java.awt.event.KeyEvent.VK_SPACE);
                }
            } catch (IllegalStateException closedMeanwhile) {
                break; // a late press closed it between the check and the click: nothing to click
            }
            try {
                await().atMost(Duration.ofSeconds(2)).until(() -> !edt(dialogWindow::isShowing));
            } catch (org.awaitility.core.ConditionTimeoutException dropped) {
                // the press never arrived: try again, from the keyboard
            }
        }
        if (edt(dialogWindow::isShowing)) { // say where AWT thinks everything is, for the next reader
            String where;
            try {
                javax.swing.JButton ok = dialog.okButton().target();
                where = edt(() -> "dialog at " + dialogWindow.getLocationOnScreen() + ", OK at "
                        + ok.getLocationOnScreen() + ", focused window "
                        + java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusedWindow()
                        + ", pointer at " + java.awt.MouseInfo.getPointerInfo().getLocation());
            } catch (RuntimeException | Error unknown) {
                where = "positions unknown: " + unknown;
            }
            org.junit.jupiter.api.Assertions.fail("the dialog did not close after a click and 4 key presses on OK (" + where + ")");
        }
    }

    /** Connects a real client, reads until EOF (greet & close) and returns what it got. */
    static String readAll(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(10_000);
            try (InputStream in = s.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Saves the window's content as a PNG under target/screenshots. */
    void screenshot(String name) throws IOException {
        BufferedImage img = edt(() -> {
            var root = main.frame().getRootPane();
            BufferedImage b = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = b.createGraphics();
            root.printAll(g);
            g.dispose();
            return b;
        });
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());
    }
}
