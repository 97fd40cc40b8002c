package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.ServerConfig;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** With nothing remembered, the window opens at its default size, or the screen's if smaller. */
@GuiTest
class DefaultWindowSizeTest {
    @Test
    void aFirstStartOpensWideEnoughForTheTableAndNoLargerThanTheScreen() throws Exception {
        Preferences node = Preferences.userRoot().node("socket-monitor-test/" + UUID.randomUUID());
        try {
            Object[] sizes = GuiActionRunner.execute(() -> {
                MainWindow main = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
                Dimension size = main.frame().getSize();
                main.close();
                return new Object[] {size,
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds()};
            });
            Dimension size = (Dimension) sizes[0];
            Rectangle screen = (Rectangle) sizes[1];
            assertThat(size).isEqualTo(new Dimension(Math.min(1280, screen.width), Math.min(820, screen.height)));
        } finally {
            node.removeNode();
        }
    }
}
