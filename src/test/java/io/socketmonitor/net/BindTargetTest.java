package io.socketmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindTargetTest {

    @Test
    void keywords() {
        assertThat(BindTarget.parse("loopback").address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(BindTarget.parse("loopback6").address().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        BindTarget all = BindTarget.parse("all");
        assertThat(all.address()).isInstanceOf(Inet4Address.class);
        assertThat(all.address().isAnyLocalAddress()).isTrue();
        BindTarget all6 = BindTarget.parse("all6");
        assertThat(all6.address()).isInstanceOf(Inet6Address.class);
        assertThat(all6.address().isAnyLocalAddress()).isTrue();
    }

    @Test
    void keywordsIgnoreCaseAndSpaces() {
        assertThat(BindTarget.parse(" ALL6 ")).isEqualTo(BindTarget.ALL6);
        assertThat(BindTarget.parse("Loopback")).isEqualTo(BindTarget.LOOPBACK);
    }

    @Test
    void loopbackIsTheDefault() {
        assertThat(BindTarget.parse(null)).isEqualTo(BindTarget.LOOPBACK);
        assertThat(BindTarget.parse("  ")).isEqualTo(BindTarget.LOOPBACK);
    }

    @Test
    void localhostMeansIpv4Loopback() {
        assertThat(BindTarget.parse("localhost")).isEqualTo(BindTarget.LOOPBACK);
    }

    @Test
    void literalsOfTheStandardChoicesGiveThoseChoices() {
        assertThat(BindTarget.parse("127.0.0.1")).isEqualTo(BindTarget.LOOPBACK);
        assertThat(BindTarget.parse("::1")).isEqualTo(BindTarget.LOOPBACK6);
        assertThat(BindTarget.parse("[::1]")).isEqualTo(BindTarget.LOOPBACK6);
        assertThat(BindTarget.parse("0:0:0:0:0:0:0:1")).isEqualTo(BindTarget.LOOPBACK6);
        assertThat(BindTarget.parse("0.0.0.0")).isEqualTo(BindTarget.ALL);
        assertThat(BindTarget.parse("::")).isEqualTo(BindTarget.ALL6);
    }

    @Test
    void otherLoopbackLiteralIsAccepted() {
        BindTarget t = BindTarget.parse("127.0.0.2");
        assertThat(t.spec()).isEqualTo("127.0.0.2");
        assertThat(t.address().getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(t.description()).contains("127.0.0.2").contains("loopback: this machine only");
        assertThat(t.kind()).isEqualTo(AddressKind.LOOPBACK);
    }

    @Test
    void everyDiscoveredAddressCanBeChosenByItsLiteral() {
        for (LocalAddress a : InterfaceDiscovery.discover()) {
            BindTarget t = BindTarget.parse(Addresses.literal(a.address()));
            assertThat(t.address()).as(a.label()).isEqualTo(a.address());
        }
    }

    @Test
    void standardChoicesInOrder() {
        List<BindTarget> choices = BindTarget.standardChoices();
        assertThat(choices).extracting(BindTarget::spec).containsExactly("loopback", "loopback6", "all", "all6");
        assertThat(choices).extracting(BindTarget::description).containsExactly(
                "Loopback 127.0.0.1", "Loopback ::1", "All interfaces IPv4 (0.0.0.0)", "All interfaces dual stack (::)");
        for (BindTarget choice : choices) {
            assertThat(BindTarget.parse(choice.spec())).isEqualTo(choice);
        }
    }

    @Test
    void reachability() {
        assertThat(BindTarget.LOOPBACK.reachableFrom()).isEqualTo("this machine only");
        assertThat(BindTarget.ALL6.reachableFrom()).isEqualTo("every network this machine is on");
    }

    @Test
    void addressNotOnThisMachineIsRejectedWithASentence() throws Exception {
        assumeThat(InterfaceDiscovery.isLocalAddress(InetAddress.getByName("10.1.2.3"))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> BindTarget.parse("10.1.2.3")).withMessage(
                "10.1.2.3 is not an address of this machine, so the server cannot listen on it (see --list-interfaces).");
        assertThatIllegalArgumentException().isThrownBy(() -> BindTarget.parse("2001:db8::1"))
                .withMessageStartingWith("2001:db8::1 is not an address of this machine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "cafe", "example.com", "ip6-localhost", "localhost6", "localhost.localdomain",
        "256.1.1.1", "1.2.3", "127.1", "8080", ".:1", "::1::2", "[::1", "fe80::1%no-such-interface0"})
    void nonAddressIsRejectedWithoutLookup(String spec) {
        assertThatIllegalArgumentException().isThrownBy(() -> BindTarget.parse(spec)).withMessage("'" + spec
                + "' is not an address: use loopback, loopback6, all, all6 or an address of this machine"
                + " (see --list-interfaces).");
    }

    @Test
    void parsedTargetCanReallyBeBound() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(BindTarget.parse("loopback").address(), 0));
            assertThat(s.getInetAddress().isLoopbackAddress()).isTrue();
        }
    }
}
