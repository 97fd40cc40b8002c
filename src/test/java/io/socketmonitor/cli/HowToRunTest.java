package io.socketmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The help's examples start the program as the user does: an installer's command, or the jar. */
class HowToRunTest {
    private final String before = System.getProperty("jpackage.app-path");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("jpackage.app-path");
        } else {
            System.setProperty("jpackage.app-path", before);
        }
    }

    @Test
    void theJarIsRunWithJava() {
        System.clearProperty("jpackage.app-path");
        assertThat(Options.howToRun()).isEqualTo("java -jar socket-monitor.jar");
    }

    @Test
    void anInstalledLauncherIsRunByItsCommandOrItsQuotedPath() {
        System.setProperty("jpackage.app-path", "/Applications/Socket Monitor.app/Contents/MacOS/Socket Monitor");
        String expected = Files.isExecutable(Path.of("/usr/bin/socket-monitor")) ? "socket-monitor" // the .deb's link
                : "\"/Applications/Socket Monitor.app/Contents/MacOS/Socket Monitor\"";
        assertThat(Options.howToRun()).isEqualTo(expected);
    }
}
