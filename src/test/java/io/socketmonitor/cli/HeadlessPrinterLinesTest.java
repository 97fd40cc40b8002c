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
    void aFloodOfReadsPrintsItsFirstReadThenALineASecondAndTheRestBeforeTheNextLine() {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
        for (int i = 0; i < 3_500; i++) { // a read a millisecond for 3.5 s
            printer.onEvent(new ServerEvent.Received(Instant.EPOCH.plusMillis(i), 2, 65_536, i == 0 ? "first" : "\\0"));
        }
        printer.onEvent(new ServerEvent.Received(Instant.EPOCH.plusMillis(3_500), 3, 5, "hello"));
        printer.onEvent(new ServerEvent.Closed(Instant.EPOCH.plusMillis(3_501), new PeerSnapshot(3, remote, null,
                Instant.EPOCH, 5, 0, io.socketmonitor.server.CloseReason.BY_PEER, Instant.EPOCH, "")));
        out.close();
        String eol = System.lineSeparator();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(eol,
                "Received 65,536 bytes from peer #2: first",
                "Received 65,536,000 bytes in 1,000 more reads from peer #2: \\0",
                "Received 65,536,000 bytes in 1,000 more reads from peer #2: \\0",
                "Received 65,536,000 bytes in 1,000 more reads from peer #2: \\0",
                "Received 32,702,464 bytes in 499 more reads from peer #2: \\0", // another peer's read ends the run
                "Received 5 bytes from peer #3: hello",
                "Closed ('127.0.0.1', 40000): closed by peer") + eol);
    }

    private void read(long peer, long atMillis, String preview) {
        printer.onEvent(new ServerEvent.Received(Instant.EPOCH.plusMillis(atMillis), peer, preview.length(), preview));
    }

    /** What the terminal shows once the output is flushed: exactly {@code lines}, each ended. */
    private void assertPrinted(String... lines) {
        out.close();
        String eol = System.lineSeparator();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(eol, lines) + eol);
    }

    @Test
    void anEchoFloodIsSummedToo() {
        for (int i = 0; i < 1_500; i++) { // each read sent back at once: a Sent after every Received
            read(2, i, "ab");
            printer.onEvent(new ServerEvent.Sent(Instant.EPOCH.plusMillis(i), 2, 2, "ab"));
        }
        printer.onEvent(new ServerEvent.Stopped(Instant.EPOCH.plusMillis(1_500), null));
        assertPrinted(
                "Received 2 bytes from peer #2: ab",
                "Received 2,000 bytes in 1,000 more reads from peer #2: ab",
                "Received 998 bytes in 499 more reads from peer #2: ab",
                "Stopped");
    }

    @Test
    void linesTypedInTelnetSecondsApartArePrintedWhole() {
        read(2, 0, "hello");
        read(2, 3_000, "world");
        assertPrinted(
                "Received 5 bytes from peer #2: hello",
                "Received 5 bytes from peer #2: world");
    }

    @Test
    void readsSummedAndThenQuietArePrintedOnceTheirSecondIsUp() {
        read(2, 0, "first");
        read(2, 500, "bye");
        printer.printDueReads(Instant.EPOCH.plusMillis(900)); // not yet a second
        printer.printDueReads(Instant.EPOCH.plusMillis(1_600)); // and no other line comes
        assertPrinted(
                "Received 5 bytes from peer #2: first",
                "Received 3 bytes in 1 more read from peer #2: bye");
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
        quiet.onEvent(new ServerEvent.HttpRequestOutsideHttpMode(Instant.EPOCH, 1,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 46930), "GET / HTTP/1.1"));
        out.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("('127.0.0.1', 46930) sent an HTTP request"
                + " (GET / HTTP/1.1): curl and browsers need an HTTP answer. Start the server with --mode http."
                + System.lineSeparator());
    }
}
