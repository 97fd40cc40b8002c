package io.socketmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void literalIpv4() throws Exception {
        assertThat(Addresses.literal(ip("127.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(Addresses.literal(ip("10.0.0.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void literalIpv6IsCompressed() throws Exception {
        assertThat(Addresses.literal(ip("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
        assertThat(Addresses.literal(ip("::"))).isEqualTo("::");
        assertThat(Addresses.literal(ip("2001:0db8:0000:0000:0000:0000:0000:0001"))).isEqualTo("2001:db8::1");
    }

    @Test
    void aLinkLocalPeerScopedByNumberIsShownWithItsInterfacesName() throws Exception {
        java.net.NetworkInterface nic = java.net.NetworkInterface.networkInterfaces().findFirst().orElseThrow();
        Inet6Address accepted = Inet6Address.getByAddress(null, ip("fe80::1").getAddress(), nic.getIndex());
        assertThat(accepted.getHostAddress()).isEqualTo("fe80:0:0:0:0:0:0:1%" + nic.getIndex()); // as accept() gives it
        assertThat(Addresses.literal(accepted)).isEqualTo("fe80::1%" + nic.getName());
    }

    @Test
    void literalHasNoHostName() throws Exception {
        InetAddress named = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        assertThat(Addresses.literal(named)).isEqualTo("127.0.0.1");
    }

    @Test
    void literalKeepsScopeAndUnscopedLiteralDropsIt() throws Exception {
        Inet6Address scoped = Inet6Address.getByAddress(null, ip("fe80::1").getAddress(), 9_999); // no such interface
        assertThat(Addresses.literal(scoped)).isEqualTo("fe80::1%9999");
        assertThat(Addresses.unscopedLiteral(scoped)).isEqualTo("fe80::1");
        assertThat(Addresses.unscopedLiteral(ip("127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void anIpv4PeerOfAnIpv6SocketIsMappedAndWrittenAsPythonDoes() throws Exception {
        InetSocketAddress mapped = Addresses.asSeenByIpv6Socket(new InetSocketAddress(ip("192.168.1.20"), 46930));
        assertThat(mapped.getAddress()).isInstanceOf(Inet6Address.class);
        assertThat(Addresses.literal(mapped.getAddress())).isEqualTo("::ffff:192.168.1.20");
        assertThat(Addresses.lectureTuple(mapped)).isEqualTo("('::ffff:192.168.1.20', 46930, 0, 0)");
        assertThat(Addresses.hostPort(mapped)).isEqualTo("[::ffff:192.168.1.20]:46930");
        InetSocketAddress v6 = new InetSocketAddress(ip("::1"), 1);
        assertThat(Addresses.asSeenByIpv6Socket(v6)).isSameAs(v6);
        assertThat(Addresses.literal(ip("::ffff:0:0:1"))).as("not mapped: ffff at bytes 8-9")
                .isEqualTo("::ffff:0:0:1");
    }

    @Test
    void hostPort() throws Exception {
        assertThat(Addresses.hostPort(ip("127.0.0.1"), 8080)).isEqualTo("127.0.0.1:8080");
        assertThat(Addresses.hostPort(ip("::1"), 8080)).isEqualTo("[::1]:8080");
        assertThat(Addresses.hostPort(new InetSocketAddress(ip("::1"), 46930))).isEqualTo("[::1]:46930");
        assertThat(Addresses.hostPort(new InetSocketAddress(ip("127.0.0.1"), 46930))).isEqualTo("127.0.0.1:46930");
    }

    @Test
    void lectureTuple() throws Exception {
        assertThat(Addresses.lectureTuple(new InetSocketAddress(ip("127.0.0.1"), 46930)))
                .isEqualTo("('127.0.0.1', 46930)");
        assertThat(Addresses.lectureTuple(new InetSocketAddress(ip("::1"), 46930)))
                .isEqualTo("('::1', 46930, 0, 0)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0:0:0:0:0:0:0:1,           ::1",
        "0:0:0:0:0:0:0:0,           ::",
        "1:0:0:0:0:0:0:0,           1::",
        "fe80:0:0:0:0:0:0:1,        fe80::1",
        "fe80:0:0:0:1:0:0:1%lo,     fe80::1:0:0:1%lo",
        "fe80:0:0:0:0:0:0:1%eth0,   fe80::1%eth0",
        "fe80:0:0:0:0:0:0:1%3,      fe80::1%3",
        "2001:db8:0:0:1:0:0:1,      2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1,      2001:db8:0:1:1:1:1:1",
        "1:0:0:2:0:0:0:3,           1:0:0:2::3",
        "1:0:0:2:3:0:0:4,           1::2:3:0:0:4",
        "2001:0db8:00a0:0:0:0:0:0001, 2001:db8:a0::1",
        "fd00:0:0:0:0:0:0:2,        fd00::2",
    })
    void compressIpv6(String full, String compressed) {
        assertThat(Addresses.compressIpv6(full)).isEqualTo(compressed);
    }
}
