package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerTestAccess;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/** HTTP mode never holds a request head open: too large is answered 431, too slow 408. */
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
        boolean cut = false;
        // A slowloris: one header line every 100 ms, bounded to 50 lines (5 s).
        for (int i = 0; i < 50 && !cut; i++) {
            try {
                out.write(("X-Drip-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
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
    }

    @Test
    void silentConnectionIsAnswered408AfterTheTimeout() throws Exception {
        InetSocketAddress a = http().start();
        Socket s = connect(a);
        long t0 = System.nanoTime();
        String answer = readToEnd(s);
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n");
        assertThat(tookMillis).isBetween(HEAD_TIMEOUT.toMillis() - 50, HEAD_TIMEOUT.toMillis() + 1500);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.closed(CloseReason.REQUEST_TIMEOUT) == 1);
    }

    @Test
    void theDefaultHeadTimeoutIsFiveSeconds() {
        assertThat(ServerTestAccess.defaultHttpHeadTimeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
