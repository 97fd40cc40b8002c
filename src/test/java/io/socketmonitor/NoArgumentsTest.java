package io.socketmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.cli.Options;
import io.socketmonitor.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Started with no arguments (a double-click, an installed launcher) the program opens the window
 * without parsing: it must open it exactly as an empty command line would.
 */
class NoArgumentsTest {

    @Test
    void theWindowGetsTheSameSettingsAsAnEmptyCommandLine() throws Exception {
        Options options = new Options();
        new CommandLine(options).parseArgs();
        ServerConfig parsed = options.serverConfig();
        ServerConfig unparsed = ServerConfig.defaults();

        // The greeting is compared by its text: a template has no equality of its own.
        assertThat(unparsed.greeting().source()).isEqualTo(parsed.greeting().source());
        assertThat(unparsed).usingRecursiveComparison().ignoringFields("greeting").isEqualTo(parsed);
        assertThat(options.startNow()).isFalse();
        assertThat(options.headless()).isFalse();
    }

    @Test
    void withoutADisplayItSaysSoAsWithOptions() {
        // The unit tests run with java.awt.headless=true (pom.xml), as a machine without a display does.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SocketMonitor.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream errWithOption = new ByteArrayOutputStream();
        int codeWithOption = SocketMonitor.run(new String[] {"--port", "8080"}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(errWithOption, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(SocketMonitor.EXIT_USAGE).isEqualTo(codeWithOption);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("No display is available, so the window cannot open. Run the server on the terminal"
                        + " with --headless")
                .isEqualTo(errWithOption.toString(StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
