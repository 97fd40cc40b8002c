package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
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

    /** What a listener's StackOverflowError is: the one kind of Error the server lets through to its loop. */
    static final class Fatal extends VirtualMachineError {
        private static final long serialVersionUID = 1L;

        Fatal(String m) {
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

    @Test
    void anErrorPartWayThroughTheTimeoutPassLeavesNoPeerWithoutItsTimeout() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withIdleTimeout(Duration.ofMillis(300)));
        AtomicInteger thrown = new AtomicInteger();
        server.addListener(e -> {
            // The first idle close throws, in the middle of the pass over the three peers.
            if (e instanceof ServerEvent.Closed c && c.peer().closeReason() == CloseReason.IDLE
                    && thrown.getAndIncrement() == 0) {
                throw new Fatal("listener failed on the first idle close");
            }
        });
        InetSocketAddress a = server.start();
        for (int i = 0; i < 3; i++) {
            readExactly(connect(a), 18); // greeted, then silent
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().open() == 0);
        assertThat(thrown.get()).isEqualTo(3);
        assertThat(server.isRunning()).isTrue();
    }
}
