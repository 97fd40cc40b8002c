package io.socketmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressKindTest {

    /** Literals only: InetAddress.getByName never resolves them, and nothing here connects. */
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource({
        "127.0.0.1,   lo,      LOOPBACK",
        "127.8.9.10,  lo,      LOOPBACK",
        "::1,         lo,      LOOPBACK",
        "10.0.0.1,    eth0,    PRIVATE",
        "172.16.5.4,  eth0,    PRIVATE",
        "172.31.255.254, eth0, PRIVATE",
        "172.32.0.1,  eth0,    PUBLIC",
        "172.15.0.1,  eth0,    PUBLIC",
        "192.168.1.1, wlan0,   PRIVATE",
        "100.64.0.1,  eth0,    PRIVATE",
        "100.127.255.1, eth0,  PRIVATE",
        "100.128.0.1, eth0,    PUBLIC",
        "169.254.1.1, eth0,    LINK_LOCAL",
        "fe80::1,     eth0,    LINK_LOCAL",
        "fd00::1,     eth0,    UNIQUE_LOCAL",
        "fc00::1,     eth0,    UNIQUE_LOCAL",
        "fec0::1,     eth0,    PRIVATE",
        "8.8.8.8,     eth0,    PUBLIC",
        "2001:4860:4860::8888, eth0, PUBLIC",
        "128.82.7.233, ens160, PUBLIC",
        "192.0.2.2,   eth0,    DOCUMENTATION",
        "198.51.100.7, eth0,   DOCUMENTATION",
        "203.0.113.250, eth0,  DOCUMENTATION",
        "192.0.3.1,   eth0,    PUBLIC",
        "2001:db8::5, eth0,    DOCUMENTATION",
        "2001:db9::5, eth0,    PUBLIC",
        "0.0.0.0,     '',      WILDCARD",
        "::,          '',      WILDCARD",
        "172.17.0.1,  docker0, CONTAINER_BRIDGE",
        "172.18.0.1,  br-3f2a9c1d, CONTAINER_BRIDGE",
        "192.168.122.1, virbr0, CONTAINER_BRIDGE",
        "10.88.0.1,   podman0, CONTAINER_BRIDGE",
        "10.22.0.1,   cni0,    CONTAINER_BRIDGE",
        "fe80::42:acff:fe11:1, veth1a2b, CONTAINER_BRIDGE",
        "10.0.3.1,    lxcbr0,  CONTAINER_BRIDGE",
    })
    void classifiesByAddressAndInterface(String literal, String interfaceName, AddressKind expected)
            throws Exception {
        assertThat(AddressKind.classify(interfaceName, ip(literal))).isEqualTo(expected);
    }

    @Test
    void loopbackAndWildcardWinOverTheBridgeName() throws Exception {
        assertThat(AddressKind.classify("docker0", ip("127.0.0.1"))).isEqualTo(AddressKind.LOOPBACK);
        assertThat(AddressKind.classify("docker0", ip("0.0.0.0"))).isEqualTo(AddressKind.WILDCARD);
    }

    @Test
    void unknownInterfaceNameClassifiesByAddressAlone() throws Exception {
        assertThat(AddressKind.classify(null, ip("172.17.0.1"))).isEqualTo(AddressKind.PRIVATE);
    }

    @Test
    void bridgeLookalikeNamesAreNotBridges() throws Exception {
        assertThat(AddressKind.classify("bridge0", ip("10.0.0.1"))).isEqualTo(AddressKind.PRIVATE);
        assertThat(AddressKind.classify("eth-docker", ip("10.0.0.1"))).isEqualTo(AddressKind.PRIVATE);
    }

    @Test
    void labelsAndReachability() {
        assertThat(AddressKind.LOOPBACK.label()).isEqualTo("loopback");
        assertThat(AddressKind.LOOPBACK.reachableFrom()).isEqualTo("this machine only");
        assertThat(AddressKind.PRIVATE.label()).isEqualTo("private");
        assertThat(AddressKind.PRIVATE.reachableFrom()).isEqualTo("the local network");
        assertThat(AddressKind.LINK_LOCAL.label()).isEqualTo("link-local");
        assertThat(AddressKind.LINK_LOCAL.reachableFrom()).isEqualTo("the local network segment only");
        assertThat(AddressKind.UNIQUE_LOCAL.label()).isEqualTo("unique local (ULA)");
        assertThat(AddressKind.UNIQUE_LOCAL.reachableFrom()).isEqualTo("the local network (IPv6)");
        assertThat(AddressKind.CONTAINER_BRIDGE.label()).isEqualTo("container bridge");
        assertThat(AddressKind.CONTAINER_BRIDGE.reachableFrom()).isEqualTo("containers on this machine");
        assertThat(AddressKind.PUBLIC.label()).isEqualTo("public");
        assertThat(AddressKind.PUBLIC.reachableFrom()).isEqualTo("the internet (if no firewall blocks it)");
        assertThat(AddressKind.WILDCARD.label()).isEqualTo("all interfaces");
        assertThat(AddressKind.WILDCARD.reachableFrom()).isEqualTo("every network this machine is on");
    }
}
