package io.socketmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LocalAddressTest {

    @Test
    void labelNamesAddressInterfaceKindAndReach() throws Exception {
        LocalAddress lo = LocalAddress.of("lo", "lo", InetAddress.getByName("127.0.0.1"));
        assertThat(lo.kind()).isEqualTo(AddressKind.LOOPBACK);
        assertThat(lo.label()).isEqualTo("127.0.0.1 — lo, loopback: this machine only");
        assertThat(lo.reachableFrom()).isEqualTo("this machine only");
    }

    @Test
    void ipv6LabelIsCompressed() throws Exception {
        LocalAddress lo = LocalAddress.of("lo", "lo", InetAddress.getByName("0:0:0:0:0:0:0:1"));
        assertThat(lo.label()).isEqualTo("::1 — lo, loopback: this machine only");
    }

    @Test
    void scopeIsHiddenInTheLabelButKeptForBinding() throws Exception {
        // A numeric scope id needs no real interface, so this works on any machine.
        Inet6Address scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 7);
        LocalAddress a = LocalAddress.of("eth0", "Ethernet", scoped);
        assertThat(a.label()).isEqualTo("fe80::1 — eth0, link-local: the local network segment only");
        assertThat(((Inet6Address) a.address()).getScopeId()).isEqualTo(7);
    }

    @Test
    void containerBridgeLabel() throws Exception {
        LocalAddress docker = LocalAddress.of("docker0", "docker0", InetAddress.getByName("172.17.0.1"));
        assertThat(docker.label()).isEqualTo("172.17.0.1 — docker0, container bridge: containers on this machine");
    }

    @Test
    void displayNameDefaultsToTheName() throws Exception {
        LocalAddress a = new LocalAddress("eth0", null, InetAddress.getByName("10.0.0.1"), AddressKind.PRIVATE);
        assertThat(a.interfaceDisplayName()).isEqualTo("eth0");
    }
}
