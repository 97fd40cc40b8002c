package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerTestAccess;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * HTTP mode never holds a request head open: too large is answered 431, too slow 408, and what
 * is not HTTP at all 400. Whatever head came is reported once, so the log and lecture show it.
 */
class HttpHeadLimitsTest extends FaultFixture {
    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(1);

    private MonitorServer http() {
        MonitorServer s = server(config().withMode(Mode.HTTP));
        ServerTestAccess.httpHeadTimeout(s, HEAD_TIMEOUT);
        return s;
    }

    @Test
    void headOverTheLimitIsAnswered431AndClosed() throws Exception {
        InetSocketAddress a = http().start();
        Socket s = connect(a);
        int limit = ServerTestAccess.httpHeadLimitBytes();
        String head = "GET / HTTP/1.1\r\nX-Fill: " + "a".repeat(limit) + "\r\n\r\n";
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(readToEnd(s)).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.REQUEST_TOO_LARGE) == 1);
        assertThat(received()).extracting(ServerEvent.Received::preview).containsExactly("GET / HTTP/1.1");
        assertThat(received().get(0).bytes()).isGreaterThanOrEqualTo(limit);
    }

    /**
     * RFC 9112 9.6: closing on bytes not read sends an RST, and the RST may wipe the answer
     * before the client reads it. A client still sending gets to finish, then reads the answer.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "'GET / HTTP/1.1\\r\\nX-Fill: ', HTTP/1.1 431 Request Header Fields Too Large, REQUEST_TOO_LARGE",
        "'hello\\r\\n', HTTP/1.1 400 Bad Request, BAD_REQUEST"})
    void aClientStillSendingWhenAnsweredFinishesSendingAndReadsTheAnswer(String start, String statusLine,
            CloseReason reason) throws Exception {
        InetSocketAddress a = http().start();
        Socket s = connect(a);
        byte[] rest = "a".repeat(4 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        java.util.concurrent.CompletableFuture<Void> sending = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = s.getOutputStream();
                out.write(start.replace("\\r\\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(rest);
                out.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        sending.get(10, java.util.concurrent.TimeUnit.SECONDS); // throws what the write met: a reset, a broken pipe

        assertThat(readToEnd(s)).startsWith(statusLine + "\r\n");
        s.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(reason) == 1);
    }

    private java.util.List<ServerEvent.Received> received() {
        return events.of(ServerEvent.Received.class);
    }

    @Test
    void whatIsNotAnHttpRequestIsAnswered400AndShown() throws Exception {
        InetSocketAddress a = http().start();
        Socket s = connect(a);
        s.getOutputStream().write("hello\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String answer = readToEnd(s);

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("GET / HTTP/1.1")
                .doesNotContain("Hello from server");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.BAD_REQUEST) == 1);
        assertThat(received()).extracting(ServerEvent.Received::preview).containsExactly("hello");
    }

    @Test
    void aLineTypedInTelnetIsAnswered400AsItEndsNot408Later() throws Exception {
        InetSocketAddress a = http().start();
        Socket s = connect(a);
        s.getOutputStream().write("hi\r\n".getBytes(StandardCharsets.US_ASCII)); // and telnet waits, no empty line

        assertThat(readToEnd(s)).startsWith("HTTP/1.1 400 Bad Request\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.BAD_REQUEST) == 1);
        assertThat(events.closed(CloseReason.REQUEST_TIMEOUT)).isZero();
    }

    @Test
    void aHeadCutOffByThePeerClosingIsShownWithItsBytes() throws Exception {
        InetSocketAddress a = http().start();
        Socket s = connect(a);
        s.getOutputStream().write("GET /half HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        s.shutdownOutput(); // as `printf 'GET / HTTP/1.1\r\n' | nc` does

        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.BY_PEER) == 1);
        assertThat(received()).hasSize(1);
        assertThat(received().get(0).preview()).isEqualTo("GET /half HTTP/1.1");
        assertThat(received().get(0).bytes()).isEqualTo(20);
    }

    @Test
    void everyMethodAndHttpVersionIsARequest() throws Exception {
        InetSocketAddress a = http().start();
        for (String line : new String[] {"GET / HTTP/1.1", "POST /form?x=1 HTTP/1.0", "OPTIONS * HTTP/1.1",
                "\r\nGET /after-an-empty-line HTTP/1.1"}) { // RFC 9112 2.2: a leading empty line is ignored
            Socket s = connect(a);
            s.getOutputStream().write((line + "\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readToEnd(s)).as(line).startsWith("HTTP/1.1 200 OK\r\n").endsWith("Hello from server\n");
        }
    }

    private static final Duration DRIP_INTERVAL = Duration.ofMillis(100);

    /** Whether the server answers 408 and cuts the connection within {@code d}. */
    private boolean cutWithin(Duration d) {
        try {
            await().atMost(d).pollInterval(Duration.ofMillis(5))
                    .until(() -> events.closed(CloseReason.REQUEST_TIMEOUT) == 1);
            return true;
        } catch (ConditionTimeoutException notYet) {
            return false;
        }
    }

    @Test
    void headThatNeverEndsIsCutAtTheTimeoutEvenWhileBytesKeepComing() throws Exception {
        MonitorServer server = http();
        InetSocketAddress a = server.start();
        Socket s = connect(a);
        OutputStream out = s.getOutputStream();
        long t0 = System.nanoTime();
        out.write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        long written = "GET / HTTP/1.1\r\n".length();
        boolean cut = false;
        // A slowloris: one header line every 100 ms, bounded to 50 lines (5 s).
        for (int i = 0; i < 50 && !cut; i++) {
            try {
                byte[] line = ("X-Drip-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII);
                out.write(line);
                out.flush();
                written += line.length;
            } catch (SocketException e) {
                cut = true;
                break;
            }
            cut = cutWithin(DRIP_INTERVAL); // else the next line
        }
        long heldMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(cut).as("cut while still sending").isTrue();
        assertThat(heldMillis).as("held for").isLessThan(HEAD_TIMEOUT.toMillis() + 1500);
        assertThat(readToEnd(s)).startsWith("HTTP/1.1 408 Request Timeout\r\n");
        assertThat(server.stats().open()).isZero();
        // The unfinished head still shows, with every byte that came.
        assertThat(received()).hasSize(1);
        assertThat(received().get(0).preview()).isEqualTo("GET / HTTP/1.1");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.REQUEST_TIMEOUT) == 1);
        // Lines that land between the last read and the 408's close are counted in "in" but
        // show in no Received line (the closing read drops them), so "in" may be more, though
        // never more than the client wrote.
        long shown = received().get(0).bytes();
        assertThat(shown).isGreaterThan(16);
        assertThat(events.of(ServerEvent.Closed.class).get(0).peer().bytesIn()).isBetween(shown, written);
    }

    @Test
    void silentConnectionIsAnswered408AfterTheTimeout() throws Exception {
        InetSocketAddress a = http().start();
        Socket s = connect(a);
        long t0 = System.nanoTime();
        String answer = readToEnd(s);
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n")
                .endsWith("\r\n\r\n408 Request Timeout\nThe request did not end within 1 second: this server waits"
                        + " that long for a request such as \"GET / HTTP/1.1\" and the empty line after its headers.\n");
        assertThat(tookMillis).isBetween(HEAD_TIMEOUT.toMillis() - 50, HEAD_TIMEOUT.toMillis() + 1500);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.REQUEST_TIMEOUT) == 1);
        assertThat(received()).as("nothing came, nothing to show").isEmpty();
    }

    /** Typing "GET / HTTP/1.1", "Host: localhost" and an empty line in telnet takes a student 10-20 s. */
    @Test
    void theDefaultHeadTimeoutLeavesTimeToTypeARequestInTelnet() {
        assertThat(ServerTestAccess.defaultHttpHeadTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
}
