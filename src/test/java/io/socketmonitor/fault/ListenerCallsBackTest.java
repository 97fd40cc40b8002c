package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerEvent;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Listeners run on the server's own threads (the acceptor for new connections, the loop for
 * the rest). One that calls back into the server, or that hangs, must not take the port with it.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a deadlock fails, never hangs
class ListenerCallsBackTest extends FaultFixture {

    @Test
    void aListenerThatStopsTheServerOnAConnectionStopsItAndFreesThePort() throws Exception {
        MonitorServer server = server(config());
        server.addListener(e -> {
            if (e instanceof ServerEvent.Connected) {
                server.stop(); // on the acceptor thread, holding the server's lock
            }
        });
        InetSocketAddress a = server.start();
        try (Socket s = connect(a)) {
            readToEnd(s);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> events.of(ServerEvent.Stopped.class).size() == 1);
        assertThat(server.isRunning()).isFalse();
        try (ServerSocket again = new ServerSocket(a.getPort(), 50, LOOPBACK)) {
            assertThat(again.getLocalPort()).isEqualTo(a.getPort());
        }
    }

    @Test
    void startFromAListenerIsRefusedAndTheServerCarriesOn() throws Exception {
        MonitorServer server = server(config());
        AtomicReference<Throwable> refused = new AtomicReference<>();
        server.addListener(e -> {
            if (e instanceof ServerEvent.Connected) {
                try {
                    server.start();
                } catch (Throwable t) {
                    refused.set(t);
                }
            }
        });
        InetSocketAddress a = server.start();
        try (Socket s = connect(a)) {
            assertThat(readToEnd(s)).isEqualTo("Hello from server\n");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> refused.get() != null);
        assertThat(refused.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listener");
        assertThat(server.isRunning()).isTrue();
    }

    @Test
    void aListenerStuckOnAConnectionIsInterruptedSoStopStillFreesThePort() throws Exception {
        MonitorServer server = server(config());
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        server.addListener(e -> {
            if (e instanceof ServerEvent.Connected) {
                stuck.countDown();
                try {
                    never.await(); // until interrupted
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        InetSocketAddress a = server.start();
        connect(a);
        assertThat(stuck.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        long t0 = System.nanoTime();
        server.stop(); // interrupts the stuck thread after 5 s
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(stopMillis).as("stop() with a stuck listener, ms").isLessThan(8_000);
        try (ServerSocket again = new ServerSocket(a.getPort(), 50, LOOPBACK)) {
            assertThat(again.getLocalPort()).isEqualTo(a.getPort());
        }
    }
}
