package io.socketmonitor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.template.GreetingTemplate;
import io.socketmonitor.template.TemplateException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MonitorServerTest {
    private static final InetAddress V4 = InetAddress.getLoopbackAddress();
    private final EventLog log = new EventLog();
    private final List<MonitorServer> servers = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void tearDown() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        servers.forEach(MonitorServer::stop);
    }

    private ServerConfig config() {
        return ServerConfig.defaults().withPort(0);
    }

    private InetSocketAddress start(ServerConfig c) throws BindFailedException {
        MonitorServer s = new MonitorServer(c);
        s.addListener(log);
        servers.add(s);
        return s.start();
    }

    private MonitorServer server() {
        return servers.get(servers.size() - 1);
    }

    private Socket open(InetSocketAddress a) throws IOException {
        Socket s = Clients.connect(a);
        sockets.add(s);
        return s;
    }

    private static GreetingTemplate greeting(String source) throws TemplateException {
        return GreetingTemplate.parse(source);
    }

    @Test
    void aWatchedPeersEventsCarryItsBytesBothWaysAndAnUnwatchedOnesDoNot() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withEcho(true));
        Socket s = open(a);
        Clients.readExactly(s, 18);
        long id = server().peers().get(0).id();

        assertThat(server().watch(id, true)).isTrue();
        s.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
        Clients.readExactly(s, 7); // the echo
        await().atMost(Duration.ofSeconds(5)).until(() -> log.of(ServerEvent.Sent.class).stream()
                .anyMatch(e -> e.data() != null));
        assertThat(log.of(ServerEvent.Received.class)).singleElement()
                .satisfies(r -> assertThat(new String(r.data(), StandardCharsets.US_ASCII)).isEqualTo("hello\r\n"));
        assertThat(log.of(ServerEvent.Sent.class).stream().filter(e -> e.data() != null)
                .map(e -> new String(e.data(), StandardCharsets.US_ASCII))).containsExactly("hello\r\n");

        assertThat(server().watch(id, false)).isTrue();
        s.getOutputStream().write("again".getBytes(StandardCharsets.US_ASCII));
        Clients.readExactly(s, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.of(ServerEvent.Received.class).size() == 2);
        assertThat(log.of(ServerEvent.Received.class).get(1).data()).as("no longer watched").isNull();
        assertThat(log.of(ServerEvent.Sent.class).get(0).data()).as("the greeting, before the watch").isNull();
    }

    @Test
    void aWatchedPeerThatFloodsGetsOnlyTheWatchersShareCopied() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN));
        Socket s = open(a);
        Clients.readExactly(s, 18);
        long id = server().peers().get(0).id();
        assertThat(server().watch(id, true)).isTrue();

        int sent = 8 << 20; // at full speed: far more than the window's share of a tenth of a second
        s.getOutputStream().write(new byte[sent]);
        await().atMost(Duration.ofSeconds(10)).until(() -> server().stats().bytesIn() == sent);

        long copied = log.of(ServerEvent.Received.class).stream().filter(r -> r.data() != null)
                .mapToLong(r -> r.data().length).sum();
        assertThat(copied).as("bytes copied for the watcher").isPositive().isLessThan(sent / 4);
        assertThat(log.of(ServerEvent.Received.class).stream().mapToLong(ServerEvent.Received::bytes).sum())
                .as("every read still reported").isEqualTo(sent);
    }

    @Test
    void peakOpenIsTheMostOpenAtOnceAndANewRunStartsItAgain() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN));
        MonitorServer server = server();
        Socket first = open(a);
        Socket second = open(a);
        open(a);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().open() == 3);
        first.close();
        second.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().open() == 1);
        open(a);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().open() == 2);

        assertThat(server.stats().served()).isEqualTo(4);
        assertThat(server.stats().peakOpen()).isEqualTo(3);

        server.stop();
        server.start();
        assertThat(server.stats().peakOpen()).as("a new run").isZero();
    }

    @Test
    void greetAndCloseSendsExactlyTheLecturesGreetingThenCloses() throws Exception {
        InetSocketAddress a = start(config());

        try (Socket s = Clients.connect(a)) {
            assertThat(Clients.readToEnd(s)).isEqualTo("Hello from server\n".getBytes(StandardCharsets.US_ASCII));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.AFTER_GREETING));
        ServerEvent.Connected c = log.of(ServerEvent.Connected.class).get(0);
        assertThat(c.peer().remote().getAddress()).isEqualTo(V4);
        assertThat(server().stats().served()).isEqualTo(1);
        assertThat(server().stats().bytesOut()).isEqualTo(18);
        assertThat(log.of(ServerEvent.Listening.class).get(0).local().getPort()).isEqualTo(a.getPort()).isPositive();
    }

    @Test
    void aClosedPeerSaysWhetherTheServerSentItsFinFirst() throws Exception {
        InetSocketAddress greets = start(config());
        assertThat(Clients.readToEnd(open(greets))).hasSize(18); // greeted, shut down (FIN), closed
        InetSocketAddress holds = start(config().withMode(Mode.KEEP_OPEN));
        Socket leaves = open(holds);
        Clients.readExactly(leaves, 18);
        leaves.close(); // the peer leaves first: the server closes at once, with no shutdown of its own

        await().atMost(Duration.ofSeconds(5)).until(() -> log.of(ServerEvent.Closed.class).size() == 2);
        List<PeerSnapshot> closed = log.of(ServerEvent.Closed.class).stream().map(ServerEvent.Closed::peer).toList();
        assertThat(closed).extracting(PeerSnapshot::closeReason)
                .containsExactly(CloseReason.AFTER_GREETING, CloseReason.BY_PEER);
        assertThat(closed).extracting(PeerSnapshot::finSent).containsExactly(true, false);
    }

    @Test
    void placeholdersAreFilledPerConnection() throws Exception {
        InetSocketAddress a = start(config().withGreeting(greeting("#{count} {peer} {peerAddress} {peerPort} {local}\\n")));

        try (Socket s = Clients.connect(a)) {
            String got = new String(Clients.readToEnd(s), StandardCharsets.UTF_8);
            int port = s.getLocalPort();
            assertThat(got).isEqualTo("#1 127.0.0.1:" + port + " 127.0.0.1 " + port + " 127.0.0.1:" + a.getPort() + "\n");
        }
        assertThat(Clients.readAll(a)).startsWith("#2 ");
    }

    @Test
    void timePlaceholderIsTheConnectionTime() throws Exception {
        InetSocketAddress a = start(config().withGreeting(greeting("{time}")));

        String got = Clients.readAll(a);

        assertThat(got).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void greetingChangedWhileRunningAppliesToTheNextConnection() throws Exception {
        InetSocketAddress a = start(config());
        assertThat(Clients.readAll(a)).isEqualTo("Hello from server\n");

        server().setGreeting(greeting("Changed\\r\\n"));

        assertThat(Clients.readAll(a)).isEqualTo("Changed\r\n");
    }

    @Test
    void keepOpenGreetsRecordsWhatThePeerSendsAndEchoes() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withEcho(true));
        Socket s = open(a);
        assertThat(Clients.readExactly(s, 18)).isEqualTo("Hello from server\n".getBytes(StandardCharsets.UTF_8));

        s.getOutputStream().write("ping\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(Clients.readExactly(s, 6), StandardCharsets.UTF_8)).isEqualTo("ping\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> !log.of(ServerEvent.Received.class).isEmpty());
        ServerEvent.Received r = log.of(ServerEvent.Received.class).get(0);
        assertThat(r.bytes()).isEqualTo(6);
        assertThat(r.preview()).isEqualTo("ping\\r\\n");
        PeerSnapshot p = server().peers().get(0);
        assertThat(p.bytesIn()).isEqualTo(6);
        assertThat(p.bytesOut()).isEqualTo(24);
        assertThat(p.lastReceived()).isEqualTo("ping\\r\\n");
        assertThat(p.open()).isTrue();
        // What went out shows as what came in does: the greeting, then the echo.
        await().atMost(Duration.ofSeconds(5)).until(() -> log.of(ServerEvent.Sent.class).size() == 2);
        assertThat(log.of(ServerEvent.Sent.class)).extracting(ServerEvent.Sent::preview)
                .containsExactly("Hello from server\\n", "ping\\r\\n");
    }

    @Test
    void connectionsCanBeNumberedOnFromAnEarlierRun() throws Exception {
        MonitorServer s = new MonitorServer(config().withGreeting(greeting("#{count}")));
        servers.add(s);
        s.numberConnectionsFrom(41);
        assertThat(s.lastConnectionNumber()).isEqualTo(40);
        InetSocketAddress a = s.start();
        assertThat(Clients.readAll(a)).isEqualTo("#41");
        assertThat(Clients.readAll(a)).isEqualTo("#42");
        assertThat(s.lastConnectionNumber()).isEqualTo(42);
    }

    @Test
    void greetAndCloseMakesNoPreviewOfWhatItSends() throws Exception {
        InetSocketAddress a = start(config());
        assertThat(Clients.readAll(a)).isEqualTo("Hello from server\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> log.of(ServerEvent.Sent.class).size() == 1);
        assertThat(log.of(ServerEvent.Sent.class).get(0).preview()).isNull();
    }

    @Test
    void keepOpenSendsToOnePeerOrAllAndDisconnects() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withGreeting(greeting("hi\\n")));
        Socket first = open(a);
        Socket second = open(a);
        Clients.readExactly(first, 3);
        Clients.readExactly(second, 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> server().peers().size() == 2);
        long firstId = server().peers().get(0).id();

        assertThat(server().send(firstId, "one\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(new String(Clients.readExactly(first, 4), StandardCharsets.UTF_8)).isEqualTo("one\n");
        assertThat(server().sendToAll("all\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(new String(Clients.readExactly(first, 4), StandardCharsets.UTF_8)).isEqualTo("all\n");
        assertThat(new String(Clients.readExactly(second, 4), StandardCharsets.UTF_8)).isEqualTo("all\n");

        assertThat(server().disconnect(firstId)).isTrue();

        assertThat(first.getInputStream().read()).as("EOF after disconnect").isEqualTo(-1);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.DISCONNECTED_BY_USER));
        assertThat(server().peers()).hasSize(1);
    }

    @Test
    void keepOpenNoticesThePeerClosing() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN));
        try (Socket s = Clients.connect(a)) {
            Clients.readExactly(s, 18);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.BY_PEER));
        assertThat(server().peers()).isEmpty();
    }

    @Test
    void httpModeAnswersCurlAndBrowsersWithTheGreetingAsBody() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.HTTP));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + "/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Hello from server\n");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.headers().firstValue("connection")).hasValue("close");
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.AFTER_RESPONSE));
        assertThat(log.of(ServerEvent.Received.class).get(0).preview()).isEqualTo("GET / HTTP/1.1");
    }

    @Test
    void httpModeAnswersHeadAsCurlDashIAsksWithTheHeadersAndNoBody() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.HTTP));
        Socket s = open(a);
        s.getOutputStream().write("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String answer = new String(Clients.readToEnd(s), StandardCharsets.US_ASCII);

        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nContent-Length: 18\r\n")
                .endsWith("\r\n\r\n"); // the body's length, and not the body
    }

    @Test
    void httpModeCutsARequestHeadThatIsTooLarge() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.HTTP));
        Socket s = open(a);
        // One write: the kernel takes all 20 KiB at once. Written line by line, the client could
        // still be writing when the server cuts it at 16 KiB, and fail with a broken pipe.
        String head = "GET / HTTP/1.1\r\n" + ("X-Filler: " + "a".repeat(1000) + "\r\n").repeat(20);
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));

        String answer = new String(Clients.readToEnd(s), StandardCharsets.US_ASCII);

        assertThat(answer).startsWith("HTTP/1.1 431");
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.REQUEST_TOO_LARGE));
    }

    /** Listening sockets in a /proc/net table (tcp or tcp6) on {@code port}, as "ADDRESS:PORT" in hex. */
    private static List<String> listening(String table, int port) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net", table))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].endsWith(String.format(":%04X", port)) && f[3].equals("0A")) { // 0A: LISTEN
                out.add(f[1]);
            }
        }
        return out;
    }

    @Test
    void anIpv4AddressIsServedFromAnIpv4SocketAsInTheLecture() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/net/tcp")), "Linux only");
        int port = start(config()).getPort();
        // What ss and netstat show: 127.0.0.1:PORT (AF_INET), not [::ffff:127.0.0.1]:PORT.
        // /proc/net/tcp prints the address as a number in the machine's byte order.
        String loopback = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "0100007F" : "7F000001";
        assertThat(listening("tcp", port)).containsExactly(String.format("%s:%04X", loopback, port));
        assertThat(listening("tcp6", port)).isEmpty();
        try (Socket s = open(new InetSocketAddress(V4, port))) {
            assertThat(new String(Clients.readToEnd(s), StandardCharsets.UTF_8)).isEqualTo("Hello from server\n");
        }
    }

    @Test
    void ipv6LoopbackServesWithBracketedAddresses() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        Assumptions.assumeTrue(canBind(v6), "this machine has no IPv6 loopback");
        InetSocketAddress a = start(config().withBindAddress(v6).withGreeting(greeting("{peer}")));

        try (Socket s = Clients.connect(v6, a.getPort())) {
            assertThat(new String(Clients.readToEnd(s), StandardCharsets.UTF_8)).isEqualTo("[::1]:" + s.getLocalPort());
        }
        assertThat(a.getAddress()).isInstanceOf(Inet6Address.class);
    }

    @Test
    void allInterfacesIpv4IsIpv4OnlyWhileDualStackTakesBoth() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        Assumptions.assumeTrue(canBind(v6), "this machine has no IPv6 loopback");
        InetSocketAddress ipv4All = start(config().withBindAddress(InetAddress.getByName("0.0.0.0")));
        assertThat(Clients.readAll(new InetSocketAddress(V4, ipv4All.getPort()))).isEqualTo("Hello from server\n");
        assertThatThrownBy(() -> Clients.readAll(new InetSocketAddress(v6, ipv4All.getPort())))
                .isInstanceOf(ConnectException.class);

        InetSocketAddress dual = start(config().withBindAddress(InetAddress.getByName("::")));
        assertThat(Clients.readAll(new InetSocketAddress(V4, dual.getPort()))).isEqualTo("Hello from server\n");
        assertThat(Clients.readAll(new InetSocketAddress(v6, dual.getPort()))).isEqualTo("Hello from server\n");
    }

    @Test
    void aDualStackServerSeesAnIpv4PeerAsItsSocketDoesAsAMappedAddress() throws Exception {
        Assumptions.assumeTrue(canBind(InetAddress.getByName("::1")), "this machine has no IPv6 loopback");
        InetSocketAddress dual = start(config().withBindAddress(InetAddress.getByName("::"))
                .withGreeting(greeting("{peer}")));

        try (Socket s = Clients.connect(V4, dual.getPort())) {
            // Python's AF_INET6 socket: addr = ('::ffff:127.0.0.1', port, 0, 0); ss shows the same.
            assertThat(new String(Clients.readToEnd(s), StandardCharsets.UTF_8))
                    .isEqualTo("[::ffff:127.0.0.1]:" + s.getLocalPort());
            await().atMost(Duration.ofSeconds(5)).until(() -> !log.of(ServerEvent.Connected.class).isEmpty());
            PeerSnapshot peer = log.of(ServerEvent.Connected.class).get(0).peer();
            assertThat(io.socketmonitor.net.Addresses.lectureTuple(peer.remote()))
                    .isEqualTo("('::ffff:127.0.0.1', " + s.getLocalPort() + ", 0, 0)");
            assertThat(io.socketmonitor.net.Addresses.hostPort(peer.local()))
                    .isEqualTo("[::ffff:127.0.0.1]:" + dual.getPort());
        }
    }

    @Test
    void portInUseIsASentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, V4)) {
            MonitorServer s = new MonitorServer(config().withPort(taken.getLocalPort()));
            assertThatThrownBy(s::start)
                    .isInstanceOf(BindFailedException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use: another program"
                            + " (or another Socket Monitor) is listening on it at 127.0.0.1 or on all interfaces."
                            + " Stop it, or pick another port (0 picks a free one).");
            assertThat(s.isRunning()).isFalse();
        }
    }

    @Test
    void portInUseOnOneAddressWhenBindingAllSaysItMayBeAnyAddress() throws Exception {
        // Linux refuses 0.0.0.0 while 127.0.0.1 listens on the port; BSDs may allow it.
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        try (ServerSocket taken = new ServerSocket(0, 50, V4)) {
            MonitorServer s = new MonitorServer(config().withBindAddress(InetAddress.getByName("0.0.0.0"))
                    .withPort(taken.getLocalPort()));
            try {
                assertThatThrownBy(s::start)
                        .isInstanceOf(BindFailedException.class)
                        .hasMessageStartingWith("Port " + taken.getLocalPort() + " on 0.0.0.0 is already in use:")
                        .hasMessageContaining("listening on it at some address of this machine.");
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void portOutOfRangeIsASentence() {
        assertThatThrownBy(() -> config().withPort(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Port 70000 is out of range: a TCP port is a number from 0 to 65535 (0 picks a free one).");
        assertThatThrownBy(() -> config().withPort(-1)).hasMessageContaining("Port -1 is out of range");
    }

    @Test
    void maxConnectionsRefusesTheOneTooMany() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withMaxConnections(2));
        Clients.readExactly(open(a), 18);
        Clients.readExactly(open(a), 18);

        Socket third = open(a);

        assertThat(Clients.readToEnd(third)).as("no greeting, just closed").isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.LIMIT_TOTAL));
        assertThat(server().peers()).hasSize(2);
        assertThat(server().stats().served()).isEqualTo(2);
    }

    @Test
    void perPeerCapRefusesTheSameAddressButFreesUpWhenOneLeaves() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withMaxPerPeer(1));
        Socket first = open(a);
        Clients.readExactly(first, 18);

        assertThat(Clients.readToEnd(open(a))).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.LIMIT_PER_PEER));

        first.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> server().peers().isEmpty());
        Clients.readExactly(open(a), 18);
    }

    @Test
    void idleKeepOpenPeersAreClosed() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withIdleTimeout(Duration.ofMillis(300)));
        Socket s = open(a);

        assertThat(Clients.readToEnd(s)).hasSize(18);

        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.IDLE));
    }

    @Test
    void aPeerThatNeverReadsIsCutAfterTheWriteTimeoutWithoutDelayingOthers() throws Exception {
        // 3 s: the 20 greetings below are served well within it even on a busy shared machine.
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withWriteTimeout(Duration.ofSeconds(3)));
        Socket stuck = new Socket();
        stuck.setReceiveBufferSize(4096);
        sockets.add(stuck);
        stuck.connect(a, 2000);
        await().atMost(Duration.ofSeconds(5)).until(() -> server().peers().size() == 1);
        long stuckId = server().peers().get(0).id();

        assertThat(server().send(stuckId, new byte[16 * 1024 * 1024])).isTrue();

        for (int i = 0; i < 20; i++) {
            assertThat(Clients.readExactly(open(a), 18)).isEqualTo("Hello from server\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(log.reasonFor(stuckId)).as("others served while the stuck one still waited, not after its cut").isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> log.closeReasons().contains(CloseReason.WRITE_TIMEOUT));
        PeerSnapshot cut = log.of(ServerEvent.Closed.class).stream()
                .filter(c -> c.peer().id() == stuckId).findFirst().orElseThrow().peer();
        assertThat(cut.bytesOut()).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void stopWithAThousandOpenPeersClosesEachAndFreesThePort() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withGreeting(greeting("")));
        for (int i = 0; i < 1000; i++) {
            open(a);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server().peers().size() == 1000);

        server().stop(); // how fast: bench/keepopen_bench.py, with 10,000

        assertThat(log.closeReasons()).filteredOn(r -> r == CloseReason.SERVER_STOPPED).hasSize(1000);
        assertThat(log.of(ServerEvent.Stopped.class)).hasSize(1);
        try (ServerSocket again = new ServerSocket()) {
            again.bind(a); // throws if the port is not free at once
        }
        assertThat(sockets.get(0).getInputStream().read()).isEqualTo(-1);
    }

    @Test
    void fiftyStartStopCyclesLeakNoDescriptorsOrThreads() throws Exception {
        MonitorServer s = new MonitorServer(config().withMode(Mode.KEEP_OPEN));
        servers.add(s);
        cycle(s); // warm up: lazily opened JDK descriptors are not leaks
        long fds = openDescriptors();

        for (int i = 0; i < 50; i++) {
            cycle(s);
        }

        assertThat(openDescriptors()).isEqualTo(fds);
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("socket-monitor-server")));
    }

    @Test
    void aStopFromAnotherThreadWhileClosingStillWaitsAndARestartServes() throws Exception {
        CountDownLatch inShutdown = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MonitorServer s = new MonitorServer(config().withMode(Mode.KEEP_OPEN));
        servers.add(s);
        s.addListener(e -> { // a slow listener, as a printer on a paused terminal would be
            if (e instanceof ServerEvent.Closed c && c.peer().closeReason() == CloseReason.SERVER_STOPPED
                    && inShutdown.getCount() > 0) {
                inShutdown.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        InetSocketAddress first = s.start();
        Clients.readExactly(open(first), 18);
        Thread closing = new Thread(s::stop);
        closing.start();
        assertThat(inShutdown.await(5, TimeUnit.SECONDS)).isTrue();

        Thread restart = new Thread(() -> {
            s.stop();
            try {
                s.start();
            } catch (BindFailedException e) {
                throw new AssertionError(e);
            }
        });
        restart.start();
        release.countDown();
        closing.join(10_000);
        restart.join(10_000);

        assertThat(s.isRunning()).isTrue();
        try (ServerSocket again = new ServerSocket()) {
            again.bind(first); // the first run's port was freed
        }
        assertThat(Clients.readExactly(open(s.localAddress()), 18))
                .isEqualTo("Hello from server\n".getBytes(StandardCharsets.UTF_8));
        assertThat(s.stats().errors()).as("the old loop did not touch the new run").isZero();
    }

    @Test
    void echoPacesAPeerThatSendsFasterThanItReadsAndLosesNothing() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withEcho(true).withGreeting(greeting(""))
                .withWriteTimeout(Duration.ofSeconds(30)));
        int total = 32 * 1024 * 1024;
        Socket c = new Socket();
        sockets.add(c);
        c.setReceiveBufferSize(64 * 1024);
        c.connect(a, 2000);
        c.setSoTimeout(10_000);
        Thread writer = new Thread(() -> {
            try {
                byte[] chunk = new byte[64 * 1024];
                for (int sent = 0; sent < total; sent += chunk.length) {
                    c.getOutputStream().write(chunk);
                }
            } catch (IOException ignored) {
                // the assertions below report the shortfall
            }
        });
        writer.start();

        // While we do not read, the server stops reading too (TCP pushes back on the writer)
        // rather than queueing or dropping what it cannot send.
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long now = server().stats().bytesIn();
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        assertThat(server().stats().bytesIn()).isLessThan(total / 2);

        assertThat(Clients.readExactly(c, total)).hasSize(total);
        writer.join(10_000);
        assertThat(server().stats().errors()).isZero();
        assertThat(server().stats().bytesIn()).isEqualTo(total);
    }

    @Test
    void heldPeersWithNothingDueAreNotWalkedUntilSomethingIsDue() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withWriteTimeout(Duration.ofMillis(300)));
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket s = open(a);
            Clients.readExactly(s, 18);
            held.add(s);
        }
        // Each greeting could have stalled, so one pass comes 300 ms after it, finds nothing,
        // and none follows: ten ticks a second walk no peer.
        await().atMost(Duration.ofSeconds(5)).until(() -> server().deadlinePasses() >= 1);
        long passes = server().deadlinePasses();
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> server().deadlinePasses() <= passes + 1);

        // A send to a peer that does not read is still cut at its write timeout.
        Socket stuck = held.get(0);
        long stuckId = server().peers().stream().filter(p -> p.remote().getPort() == stuck.getLocalPort())
                .findFirst().orElseThrow().id();
        assertThat(server().send(stuckId, new byte[16 * 1024 * 1024])).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.WRITE_TIMEOUT));
        assertThat(server().peers()).hasSize(49);
    }

    @Test
    void aPeerPastItsIdleTimeWithBytesWaitingIsNotWalkedEachTickAndClosesOnceTheyDrain() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withIdleTimeout(Duration.ofMillis(200))
                .withWriteTimeout(Duration.ofSeconds(30)));
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096); // before connect: a small window, so the send waits in the server
            s.connect(a, 5_000);
            Clients.readExactly(s, 18);
            long id = server().peers().get(0).id();
            byte[] big = new byte[8 * 1024 * 1024];
            assertThat(server().send(id, big)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> server().peers().get(0).bytesOut() > 18);

            // Past the idle time the close waits for the bytes; the deadline pass does not run
            // every tick (ten a second) meanwhile.
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> server().deadlinePasses() >= 1);
            long passes = server().deadlinePasses();
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                    .until(() -> server().deadlinePasses() <= passes + 1);
            assertThat(server().peers()).hasSize(1);

            // Once the peer has read them all it is closed as idle at once, not at the 30 s write deadline.
            Clients.readExactly(s, big.length);
            await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.IDLE));
        }
    }

    @Test
    void idleTimeoutCountsOnlyWhatThePeerSends() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withIdleTimeout(Duration.ofMillis(600)));
        Socket s = open(a);
        Clients.readExactly(s, 18);
        long id = server().peers().get(0).id();

        // The server talking to a silent peer does not keep it alive.
        for (int i = 0; i < 3 && server().send(id, "tick\n".getBytes(StandardCharsets.UTF_8)); i++) {
            Clients.readExactly(s, 5);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.IDLE));
    }

    @Test
    void httpRequestLineIsShownWithControlCharactersEscaped() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.HTTP));
        Socket s = open(a);
        s.getOutputStream().write("GET /\u001b[2J HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(new String(Clients.readToEnd(s), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200 OK");
        await().atMost(Duration.ofSeconds(5)).until(() -> !log.of(ServerEvent.Received.class).isEmpty());
        assertThat(log.of(ServerEvent.Received.class).get(0).preview()).isEqualTo("GET /\\x1B[2J HTTP/1.1");
    }

    @Test
    void greetAndCloseLetsAPeerThatAlreadySentDataReadTheGreeting() throws Exception {
        InetSocketAddress a = start(config());
        Socket s = open(a);
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(Clients.readToEnd(s), StandardCharsets.UTF_8)).isEqualTo("Hello from server\n");
        s.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.AFTER_GREETING));
    }

    @Test
    void greetAndCloseCountsWhatThePeerSentThoughItIsDropped() throws Exception {
        InetSocketAddress a = start(config());
        CountDownLatch requestSent = new CountDownLatch(1);
        server().addListener(e -> {
            if (e instanceof ServerEvent.Connected) {
                try { // on the server's thread, before it looks for the peer's bytes: curl's are there by then
                    requestSent.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        byte[] request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] more = "more after the greeting".getBytes(StandardCharsets.US_ASCII);
        Socket s = open(a);
        s.getOutputStream().write(request); // read with the greeting sent, and dropped
        requestSent.countDown();
        assertThat(new String(Clients.readToEnd(s), StandardCharsets.UTF_8)).isEqualTo("Hello from server\n");
        s.getOutputStream().write(more); // the server lingers, draining, until the peer closes too
        s.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> log.closeReasons().contains(CloseReason.AFTER_GREETING));
        long sent = request.length + more.length;
        assertThat(log.of(ServerEvent.Closed.class).get(0).peer().bytesIn()).as("the peer's in").isEqualTo(sent);
        assertThat(server().stats().bytesIn()).as("the server's bytes in").isEqualTo(sent);
        assertThat(log.of(ServerEvent.Received.class)).as("dropped bytes make no log line").isEmpty();
    }

    private static void cycle(MonitorServer s) throws Exception {
        InetSocketAddress a = s.start();
        try (Socket c = Clients.connect(a)) {
            Clients.readExactly(c, 18);
            s.stop();
            assertThat(c.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static long openDescriptors() throws IOException {
        try (var list = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return list.count();
        }
    }

    private static boolean canBind(InetAddress a) {
        try (ServerSocket s = new ServerSocket(0, 1, a)) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
