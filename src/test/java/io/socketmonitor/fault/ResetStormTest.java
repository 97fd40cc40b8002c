package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 10,000 keep-open peers that end with RST: every one reported, none left open, no descriptor kept. */
class ResetStormTest extends FaultFixture {
    private static final int TOTAL = 10_000;
    private static final int BATCH = 250; // open at once: well under a default 1024 descriptor limit

    @Test
    void tenThousandResetConnectionsLeaveNothingBehind() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN));
        InetSocketAddress a = server.start();
        int descriptorsServing = Descriptors.count();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (int done = 0; done < TOTAL && System.nanoTime() < deadline; done += BATCH) {
            List<Socket> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                Socket s = new Socket();
                batch.add(s);
                s.connect(a, 2000);
                s.setSoTimeout(5000);
            }
            for (Socket s : batch) {
                assertThat(readExactly(s, HELLO.length)).isEqualTo(HELLO); // accepted and greeted
                reset(s);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> events.closed(CloseReason.RESET) == TOTAL);
        assertThat(server.stats().served()).isEqualTo(TOTAL);
        assertThat(server.stats().open()).isZero();
        assertThat(server.peers()).isEmpty();
        assertThat(server.stats().errors()).isZero();
        if (Descriptors.available()) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Descriptors.count()).as("descriptors while still listening").isLessThanOrEqualTo(descriptorsServing));
        }
        assertThat(server.isRunning()).isTrue();
    }
}
