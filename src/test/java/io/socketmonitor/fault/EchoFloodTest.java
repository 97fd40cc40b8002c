package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerTestAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Echo peers that send and never read what comes back. Each peer's unsent bytes were bounded,
 * but not all of them together: enough such peers filled the heap, and the loop died of it.
 */
class EchoFloodTest extends FaultFixture {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int READ_CHUNK = 64 * 1024; // the most the server takes in one read

    /** A peer whose receive window stays small, greeted, and a thread sending it {@code bytes}. */
    private Socket floodingPeer(InetSocketAddress a, int bytes, List<Thread> writers) throws IOException {
        Socket s = connectSmallWindow(a);
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[16 * 1024];
            try {
                OutputStream out = s.getOutputStream();
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException closedAtTheEnd) {
                // the test is over
            }
        }, "flooding peer");
        t.setDaemon(true);
        t.start();
        writers.add(t);
        return s;
    }

    @Test
    void echoPeersThatNeverReadQueueNoMoreThanTheServerWideBoundAndAllGetTheirEchoLater() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withEcho(true)
                .withWriteTimeout(Duration.ofSeconds(60)));
        InetSocketAddress a = server.start();
        long bound = 1L << 20;
        ServerTestAccess.totalReadPause(server, bound);
        // 128 MiB offered: more than the kernel's send buffers take (up to 4 MiB a socket), so the
        // rest waits in the server, where each peer's own bound alone would let 16 × 320 KiB wait.
        int peers = 16;
        int each = 8 << 20;
        List<Thread> writers = new ArrayList<>();
        List<Socket> flooding = new ArrayList<>();
        for (int i = 0; i < peers; i++) {
            flooding.add(floodingPeer(a, each, writers));
        }

        // Until the server takes no more: its intake stands still between two looks.
        AtomicLong lastIn = new AtomicLong(-1);
        AtomicLong mostQueued = new AtomicLong();
        await("the server stops reading").atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            mostQueued.accumulateAndGet(ServerTestAccess.queuedBytes(server), Math::max);
            long in = server.stats().bytesIn();
            return in == lastIn.getAndSet(in) && ServerTestAccess.queuedBytes(server) > 0;
        });
        assertThat(mostQueued.get()).as("unsent bytes, all peers together")
                .isLessThanOrEqualTo(bound + (long) peers * READ_CHUNK);

        Socket fresh = connect(a); // still greeted while the bound holds the others
        assertThat(readExactly(fresh, HELLO.length)).isEqualTo(HELLO);

        // Once they read, every peer gets back every byte it sent: paused, not dropped.
        List<Thread> readers = new ArrayList<>();
        AtomicLong echoed = new AtomicLong();
        for (Socket s : flooding) {
            Thread r = new Thread(() -> {
                try {
                    echoed.addAndGet(readExactly(s, each).length);
                } catch (IOException e) {
                    // counted short: the assertion below says so
                }
            }, "reading peer");
            r.start();
            readers.add(r);
        }
        for (Thread r : readers) {
            r.join(WAIT.toMillis());
        }
        assertThat(echoed.get()).isEqualTo((long) peers * each);
        await().atMost(WAIT).until(() -> ServerTestAccess.queuedBytes(server) == 0);
        fresh.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(readExactly(fresh, 5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
        assertThat(events.closeReasons()).doesNotContain(CloseReason.IDLE, CloseReason.WRITE_TIMEOUT);
    }

    /** Room freed by peers that go (cut, disconnected, reset) lets the waiting peers be read too. */
    @Test
    void aPeerWaitingForRoomIsReadOnceThePeersHoldingItAreGone() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withEcho(true)
                .withWriteTimeout(Duration.ofSeconds(60)));
        InetSocketAddress a = server.start();
        ServerTestAccess.totalReadPause(server, 1L << 20);
        List<Thread> writers = new ArrayList<>();
        List<Socket> holders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            holders.add(floodingPeer(a, 8 << 20, writers));
        }
        await("the bound reached").atMost(WAIT).until(() -> ServerTestAccess.queuedBytes(server) >= 1L << 20);
        Socket waiting = connect(a);
        assertThat(readExactly(waiting, HELLO.length)).isEqualTo(HELLO);
        waiting.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII)); // not read: no room

        for (Socket h : holders) {
            reset(h); // they go without reading what waits for them
        }
        assertThat(new String(readExactly(waiting, 5), StandardCharsets.US_ASCII)).as("its echo, once there is room")
                .isEqualTo("ping\n");
    }

    /**
     * Busy echo peers that read in bursts, looking away longer than the idle timeout in between
     * (the server stops reading them meanwhile, as their echo backs up). Before, a peer whose
     * backlog drained was judged idle from its last read before the pause, and 4 of 12 were
     * closed as idle while sending all along. By chance, so many peers and bursts: heavy.
     */
    @Test
    @org.junit.jupiter.api.Tag("heavy")
    void busyEchoPeersAreNotClosedAsIdleWhenTheirBacklogDrains() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withEcho(true)
                .withIdleTimeout(Duration.ofSeconds(1)).withWriteTimeout(Duration.ofSeconds(30)));
        InetSocketAddress a = server.start();
        List<Thread> writers = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            Socket s = floodingPeer(a, Integer.MAX_VALUE, writers); // sends until the test closes it
            Thread r = new Thread(() -> {
                try {
                    java.io.InputStream in = s.getInputStream();
                    byte[] buf = new byte[1 << 20];
                    for (int burst = 0; burst < 5; burst++) {
                        // The peer's behaviour, not a wait for the server: it looks away for longer
                        // than the idle timeout, then reads as fast as it can for a while.
                        Thread.sleep(1300);
                        long until = System.nanoTime() + 300_000_000L;
                        while (System.nanoTime() < until) {
                            if (in.read(buf) < 0) {
                                return;
                            }
                        }
                    }
                } catch (IOException | InterruptedException closed) {
                    // closed by the server: the assertion below says why
                }
            }, "bursty reader");
            r.start();
            readers.add(r);
        }
        for (Thread r : readers) {
            r.join(WAIT.toMillis());
        }
        assertThat(events.closeReasons()).as("closed while busy").doesNotContain(CloseReason.IDLE);
        assertThat(server.stats().open()).isEqualTo(12);
    }
}
