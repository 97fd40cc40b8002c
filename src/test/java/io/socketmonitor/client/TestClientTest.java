package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ConcurrentLinkedQueue<ClientEvent> events = new ConcurrentLinkedQueue<>();

    private TestClient client() {
        return new TestClient(events::add);
    }

    private <T extends ClientEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private String received() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        of(ClientEvent.Received.class).forEach(r -> all.writeBytes(r.data()));
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void greetAndCloseReportsEveryStepAndTheTimings() throws Exception {
        try (ServerFixture server = ServerFixture.greetAndClose(); TestClient client = client()) {
            SessionSummary s = client.connect("127.0.0.1", server.port(), WAIT).get(10, TimeUnit.SECONDS);

            assertThat(s.end()).isEqualTo(SessionEnd.BY_PEER);
            assertThat(s.message()).isEqualTo("Connection closed by foreign host.");
            assertThat(s.closedNormally()).isTrue();
            assertThat(s.bytesIn()).isEqualTo(18);
            assertThat(s.connectTime()).isPositive();
            assertThat(s.timeToFirstByte()).isNotNull().isPositive();
            assertThat(received()).isEqualTo("Hello from server\n");
            assertThat(events).first().isInstanceOf(ClientEvent.Trying.class);
            assertThat(events).last().isInstanceOf(ClientEvent.Closed.class);
            ClientEvent.Connected c = of(ClientEvent.Connected.class).get(0);
            assertThat(c.remote().getPort()).isEqualTo(server.port());
            assertThat(c.local().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void sendsTextWithEachLineEndingAndEscapesByteForByte() throws Exception {
        try (RawServer server = new RawServer(new byte[0]); TestClient client = client()) {
            client.connect("127.0.0.1", server.address().getPort(), WAIT);
            await().atMost(WAIT).until(client::isConnected);

            client.sendText("lf", LineEnding.LF);
            client.sendText("crlf", LineEnding.CRLF);
            client.sendText("cr", LineEnding.CR);
            client.sendText("none", LineEnding.NONE);
            client.sendText("\\t\\0\\x7f\\\\\\u00e9", LineEnding.NONE);
            client.shutdownOutput();

            byte[] wire = server.received.get(10, TimeUnit.SECONDS);
            assertThat(wire).containsExactly(
                    'l', 'f', '\n', 'c', 'r', 'l', 'f', '\r', '\n', 'c', 'r', '\r', 'n', 'o', 'n', 'e',
                    '\t', 0, 0x7f, '\\', 0xC3, 0xA9);
            assertThat(client.finished().get(10, TimeUnit.SECONDS).bytesOut()).isEqualTo(wire.length);
            assertThat(of(ClientEvent.Sent.class)).hasSize(5);
        }
    }

    @Test
    void halfCloseLetsTheServerAnswerAfterItReadsEndOfStream() throws Exception {
        byte[] answer = "got your end of stream\n".getBytes(StandardCharsets.US_ASCII);
        try (RawServer server = new RawServer(answer); TestClient client = client()) {
            client.connect("127.0.0.1", server.address().getPort(), WAIT);
            await().atMost(WAIT).until(client::isConnected);

            client.sendText("question", LineEnding.LF);
            client.shutdownOutput();

            // The server only answers after it read end of stream; we can still read it.
            assertThat(server.received.get(10, TimeUnit.SECONDS)).asString().isEqualTo("question\n");
            SessionSummary s = client.finished().get(10, TimeUnit.SECONDS);
            assertThat(s.end()).isEqualTo(SessionEnd.BY_PEER);
            assertThat(received()).isEqualTo("got your end of stream\n");
            assertThat(of(ClientEvent.OutputShutdown.class)).hasSize(1);
            assertThatThrownBy(() -> client.send(new byte[] {1})).isInstanceOf(IOException.class);
        }
    }

    @Test
    void closeByUserEndsTheSessionAndTheServerSeesItsPeerClose() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen(); TestClient client = client()) {
            client.connect("127.0.0.1", server.port(), WAIT);
            await().atMost(WAIT).until(() -> received().equals("Hello from server\n"));

            client.close();

            SessionSummary s = client.finished().get(10, TimeUnit.SECONDS);
            assertThat(s.end()).isEqualTo(SessionEnd.BY_USER);
            assertThat(s.message()).isEqualTo("Connection closed.");
            await().atMost(WAIT).until(() -> server.closed(CloseReason.BY_PEER) == 1);
        }
    }

    @Test
    void bytesSentInKeepOpenModeArriveAtTheServer() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen(); TestClient client = client()) {
            client.connect("127.0.0.1", server.port(), WAIT);
            await().atMost(WAIT).until(client::isConnected);

            client.sendText("GET / HTTP/1.0", LineEnding.CRLF);

            await().atMost(WAIT).until(() -> server.server.peers().size() == 1
                    && server.server.peers().get(0).bytesIn() == 16);
        }
    }

    @Test
    void unknownHostFailsWithASentence() throws Exception {
        try (TestClient client = client()) {
            SessionSummary s = client.connect("nothing-here.invalid", 80, WAIT).get(20, TimeUnit.SECONDS);

            assertThat(s.end()).isEqualTo(SessionEnd.FAILED);
            assertThat(s.message()).startsWith("Unknown host: nothing-here.invalid does not resolve to any address");
            assertThat(of(ClientEvent.Failed.class)).extracting(ClientEvent.Failed::message)
                    .containsExactly(s.message());
        }
    }

    @Test
    void oneClientRunsOneSessionAndCannotSendBeforeConnecting() {
        try (TestClient client = client()) {
            assertThatThrownBy(() -> client.send(new byte[] {1}))
                    .isInstanceOf(IOException.class).hasMessage("Not connected: connect first, then send.");
            client.connect("127.0.0.1", 9, WAIT);
            assertThatThrownBy(() -> client.connect("127.0.0.1", 9, WAIT)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aListenerThatThrowsOnTheConnectionLeavesNoSocketOpenAndTheSessionEnds() throws Exception {
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            TestClient client = new TestClient(e -> {
                if (e instanceof ClientEvent.Connected) {
                    throw new IllegalStateException("a listener's own bug");
                }
            });
            java.util.concurrent.CompletableFuture<SessionSummary> done =
                    client.connect("127.0.0.1", listening.getLocalPort(), WAIT);
            try (java.net.Socket accepted = listening.accept()) {
                accepted.setSoTimeout(10_000);
                assertThat(accepted.getInputStream().read()).as("the client closed its side").isEqualTo(-1);
            }
            assertThat(done.get(10, TimeUnit.SECONDS).end()).isEqualTo(SessionEnd.ERROR);
        }
    }

    @Test
    void aListenerThatThrowsOnTheEndStillLetsTheSessionFinish() throws Exception {
        try (ServerFixture server = ServerFixture.greetAndClose()) {
            TestClient client = new TestClient(e -> {
                if (e instanceof ClientEvent.Closed) {
                    throw new IllegalStateException("a listener's own bug");
                }
            });
            SessionSummary s = client.connect("127.0.0.1", server.port(), WAIT).get(10, TimeUnit.SECONDS);
            assertThat(s.end()).isEqualTo(SessionEnd.BY_PEER);
        }
    }
}
