package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.template.GreetingTemplate;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The greet-and-close fast path: greetings up to 1 KiB are written on the still-blocking channel,
 * larger ones through the selector. Both deliver every byte and a clean end, whether or not the
 * peer talks first, and never stall the loop.
 */
class GreetAndClosePathsTest extends FaultFixture {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 1023, 1024, 1025, 4096, 60_000})
    void everyGreetingSizeArrivesWholeThenEnds(int size) throws Exception {
        StringBuilder text = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            text.append((char) ('a' + i % 26));
        }
        InetSocketAddress a = start(config().withGreeting(GreetingTemplate.parse(text.toString())));
        List<Socket> peers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            peers.add(connect(a));
        }
        for (Socket s : peers) {
            InputStream in = s.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(text.toString());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> events.closed(CloseReason.AFTER_GREETING) == 20);
    }

    @Test
    void peersThatTalkFirstStillGetTheGreetingAndACleanEndAndNothingStalls() throws Exception {
        InetSocketAddress a = start(config());
        for (int round = 0; round < 10; round++) {
            List<Socket> peers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Socket s = connect(a);
                // Data the server has not asked for: drained before close (no RST), never waited for.
                s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + "x".repeat(i * 100))
                        .getBytes(StandardCharsets.US_ASCII));
                peers.add(s);
            }
            for (Socket s : peers) {
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("Hello from server\n");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> events.closed(CloseReason.AFTER_GREETING) == 200);
        assertThat(servers.get(0).stats().errors()).isZero();
    }
}
