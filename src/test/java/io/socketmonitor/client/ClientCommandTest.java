package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The telnet-like session on the terminal, against the app's own server on loopback. */
class ClientCommandTest {

    @Test
    void aLoadPlanNeverPromisesMoreAtATimeThanItHasConnections() throws Exception {
        LoadTarget target = LoadTarget.resolve("127.0.0.1", 8080);
        Duration ten = Duration.ofSeconds(10);
        assertThat(ClientCommand.plan(target, LoadMode.RESET,
                new LoadOptions(5, 8, ten, Duration.ofSeconds(1), TestClient.DEFAULT_CONNECT_TIMEOUT)))
                .isEqualTo("Reset (RST) on 127.0.0.1:8080: 5 connections, 5 at a time, at most 10.00 s.");
        assertThat(ClientCommand.plan(target, LoadMode.BURST,
                new LoadOptions(2000, 8, ten, Duration.ofSeconds(1), TestClient.DEFAULT_CONNECT_TIMEOUT)))
                .isEqualTo("Burst on 127.0.0.1:8080: 2000 connections, 8 at a time, at most 10.00 s.");
    }

    @Test
    void printsTheLecturesTelnetSession() throws Exception {
        try (ServerFixture server = ServerFixture.greetAndClose()) {
            Terminal t = new Terminal();

            int exit = ClientCommand.runInteractive(server.hostPort(), null, Terminal.noInput(), t.out, t.err);

            assertThat(exit).isZero();
            assertThat(t.out()).isEqualTo("""
                    Trying 127.0.0.1...
                    Connected to 127.0.0.1.
                    Hello from server
                    Connection closed by foreign host.
                    """);
            assertThat(t.err()).startsWith("(connect ").contains("first byte ").contains("18 bytes received");
        }
    }

    /**
     * A server that shuts its output the moment it accepts, then reads: --send's text used to go
     * out from the main thread after the session had seen that end, and was lost in 2 runs of 20.
     */
    @Test
    void sendTextReachesAServerThatEndsItsSideAtOnce() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            for (int run = 0; run < 30; run++) {
                Terminal t = new Terminal();
                java.util.concurrent.CompletableFuture<String> got = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try (java.net.Socket peer = listener.accept()) {
                        peer.setSoTimeout(10_000);
                        peer.shutdownOutput();
                        return new String(peer.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "failed: " + e;
                    }
                });

                int exit = ClientCommand.runInteractive("127.0.0.1:" + listener.getLocalPort(), "ping",
                        LineEnding.LF, TestClient.DEFAULT_CONNECT_TIMEOUT, Terminal.noInput(), t.out, t.err);

                assertThat(got.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("run " + run).isEqualTo("ping\n");
                assertThat(exit).as("run " + run + ": " + t.err()).isZero();
            }
        }
    }

    @Test
    void whenStandardOutputIsGoneTheSessionEndsAsNcatsDoes() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            Terminal t = new Terminal();
            // What `| head -c 10` leaves: a pipe whose reader has exited.
            java.io.PrintStream brokenPipe = new java.io.PrintStream(new java.io.OutputStream() {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    if (++written > 10) {
                        throw new IOException("Broken pipe");
                    }
                }
            }, true);
            java.io.PipedOutputStream typing = new java.io.PipedOutputStream(); // stdin that never ends

            int exit = ClientCommand.runInteractive(server.hostPort(), null, LineEnding.NONE,
                    TestClient.DEFAULT_CONNECT_TIMEOUT, new java.io.PipedInputStream(typing), brokenPipe, t.err);

            assertThat(exit).isEqualTo(ClientCommand.EXIT_FAILED);
            assertThat(t.err()).startsWith("Standard output could not be written (a closed pipe, or a full disk): disconnecting.\n")
                    .doesNotContain("Could not send");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.server.stats().open() == 0);
            typing.close();
        }
    }

    @Test
    void connectsByNameAndSaysTheNameAsTyped() throws Exception {
        try (ServerFixture server = ServerFixture.greetAndClose()) {
            Terminal t = new Terminal();

            int exit = ClientCommand.runInteractive("localhost:" + server.port(), null, Terminal.noInput(), t.out,
                    t.err);

            // localhost may resolve to ::1 first (refused there, then 127.0.0.1), as telnet shows.
            assertThat(exit).isZero();
            assertThat(t.out()).contains("Trying 127.0.0.1...\nConnected to localhost.\nHello from server\n"
                    + "Connection closed by foreign host.\n");
        }
    }

    @Test
    void connectsOverIpv6InBrackets() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        assumeThat(canBind(v6)).as("::1 is configured on this machine").isTrue();
        try (ServerFixture server = ServerFixture.on(v6, Mode.CLOSE)) {
            Terminal t = new Terminal();

            int exit = ClientCommand.runInteractive("[::1]:" + server.port(), null, Terminal.noInput(), t.out,
                    t.err);

            assertThat(exit).isZero();
            assertThat(t.out()).isEqualTo("""
                    Trying ::1...
                    Connected to ::1.
                    Hello from server
                    Connection closed by foreign host.
                    """);
        }
    }

    @Test
    void refusedIsOneSentenceAndExitsNonZero() throws Exception {
        int port = freePortNobodyListensOn();
        Terminal t = new Terminal();

        int exit = ClientCommand.runInteractive("127.0.0.1:" + port, null, Terminal.noInput(), t.out, t.err);

        assertThat(exit).isEqualTo(ClientCommand.EXIT_FAILED);
        assertThat(t.out()).isEqualTo("Trying 127.0.0.1...\n");
        assertThat(t.err()).isEqualTo("Connection refused: nothing is listening on 127.0.0.1 port " + port + "."
                + System.lineSeparator());
    }

    @Test
    void anUnknownHostFailsTheSameForALoadRunAsForASession() {
        Terminal t = new Terminal();

        int exit = ClientCommand.runLoad("no-such-host.invalid:80", "burst", null, null, null, null, t.out, t.err);

        assertThat(exit).isEqualTo(ClientCommand.EXIT_FAILED);
        assertThat(t.err()).startsWith("Unknown host: no-such-host.invalid does not resolve to any address");
    }

    @Test
    void unknownHostIsOneSentence() {
        Terminal t = new Terminal();

        int exit = ClientCommand.runInteractive("no-such-host.invalid:80", null, Terminal.noInput(), t.out, t.err);

        assertThat(exit).isEqualTo(ClientCommand.EXIT_FAILED);
        assertThat(t.out()).isEmpty();
        assertThat(t.err()).startsWith("Unknown host: no-such-host.invalid does not resolve to any address")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badHostPortIsAUsageError() {
        Terminal t = new Terminal();

        int exit = ClientCommand.runInteractive("localhost", null, Terminal.noInput(), t.out, t.err);

        assertThat(exit).isEqualTo(ClientCommand.EXIT_USAGE);
        assertThat(t.err()).startsWith("Missing port in 'localhost'");
    }

    @Test
    void badEscapeInSendTextIsAUsageError() {
        Terminal t = new Terminal();

        int exit = ClientCommand.runInteractive("127.0.0.1:80", "bad \\q", Terminal.noInput(), t.out, t.err);

        assertThat(exit).isEqualTo(ClientCommand.EXIT_USAGE);
        assertThat(t.err()).startsWith("Cannot send that text: Unknown escape \\q");
        assertThat(t.out()).isEmpty();
    }

    @Test
    void sendTextThenStandardInputReachTheServerAndEndOfInputHalfCloses() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            server.server.setEcho(true);
            Terminal t = new Terminal();

            int exit = ClientCommand.runInteractive(server.hostPort(), "ping\\n", Terminal.input("typed\n"), t.out,
                    t.err);

            // Half-close after standard input ends: the keep-open server sees end of stream and closes.
            assertThat(exit).isZero();
            assertThat(t.out()).startsWith("Trying 127.0.0.1...\nConnected to 127.0.0.1.\nHello from server\n")
                    .contains("ping\n").contains("typed\n").endsWith("Connection closed by foreign host.\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.closed(CloseReason.BY_PEER) == 1);
            assertThat(server.closedEvents().get(0).peer().bytesIn()).isEqualTo("ping\ntyped\n".length());
        }
    }

    private static int freePortNobodyListensOn() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean canBind(InetAddress a) {
        try (ServerSocket s = new ServerSocket(0, 1, a)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
