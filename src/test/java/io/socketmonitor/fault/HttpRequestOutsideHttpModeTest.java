package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Lines;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * curl or a browser aimed at the lecture's greet-and-close server, or a keep-open one, gets
 * "Hello from server" where it expects an HTTP answer ("Received HTTP/0.9 when not allowed");
 * the log says why, now and then, and says nothing for a peer that merely talks.
 */
class HttpRequestOutsideHttpModeTest extends FaultFixture {
    private static final String CURL_REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.5.0\r\n"
            + "Accept: */*\r\n\r\n";

    /** Each peer's bytes are waiting before the server greets it, as curl's usually are. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, CountDownLatch> sent =
            new java.util.concurrent.ConcurrentHashMap<>();

    private InetSocketAddress closeModeServer() throws Exception {
        MonitorServer s = server(config());
        s.addListener(e -> {
            if (e instanceof ServerEvent.Connected c) {
                try { // listeners run on the server's thread, before it greets: hold it there
                    sent.computeIfAbsent(c.peer().remote().getPort(), p -> new CountDownLatch(1))
                            .await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return s.start();
    }

    /** Connects, sends {@code text} before the server greets, and reads everything the server sends. */
    private String talkFirst(InetSocketAddress a, String text) throws IOException {
        Socket s = connect(a);
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        sent.computeIfAbsent(s.getLocalPort(), p -> new CountDownLatch(1)).countDown();
        return readToEnd(s);
    }

    private java.util.List<ServerEvent.HttpRequestOutsideHttpMode> hints() {
        return events.of(ServerEvent.HttpRequestOutsideHttpMode.class);
    }

    @Test
    void anHttpRequestGetsTheGreetingAndTheLogSaysCurlNeedsHttpMode() throws Exception {
        InetSocketAddress a = closeModeServer();

        assertThat(talkFirst(a, CURL_REQUEST)).isEqualTo("Hello from server\n");

        await().atMost(Duration.ofSeconds(5)).until(() -> hints().size() == 1);
        ServerEvent.HttpRequestOutsideHttpMode hint = hints().get(0);
        assertThat(hint.requestLine()).isEqualTo("GET / HTTP/1.1");
        assertThat(Lines.httpRequestOutsideHttpMode(hint, "Start the server with --mode http.")).isEqualTo(
                "('127.0.0.1', " + hint.remote().getPort() + ") sent an HTTP request (GET / HTTP/1.1):"
                        + " curl and browsers need an HTTP answer. Start the server with --mode http.");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.AFTER_GREETING) == 1);
        assertThat(servers.get(0).stats().errors()).as("a hint, not an error").isZero();
    }

    @Test
    void aRequestForALongUrlIsARequestTooAndItsLineIsCutInTheHint() throws Exception {
        InetSocketAddress a = closeModeServer();
        String target = "/search?q=" + "x".repeat(300);

        assertThat(talkFirst(a, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo("Hello from server\n");

        await().atMost(Duration.ofSeconds(5)).until(() -> hints().size() == 1);
        assertThat(hints().get(0).requestLine()).startsWith("GET /search?q=xxx").endsWith("\u2026").hasSizeLessThan(210);
    }

    @Test
    void aBrowsersManyRequestsGetOneHintNotOneEach() throws Exception {
        InetSocketAddress a = closeModeServer();

        for (int i = 0; i < 5; i++) {
            assertThat(talkFirst(a, "GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo("Hello from server\n");
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.AFTER_GREETING) == 5);
        assertThat(hints()).hasSize(1);
    }

    @Test
    void aKeepOpenServerHintsAtCurlsRequestTooAndKeepsThePeerOpen() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN));
        Socket curl = connect(a);
        assertThat(readExactly(curl, HELLO.length)).isEqualTo(HELLO);
        curl.getOutputStream().write(CURL_REQUEST.getBytes(StandardCharsets.US_ASCII));
        Socket talker = connect(a);
        assertThat(readExactly(talker, HELLO.length)).isEqualTo(HELLO);
        talker.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.of(ServerEvent.Received.class).size() == 2);
        assertThat(hints()).as("curl's request, not the peer that says hello").hasSize(1);
        assertThat(hints().get(0).requestLine()).isEqualTo("GET / HTTP/1.1");
        assertThat(hints().get(0).remote().getPort()).isEqualTo(curl.getLocalPort());
        assertThat(servers.get(0).stats().open()).as("keep-open: both peers stay").isEqualTo(2);
    }

    @Test
    void aPeerThatSaysHelloGetsNoHint() throws Exception {
        InetSocketAddress a = closeModeServer();

        assertThat(talkFirst(a, "hello\r\n")).isEqualTo("Hello from server\n");
        assertThat(talkFirst(a, "GET / HTTP/1.1")).as("no line end yet: not known to be a request")
                .isEqualTo("Hello from server\n");

        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.AFTER_GREETING) == 2);
        assertThat(hints()).isEmpty();
    }
}
