package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.EventLog;
import io.socketmonitor.server.BindFailedException;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts servers on loopback port 0, opens clients with timeouts, and after every test checks
 * that stopping left nothing behind: no socket, epoll set or pipe more than before the test,
 * no server thread, no peer in the registry.
 */
abstract class FaultFixture {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final byte[] HELLO = "Hello from server\n".getBytes(StandardCharsets.US_ASCII);

    final EventLog events = new EventLog();
    final List<MonitorServer> servers = new ArrayList<>();
    final List<Socket> sockets = new ArrayList<>();
    private int descriptorsBefore;

    @BeforeAll
    static void warmUp() throws Exception {
        // Load the classes and open the lazily created descriptors once, before any baseline.
        MonitorServer s = new MonitorServer(ServerConfig.defaults().withPort(0));
        InetSocketAddress a = s.start();
        try (Socket c = new Socket()) {
            c.connect(a, 2000);
            c.setSoTimeout(5000);
            c.getInputStream().readAllBytes();
        }
        s.stop();
        await().atMost(Duration.ofSeconds(1)).until(() -> true); // loads Awaitility too
    }

    @BeforeEach
    void baseline() {
        descriptorsBefore = Descriptors.available() ? Descriptors.count() : -1;
    }

    @AfterEach
    void nothingLeaks() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        for (MonitorServer s : servers) {
            s.stop();
            assertThat(s.peers()).as("registry after stop").isEmpty();
            assertThat(s.stats().open()).isZero();
        }
        assertThat(serverThreads()).as("server threads after stop").isZero();
        if (descriptorsBefore >= 0) {
            await("descriptors back to the count before the test").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(Descriptors.count()).as(Descriptors.networkish().toString())
                            .isLessThanOrEqualTo(descriptorsBefore));
        }
    }

    static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("socket-monitor-server")).count();
    }

    MonitorServer server(ServerConfig c) {
        MonitorServer s = new MonitorServer(c);
        s.addListener(events);
        servers.add(s);
        return s;
    }

    InetSocketAddress start(ServerConfig c) throws BindFailedException {
        return server(c).start();
    }

    static ServerConfig config() {
        return ServerConfig.defaults().withPort(0);
    }

    Socket connect(InetSocketAddress a) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(a, 2000);
        s.setSoTimeout(5000);
        return s;
    }

    /** A greeted peer whose receive window stays small (set before connect): it reads nothing more. */
    Socket connectSmallWindow(InetSocketAddress a) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.setReceiveBufferSize(4096);
        s.connect(a, 2000);
        s.setSoTimeout(10_000);
        assertThat(readExactly(s, HELLO.length)).isEqualTo(HELLO);
        return s;
    }

    static byte[] readExactly(Socket s, int n) throws IOException {
        byte[] b = s.getInputStream().readNBytes(n);
        if (b.length < n) {
            throw new IOException("closed after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** Everything until the server closes (the socket's 5 s timeout bounds it). */
    static String readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketException e) {
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Closes with RST instead of FIN, as a crashed or impatient peer does. */
    static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }
}
