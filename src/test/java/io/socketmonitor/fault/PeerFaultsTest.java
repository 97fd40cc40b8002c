package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Peers that misbehave: one that never reads what it is sent, one that drips a byte at a time,
 * ones that half-close, ones that reset. Each is closed for its own reason while the others
 * keep being served, and nothing is left behind (checked after every test by the fixture).
 */
class PeerFaultsTest extends FaultFixture {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PeerSnapshot peerOn(MonitorServer s, Socket client) {
        int port = client.getLocalPort();
        await().atMost(WAIT).until(() -> s.peers().stream().anyMatch(p -> p.remote().getPort() == port));
        return s.peers().stream().filter(p -> p.remote().getPort() == port).findFirst().orElseThrow();
    }

    /** A keep-open peer with echo answers "ping" while another peer is stuck. */
    private static void assertServed(Socket s, String text) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(new String(readExactly(s, text.length()), StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void neverReadingPeerSent16MiBIsCutByTheWriteTimeoutWhileOthersAreServed() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withEcho(true)
                .withWriteTimeout(Duration.ofSeconds(1)));
        InetSocketAddress a = server.start();
        Socket stuck = connectSmallWindow(a);
        long stuckId = peerOn(server, stuck).id();

        byte[] sixteenMiB = new byte[16 << 20];
        Arrays.fill(sixteenMiB, (byte) 'x');
        assertThat(server.send(stuckId, sixteenMiB)).isTrue();

        // While 16 MiB wait for the stuck peer, a new peer is greeted and served.
        Socket other = connect(a);
        assertThat(readExactly(other, HELLO.length)).isEqualTo(HELLO);
        assertServed(other, "ping\n");
        PeerSnapshot stuckNow = server.peers().stream().filter(p -> p.id() == stuckId).findFirst().orElseThrow();
        assertThat(stuckNow.bytesOut()).as("bytes the stuck peer took").isLessThan(HELLO.length + (16L << 20));

        await().atMost(WAIT).until(() -> events.reasonFor(stuckId) != null);
        assertThat(events.reasonFor(stuckId)).isEqualTo(CloseReason.WRITE_TIMEOUT);
        assertServed(other, "still here\n");
        assertThat(server.stats().open()).isEqualTo(1);
    }

    @Test
    void pendingBytesPerPeerAreCappedAndTheRefusalIsReported() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withWriteTimeout(Duration.ofSeconds(30)));
        InetSocketAddress a = server.start();
        Socket stuck = connect(a);
        readExactly(stuck, HELLO.length);
        long id = peerOn(server, stuck).id();
        byte[] block = new byte[16 << 20];
        for (int i = 0; i < 5; i++) { // 80 MiB offered, the cap is 64 MiB
            server.send(id, block);
        }
        await().atMost(WAIT).until(() -> events.errors().stream().anyMatch(e -> e.contains("Not sent to peer #" + id)));
        assertThat(server.stats().open()).isEqualTo(1);
    }

    @Test
    void slowDripPeerIsHeardByteByByteAndDelaysNobody() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withEcho(true));
        InetSocketAddress a = server.start();
        Socket drip = connect(a);
        readExactly(drip, HELLO.length);
        long dripId = peerOn(server, drip).id();
        OutputStream out = drip.getOutputStream();
        List<Socket> others = new ArrayList<>();
        byte[] text = "slow\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            out.write(text[i % text.length]); // one byte at a time, the point of this peer
            out.flush();
            int heard = i + 1; // the server reads each byte before the next one is sent
            await().atMost(WAIT).pollInterval(Duration.ofMillis(2)).until(() -> events.of(ServerEvent.Received.class).stream()
                    .filter(r -> r.peerId() == dripId).count() == heard);
            Socket o = connect(a); // meanwhile others come, are greeted and echoed at once
            assertThat(readExactly(o, HELLO.length)).isEqualTo(HELLO);
            assertServed(o, "quick\n");
            others.add(o);
        }
        byte[] echoed = readExactly(drip, 20);
        assertThat(new String(echoed, StandardCharsets.US_ASCII)).isEqualTo("slow\n".repeat(4));
        await().atMost(WAIT).until(() -> server.peers().stream().anyMatch(p -> p.id() == dripId && p.bytesIn() == 20));
        assertThat(events.of(ServerEvent.Received.class).stream().filter(r -> r.peerId() == dripId))
                .as("one read per byte").hasSize(20).allMatch(r -> r.bytes() == 1);
        assertThat(server.stats().open()).isEqualTo(21);
        assertThat(events.of(ServerEvent.Closed.class)).isEmpty();
    }

    @Test
    void halfClosedKeepOpenPeerIsClosedByPeerAfterItsEcho() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withEcho(true));
        InetSocketAddress a = server.start();
        Socket half = connect(a);
        half.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
        half.shutdownOutput();
        assertThat(readToEnd(half)).isEqualTo("Hello from server\nabc");
        await().atMost(WAIT).until(() -> events.closed(CloseReason.BY_PEER) == 1);
    }

    @Test
    void halfClosedPeerStillGetsTheWholeGreetingInCloseMode() throws Exception {
        InetSocketAddress a = start(config());
        List<Socket> halves = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket s = connect(a);
            s.shutdownOutput(); // before the greeting can have arrived, often
            halves.add(s);
        }
        for (Socket s : halves) {
            assertThat(readToEnd(s)).isEqualTo("Hello from server\n");
        }
        await().atMost(WAIT).until(() -> events.closed(CloseReason.AFTER_GREETING) == 50);
        assertThat(events.of(ServerEvent.Closed.class)).hasSize(50);
    }

    @Test
    void halfClosedHttpClientGetsItsAnswer() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.HTTP));
        Socket s = connect(a);
        s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.shutdownOutput();
        assertThat(readToEnd(s)).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nHello from server\n");
        await().atMost(WAIT).until(() -> events.closed(CloseReason.AFTER_RESPONSE) == 1);
    }

    @Test
    void resettingPeersAreClosedAsResetAndOthersAreServed() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN).withEcho(true));
        InetSocketAddress a = server.start();
        Socket steady = connect(a);
        readExactly(steady, HELLO.length);
        for (int i = 0; i < 50; i++) {
            Socket s = connect(a);
            readExactly(s, HELLO.length); // accepted and greeted, then reset
            if (i % 2 == 0) {
                s.getOutputStream().write("bye".getBytes(StandardCharsets.US_ASCII)); // unread data too
            }
            reset(s);
        }
        await().atMost(WAIT).until(() -> events.closed(CloseReason.RESET) + events.closed(CloseReason.BY_PEER) == 50);
        assertThat(events.closed(CloseReason.RESET)).as("reset peers reported as reset").isGreaterThanOrEqualTo(45);
        assertServed(steady, "ping\n");
        assertThat(server.stats().open()).isEqualTo(1);
        assertThat(server.stats().errors()).isZero();
    }

    @Test
    void garbageBytesAreShownPrintableAndCrashNothing() throws Exception {
        MonitorServer server = server(config().withMode(Mode.KEEP_OPEN));
        InetSocketAddress a = server.start();
        Socket s = connect(a);
        readExactly(s, HELLO.length);
        byte[] garbage = new byte[100_000];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 131 + 7); // invalid UTF-8, NULs, control bytes, 0xFF
        }
        s.getOutputStream().write(garbage);
        await().atMost(WAIT).until(() -> server.stats().bytesIn() == garbage.length);
        for (ServerEvent.Received r : events.of(ServerEvent.Received.class)) {
            assertThat(r.preview()).hasSizeLessThanOrEqualTo(80).doesNotContain("\u0000").doesNotContain("\n");
        }
        Socket next = connect(a);
        assertThat(readExactly(next, HELLO.length)).isEqualTo(HELLO);
        assertThat(server.stats().errors()).isZero();
    }
}
