package io.socketmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The help's examples start the program as the user does: an installer's command, or the jar. */
class HowToRunTest {
    private static final String MAC_APP = "/Applications/Socket Monitor.app/Contents/MacOS/Socket Monitor";

    @Test
    void theJarIsRunWithJava() {
        assertThat(Options.howToRun(null, false)).isEqualTo("java -jar socket-monitor.jar");
        assertThat(Options.howToRun(null, true)).as("an installed package beside a jar run").isEqualTo(
                "java -jar socket-monitor.jar");
    }

    @Test
    void anInstalledPackageIsRunByItsCommand() {
        assertThat(Options.howToRun("/opt/socket-monitor/bin/socket-monitor", true)).isEqualTo("socket-monitor");
    }

    @Test
    void aLauncherNotOnThePathIsRunByItsPathQuotedWhenItHasSpaces() {
        assertThat(Options.howToRun(MAC_APP, false)).isEqualTo("\"" + MAC_APP + "\"");
        assertThat(Options.howToRun("/tmp/app/bin/socket-monitor", false)).isEqualTo("/tmp/app/bin/socket-monitor");
    }
}
