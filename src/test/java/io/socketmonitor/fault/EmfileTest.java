package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Out of descriptors: the headless server in a child JVM under {@code prlimit --nofile=256},
 * 400 keep-open clients. While saturated it must not spin (under 5 % of a core) nor flood its
 * log (a few lines a second); once descriptors come free it serves again within 2 s.
 * Heavy (a child JVM, a 3 s measuring window): runs with -Pfaults, not in plain verify.
 */
@Tag("heavy")
class EmfileTest {
    private static final int LIMIT = 256;
    private static final int CLIENTS = 400;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final double CLK_TCK = 100; // USER_HZ on Linux

    @Test
    void saturatedServerIdlesQuietlyAndRecoversWithinTwoSeconds() throws Exception {
        Path prlimit = Path.of("/usr/bin/prlimit");
        assertThat(Files.isExecutable(prlimit) || Files.isExecutable(Path.of("/bin/prlimit")))
                .as("prlimit (util-linux) is needed for this test").isTrue();
        List<Socket> clients = new ArrayList<>();
        try (ChildJvm app = ChildJvm.start(List.of(Files.isExecutable(prlimit) ? prlimit.toString() : "/bin/prlimit",
                        "--nofile=" + LIMIT + ":" + LIMIT, "--"), List.of(),
                "--headless", "--quiet", "--mode", "keep-open", "--port", "0")) {
            long pid = app.process.pid();
            int port = listeningPort(app);
            InetSocketAddress a = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            for (int i = 0; i < CLIENTS; i++) {
                Socket s = new Socket();
                clients.add(s);
                s.connect(a, 2000); // the kernel completes the handshake; the backlog holds the rest
                s.setSoTimeout(2000);
            }
            await("the server runs out of descriptors").atMost(Duration.ofSeconds(15))
                    .until(() -> app.err().contains("out of file descriptors"));
            int accepted = Descriptors.sockets(pid);
            assertThat(accepted).as("sockets of the child").isLessThan(LIMIT).isGreaterThan(100);

            // Saturated: measure CPU and log lines over a window while it stays saturated and alive.
            long cpuBefore = cpuTicks(pid);
            long linesBefore = lines(app);
            long t0 = System.nanoTime();
            await().during(WINDOW).atMost(WINDOW.plusSeconds(2))
                    .until(() -> app.process.isAlive() && Descriptors.sockets(pid) <= accepted + 2);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuShare = (cpuTicks(pid) - cpuBefore) / CLK_TCK / seconds;
            double linesPerSecond = (lines(app) - linesBefore) / seconds;
            System.out.printf("EMFILE: %d of %d clients accepted under --nofile=%d; CPU %.1f %% of a core, "
                    + "%.1f log lines/s over %.1f s%n", accepted, CLIENTS, LIMIT, 100 * cpuShare, linesPerSecond, seconds);
            assertThat(cpuShare).as("CPU share of a core while saturated").isLessThan(0.05);
            assertThat(linesPerSecond).as("log lines per second while saturated").isLessThanOrEqualTo(5.0);

            // Free 200 descriptors: the first clients hang up. Then the rest must be greeted and a
            // new client served within 2 s.
            long freedAt = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                clients.get(i).close();
            }
            try (Socket probe = new Socket()) {
                probe.connect(a, 2000);
                probe.setSoTimeout(2000);
                byte[] hello = probe.getInputStream().readNBytes(FaultFixture.HELLO.length);
                double recovery = (System.nanoTime() - freedAt) / 1e9;
                System.out.printf("EMFILE: served a new client %.0f ms after descriptors came free%n", recovery * 1000);
                assertThat(hello).isEqualTo(FaultFixture.HELLO);
                assertThat(recovery).as("seconds until a new client is served").isLessThan(2.0);
            }
            for (int i = 200; i < CLIENTS; i++) {
                assertThat(clients.get(i).getInputStream().readNBytes(FaultFixture.HELLO.length))
                        .as("client " + i + " greeted after recovery").isEqualTo(FaultFixture.HELLO);
            }
            app.process.destroy(); // SIGTERM: a clean stop with the summary
            assertThat(app.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(app.process.exitValue()).as(app.err()).isZero();
            assertThat(app.out()).contains("Stopped: served " + (CLIENTS + 1));
            assertThat(app.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Server loop error");
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    /**
     * HTTP mode out of descriptors: the server reads requests on peers it holds while it has none
     * to spare. Every class that reading needs must be loaded before (from class directories a
     * class load opens a file, and a failed one is remembered for good): requests answered then,
     * and after descriptors come free.
     */
    @Test
    void httpModeAnswersWhileSaturatedAndAfter() throws Exception {
        Path prlimit = Path.of("/usr/bin/prlimit");
        List<Socket> clients = new ArrayList<>();
        try (ChildJvm app = ChildJvm.start(List.of(Files.isExecutable(prlimit) ? prlimit.toString() : "/bin/prlimit",
                        "--nofile=" + LIMIT + ":" + LIMIT, "--"), List.of(),
                "--headless", "--quiet", "--mode", "http", "--port", "0", "--greeting", "Hi {peer} at {time}\\n")) {
            int port = listeningPort(app);
            InetSocketAddress a = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            for (int i = 0; i < CLIENTS; i++) {
                Socket s = new Socket();
                clients.add(s);
                s.connect(a, 2000);
                s.setSoTimeout(5000);
            }
            await("the server runs out of descriptors").atMost(Duration.ofSeconds(15))
                    .until(() -> app.err().contains("out of file descriptors"));
            // Peers accepted before the limit send their requests now, the server still saturated.
            for (int i = 0; i < 5; i++) {
                clients.get(i).getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < 5; i++) {
                String answer = new String(clients.get(i).getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(answer).as("request " + i + " while saturated; stderr: " + app.err())
                        .startsWith("HTTP/1.1 200 OK");
            }
            for (int i = 5; i < CLIENTS; i++) {
                clients.get(i).close();
            }
            try (Socket probe = new Socket()) {
                probe.connect(a, 2000);
                probe.setSoTimeout(5000);
                probe.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII))
                        .as("a request after descriptors came free").startsWith("HTTP/1.1 200 OK");
            }
            assertThat(app.err()).doesNotContain("Server loop error").doesNotContain("NoClassDefFoundError");
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    private static int listeningPort(ChildJvm app) {
        Pattern p = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+) ");
        await().atMost(Duration.ofSeconds(15)).until(() -> p.matcher(app.out()).find() || !app.process.isAlive());
        Matcher m = p.matcher(app.out());
        assertThat(m.find()).as("listening line; stderr: " + app.err()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long lines(ChildJvm app) {
        return (app.out() + app.err()).lines().count();
    }

    /** utime + stime of every thread of the process, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
