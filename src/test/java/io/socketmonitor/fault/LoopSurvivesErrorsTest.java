package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerEvent;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An Error thrown on the loop thread (here by a listener, on connections and on the reports of
 * the failures; under EMFILE it was a class that could not load) is counted, and serving goes
 * on with the same loop thread. Before, a second Error while reporting the first ended it.
 */
class LoopSurvivesErrorsTest extends FaultFixture {

    static final class Boom extends Error {
        private static final long serialVersionUID = 1L;

        Boom(String m) {
            super(m);
        }
    }

    @Test
    void errorsInListenersAndInTheirErrorReportsDoNotEndTheLoop() throws Exception {
        MonitorServer server = server(config());
        AtomicInteger thrown = new AtomicInteger();
        server.addListener(e -> {
            // The first two connections throw, and so does reporting the failure of each.
            if ((e instanceof ServerEvent.Connected || e instanceof ServerEvent.Error) && thrown.get() < 4) {
                thrown.incrementAndGet();
                throw new Boom("listener failed on " + e.getClass().getSimpleName());
            }
        });
        InetSocketAddress a = server.start();
        for (int i = 0; i < 5; i++) {
            try (Socket s = new Socket()) {
                s.connect(a, 2000);
                s.setSoTimeout(5000);
                String got = readToEnd(s);
                if (i >= 2) {
                    assertThat(got).as("connection " + i).isEqualTo("Hello from server\n");
                }
            }
        }
        assertThat(thrown.get()).isEqualTo(4);
        assertThat(server.isRunning()).isTrue();
        assertThat(serverThreads()).as("the loop and the acceptor, both still alive").isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().errors() >= 2);
        assertThat(server.stats().served()).isEqualTo(5);
    }
}
