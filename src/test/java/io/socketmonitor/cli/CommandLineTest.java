package io.socketmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as a user runs it: a child process, its output lines and exit codes. */
class CommandLineTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+) for connections.*");

    @Test
    void headlessServerSpeaksLikeTheLectureAndStopsCleanlyOnSigterm() throws Exception {
        try (ChildProcess app = ChildProcess.start("--headless", "--port", "0")) {
            Matcher m = LISTENING.matcher(app.nextLine());
            assertThat(m.matches()).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(port).isPositive();

            int clientPort;
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(5000);
                clientPort = s.getLocalPort();
                assertThat(readAll(s.getInputStream())).isEqualTo("Hello from server\n");
            }
            assertThat(app.nextLine()).isEqualTo("Connected to ('127.0.0.1', " + clientPort + ")");

            app.process.destroy(); // SIGTERM, as `kill` or a service manager sends
            // Exits on the signal, not at some timeout of its own (28-45 ms here; a bound, not a benchmark).
            assertThat(app.process.waitFor(5, TimeUnit.SECONDS)).as("exited on SIGTERM").isTrue();
            assertThat(app.exitCode()).isZero();
            assertThat(app.remainingLines()).as(app.stderr()).containsExactly("Stopped: served 1, peak open 1, errors 0");
        }
    }

    @Test
    void ctrlCAtATerminalLeavesTheSummaryOnALineOfItsOwn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/script").canExecute(),
                "util-linux script makes the terminal");
        try (ChildProcess app = ChildProcess.startInTerminal("--headless", "--port", "0")) {
            assertThat(app.nextLine()).matches(LISTENING);

            app.type("\u0003"); // Ctrl+C: the terminal echoes "^C" and sends SIGINT

            assertThat(app.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitCode()).isZero();
            assertThat(app.remainingLines()).as(app.stderr())
                    .containsExactly("^C", "Stopped: served 0, peak open 0, errors 0");
        }
    }

    @Test
    void ctrlCDuringALoadRunStillPrintsWhatWasDone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/script").canExecute(),
                "util-linux script makes the terminal");
        try (MonitorServer server = new MonitorServer(ServerConfig.defaults().withPort(0)
                .withMode(io.socketmonitor.server.Mode.KEEP_OPEN))) {
            int port = server.start().getPort();
            try (ChildProcess app = ChildProcess.startInTerminal("--connect", "127.0.0.1:" + port, "--load", "hold",
                    "--connections", "3", "--duration", "60")) {
                assertThat(app.nextLine()).startsWith("Hold open on 127.0.0.1:" + port + ": 3 connections");
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> server.stats().open() == 3);

                app.type("\u0003");

                assertThat(app.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                List<String> rest = app.remainingLines();
                assertThat(rest).as(app.stderr()).hasSize(3);
                assertThat(rest.get(0)).isEqualTo("^C");
                assertThat(rest.get(1)).startsWith("Hold open on 127.0.0.1:" + port + ": 3 of 3 connections opened");
                assertThat(rest.get(2)).startsWith("Cancelled after ");
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                        .until(() -> server.stats().open() == 0);
            }
        }
    }

    @Test
    void withStandardInputClosedTheClientSendsNothing() throws Exception {
        try (MonitorServer server = new MonitorServer(ServerConfig.defaults().withPort(0)
                .withMode(io.socketmonitor.server.Mode.KEEP_OPEN))) {
            int port = server.start().getPort();
            try (ChildProcess app = ChildProcess.startWithStdinClosed("--connect", "127.0.0.1:" + port)) {
                assertThat(app.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(app.remainingLines()).containsExactly("Trying 127.0.0.1...", "Connected to 127.0.0.1.",
                        "Hello from server", "Connection closed by foreign host.");
                // Not the JVM's lib/modules, which took descriptor 0: end of input at once, as ncat.
                assertThat(app.stderr()).contains(", 0 bytes sent)");
            }
            assertThat(server.stats().bytesIn()).isZero();
        }
    }

    /** What `timeout` and a closing terminal do: the process and its group are signalled, so it comes twice. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TERM", "HUP"})
    void oneStopRequestSignalledTwiceStillStopsCleanly(String signal) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/bin/kill").canExecute(), "procps's kill");
        try (ChildProcess app = ChildProcess.start("--headless", "--port", "0")) {
            assertThat(app.nextLine()).matches(LISTENING);
            String pid = Long.toString(app.process.pid());

            // The second from /bin/kill, a millisecond or two later, while it stops: sent together
            // (the shell's kill, or one kill naming the pid twice) they are often merged into one.
            new ProcessBuilder("sh", "-c", "kill -" + signal + " $0; /bin/kill -" + signal + " $0", pid)
                    .inheritIO().start().waitFor();

            assertThat(app.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitCode()).isZero();
            assertThat(app.remainingLines()).as(app.stderr()).containsExactly("Stopped: served 0, peak open 0, errors 0");
        }
    }

    @Test
    void quietPrintsNoLinePerConnection() throws Exception {
        try (ChildProcess app = ChildProcess.start("--headless", "--quiet", "--port", "0", "--greeting", "hi")) {
            Matcher m = LISTENING.matcher(app.nextLine());
            assertThat(m.matches()).isTrue();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)))) {
                s.setSoTimeout(5000);
                assertThat(readAll(s.getInputStream())).isEqualTo("hi");
            }
            app.process.destroy();
            assertThat(app.process.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(app.remainingLines()).as(app.stderr()).containsExactly("Stopped: served 1, peak open 1, errors 0");
        }
    }

    @Test
    void portInUseExitsWithASentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            try (ChildProcess app = ChildProcess.run("--headless", "--port", Integer.toString(port))) {
                assertThat(app.exitCode()).isEqualTo(1);
                assertThat(app.stderr()).startsWith("Port " + port + " on 127.0.0.1 is already in use")
                        .doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--port|70000|Port 70000 is out of range: a TCP port is a number from 0 to 65535",
        "--port|-1|Port -1 is out of range: a TCP port is a number from 0 to 65535",
        "--port|0x50|Port '0x50' is not a port number",
        "--port|abc|Port 'abc' is not a port number",
        "--mode|chat|Mode 'chat' is unknown: use close, keep-open or http.",
        "--greeting|bad \\q escape|Greeting: Unknown escape \\q",
        "--bind|10.255.255.254|10.255.255.254 is not an address of this machine",
        "--bind|no-such-host.invalid|'no-such-host.invalid' is not an address",
        "--backlog|0|--backlog must be between 1 and 65535, not 0.",
        "--write-timeout|0|--write-timeout must be between 1 and 86400 seconds, not 0.",
        "--max-connections|many|--max-connections 'many' is not a whole number.",
    })
    void badInputIsASentenceWithExitCode2(String option, String value, String expected) throws Exception {
        try (ChildProcess app = ChildProcess.run("--headless", option, value)) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.stderr()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void greetingOver64KiBIsRefused() throws Exception {
        try (ChildProcess app = ChildProcess.run("--headless", "--greeting", "x".repeat(64 * 1024 + 1))) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.stderr()).contains("65537 bytes; the most is 65536 bytes (64 KiB)");
        }
    }

    @Test
    void badEscapeNamesItsPosition() throws Exception {
        try (ChildProcess app = ChildProcess.run("--headless", "--greeting", "Hello\\xZZ")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.stderr()).contains("at position 6");
        }
    }

    @Test
    void unknownOptionIsNamed() throws Exception {
        try (ChildProcess app = ChildProcess.run("--colour")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.stderr()).contains("Unknown option: '--colour'").contains("--help");
        }
    }

    @Test
    void versionAndHelp() throws Exception {
        try (ChildProcess app = ChildProcess.run("--version")) {
            assertThat(app.exitCode()).isZero();
            assertThat(app.nextLine()).matches("Socket Monitor \\d+\\.\\d+\\.\\d+.*");
        }
        try (ChildProcess app = ChildProcess.run("--help")) {
            assertThat(app.exitCode()).isZero();
            List<String> help = app.remainingLines();
            assertThat(String.join("\n", help)).contains("--headless").contains("--list-interfaces")
                    .contains("--max-per-peer");
            // No terminal here, so the help is laid out for 80 columns. An example wrapped there
            // would go on at the left margin, and could not be pasted whole.
            List<String> examples = help.subList(help.indexOf("Examples:") + 1, help.size());
            assertThat(examples).isNotEmpty().allSatisfy(line -> assertThat(line).as("an example line").startsWith("  "));
            assertThat(examples).contains("    java -jar socket-monitor.jar --connect localhost:8080 --load burst");
        }
    }

    @Test
    void listInterfacesShowsLoopbackAndWhoCanReachIt() throws Exception {
        try (ChildProcess app = ChildProcess.run("--list-interfaces")) {
            assertThat(app.exitCode()).isZero();
            assertThat(String.join("\n", app.remainingLines())).contains("127.0.0.1").contains("this machine only");
        }
    }

    @Test
    void connectPrintsTheLecturesTelnetSessionAndLoadRefusesOtherMachines() throws Exception {
        try (MonitorServer server = new MonitorServer(ServerConfig.defaults().withPort(0))) {
            int port = server.start().getPort();
            try (ChildProcess app = ChildProcess.run("--connect", "127.0.0.1:" + port)) {
                assertThat(app.exitCode()).isZero();
                assertThat(app.remainingLines()).containsExactly("Trying 127.0.0.1...", "Connected to 127.0.0.1.",
                        "Hello from server", "Connection closed by foreign host.");
            }
            try (ChildProcess app = ChildProcess.run("--connect", "127.0.0.1:" + port, "--load", "burst",
                    "--connections", "50")) {
                assertThat(app.exitCode()).isZero();
                assertThat(String.join("\n", app.remainingLines())).contains("50 of 50 connections served")
                        .contains("50 got a greeting");
            }
        }
        try (ChildProcess app = ChildProcess.run("--connect", "192.0.2.10:80", "--load", "burst")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.stderr()).contains("Load modes only target this machine");
        }
    }

    @Test
    void withoutADisplayTheWindowPointsToHeadless() throws Exception {
        try (ChildProcess app = ChildProcess.run("--port", "0")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.stderr()).contains("--headless");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
