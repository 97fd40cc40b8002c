package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 100 start/stop cycles, each with 100 open keep-open peers: every restart binds the same port
 * at the first try, every stop closes every peer and ends the loop thread, and no descriptor
 * or thread is left (the fixture checks descriptors after the test).
 */
class StartStopCyclesTest extends FaultFixture {
    private static final int CYCLES = 100;
    private static final int PEERS = 100;

    @Test
    void hundredCyclesWithHundredPeersLeakNothingAndRebindAtOnce() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN));
        int port = server.start().getPort();
        server.stop();
        server.reconfigure(server.config().withPort(port));
        int threadsBefore = Thread.activeCount();
        long slowestStopNanos = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            InetSocketAddress a = server.start(); // throws at once if the port were still taken
            assertThat(a.getPort()).isEqualTo(port);
            List<Socket> peers = new ArrayList<>(PEERS);
            try {
                for (int i = 0; i < PEERS; i++) {
                    Socket s = new Socket();
                    peers.add(s);
                    s.connect(a, 2000);
                    s.setSoTimeout(5000);
                }
                for (Socket s : peers) {
                    assertThat(readExactly(s, HELLO.length)).isEqualTo(HELLO);
                }
                assertThat(server.stats().open()).isEqualTo(PEERS);
                long t0 = System.nanoTime();
                server.stop();
                slowestStopNanos = Math.max(slowestStopNanos, System.nanoTime() - t0);
                assertThat(server.isRunning()).isFalse();
                assertThat(serverThreads()).as("server threads after stop, cycle " + cycle).isZero();
                for (Socket s : peers) {
                    assertThat(s.getInputStream().read()).as("peer sees the close").isEqualTo(-1);
                }
            } finally {
                for (Socket s : peers) {
                    s.close();
                }
            }
        }
        assertThat(events.closed(CloseReason.SERVER_STOPPED)).isEqualTo((long) CYCLES * PEERS);
        assertThat(Thread.activeCount()).as("threads after the cycles").isLessThanOrEqualTo(threadsBefore);
        System.out.printf("start/stop: %d cycles x %d peers, slowest stop %.1f ms%n", CYCLES, PEERS,
                slowestStopNanos / 1e6);
    }
}
