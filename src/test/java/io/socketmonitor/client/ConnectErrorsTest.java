package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mapping from what Java throws to one sentence; no traffic leaves the machine here. */
class ConnectErrorsTest {
    // A documentation address (TEST-NET-1) built from bytes: nothing is resolved or contacted.
    private static final InetAddress DOC = address(192, 0, 2, 1);
    private static final Duration FIVE = Duration.ofSeconds(5);

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refused() {
        assertThat(ConnectErrors.describe(new ConnectException("Connection refused"), "127.0.0.1",
                InetAddress.getLoopbackAddress(), 9, FIVE))
                .isEqualTo("Connection refused: nothing is listening on 127.0.0.1 port 9.");
    }

    @Test
    void timeout() {
        assertThat(ConnectErrors.describe(new SocketTimeoutException("Connect timed out"), "example", DOC, 80, FIVE))
                .isEqualTo("Timed out: 192.0.2.1 port 80 did not answer within 5 seconds"
                        + " (a firewall may be dropping the packets, or the host is down).");
        assertThat(ConnectErrors.describe(new SocketTimeoutException(), "x", DOC, 80, Duration.ofMillis(1500)))
                .contains("within 1.5 seconds");
    }

    @Test
    void hostAndNetworkUnreachable() {
        assertThat(ConnectErrors.describe(new NoRouteToHostException("No route to host"), "x", DOC, 80, FIVE))
                .isEqualTo("Host unreachable: there is no route from this machine to 192.0.2.1 port 80.");
        assertThat(ConnectErrors.describe(new SocketException("Network is unreachable"), "x", DOC, 80, FIVE))
                .isEqualTo("Network unreachable: this machine has no network path to 192.0.2.1 port 80.");
    }

    @Test
    void unknownHost() {
        assertThat(ConnectErrors.describe(new UnknownHostException("nowhere.invalid"), "nowhere.invalid", null, 80,
                FIVE)).isEqualTo("Unknown host: nowhere.invalid does not resolve to any address"
                + " (check the spelling, or use an address such as 127.0.0.1).");
    }

    @Test
    void ipv6IsWrittenShortAndOtherErrorsKeepTheOsWords() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        assertThat(ConnectErrors.describe(new ConnectException("Connection refused"), "::1", v6, 8080, FIVE))
                .isEqualTo("Connection refused: nothing is listening on ::1 port 8080.");
        assertThat(ConnectErrors.describe(new SocketException("Protocol family unavailable"), "::1", v6, 8080, FIVE))
                .isEqualTo("Could not connect to ::1 port 8080: Protocol family unavailable.");
    }
}
