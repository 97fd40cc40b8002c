package io.socketmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerEvent;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fast "Connected to" path writes exactly what the lecture's Python server prints. */
class HeadlessPrinterLinesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputPump out = new OutputPump(bytes, new ByteArrayOutputStream());
    private final HeadlessPrinter printer = new HeadlessPrinter(out, false);

    private void connected(InetAddress a, int port) {
        InetSocketAddress remote = new InetSocketAddress(a, port);
        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
        printer.onEvent(new ServerEvent.Connected(Instant.EPOCH,
                new PeerSnapshot(1, remote, local, Instant.EPOCH, 0, 0, null, null, "")));
    }

    @Test
    void connectedLinesMatchTheLectureForEveryPortWidthAndAddressChange() throws Exception {
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        InetAddress other = InetAddress.getByName("192.168.1.20");
        InetAddress v6 = InetAddress.getByName("::1");
        connected(v4, 46930);
        connected(v4, 1);
        connected(v4, 65535);
        connected(other, 80);
        connected(v6, 443);
        connected(v4, 1024);
        out.close();
        String eol = System.lineSeparator();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(eol,
                "Connected to ('127.0.0.1', 46930)",
                "Connected to ('127.0.0.1', 1)",
                "Connected to ('127.0.0.1', 65535)",
                "Connected to ('192.168.1.20', 80)",
                "Connected to ('::1', 443, 0, 0)",
                "Connected to ('127.0.0.1', 1024)") + eol);
    }

    @Test
    void quietPrintsNoConnectedLine() {
        HeadlessPrinter quiet = new HeadlessPrinter(out, true);
        quiet.onEvent(new ServerEvent.Connected(Instant.EPOCH, new PeerSnapshot(1,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 5), null, Instant.EPOCH, 0, 0, null, null, "")));
        out.close();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void curlAtACloseModeServerIsToldToUseHttpModeEvenWhenQuiet() {
        HeadlessPrinter quiet = new HeadlessPrinter(out, true);
        quiet.onEvent(new ServerEvent.HttpRequestInCloseMode(Instant.EPOCH, 1,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 46930), "GET / HTTP/1.1"));
        out.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("('127.0.0.1', 46930) sent an HTTP request"
                + " (GET / HTTP/1.1), but this server only greets and closes: curl and browsers need an HTTP answer."
                + " Start the server with --mode http." + System.lineSeparator());
    }
}
