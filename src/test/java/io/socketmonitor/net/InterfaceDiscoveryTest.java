package io.socketmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceDiscoveryTest {

    private static LocalAddress addr(String ifName, String literal) throws Exception {
        return LocalAddress.of(ifName, ifName, InetAddress.getByName(literal));
    }

    @Test
    void discoverFindsLoopbackFirstAndIsSorted() {
        List<LocalAddress> found = InterfaceDiscovery.discover();
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).kind()).isEqualTo(AddressKind.LOOPBACK);
        assertThat(found).anyMatch(a -> a.address().isLoopbackAddress() && a.address() instanceof Inet4Address);
        assertThat(found).isSortedAccordingTo(InterfaceDiscovery.ORDER);
    }

    @Test
    void everyDiscoveredAddressIsLocal() {
        List<LocalAddress> found = InterfaceDiscovery.discover();
        assertThat(found).as("loopback at least").isNotEmpty();
        for (LocalAddress a : found) {
            assertThat(InterfaceDiscovery.isLocalAddress(a.address())).as(a.label()).isTrue();
        }
    }

    @Test
    void sortsLoopbackFirstThenInterfaceNameThenIpv4BeforeIpv6() throws Exception {
        List<LocalAddress> unsorted = List.of(
                addr("eth0", "fe80::1"),
                addr("docker0", "172.17.0.1"),
                addr("eth0", "192.168.1.5"),
                addr("lo", "::1"),
                addr("eth0", "10.0.0.2"),
                addr("lo", "127.0.0.1"));

        List<String> order = InterfaceDiscovery.discover(() -> unsorted).stream()
                .map(a -> a.interfaceName() + " " + a.literal()).toList();

        assertThat(order).containsExactly(
                "lo 127.0.0.1", "lo ::1", "docker0 172.17.0.1", "eth0 10.0.0.2", "eth0 192.168.1.5", "eth0 fe80::1");
    }

    @Test
    void failureToListInterfacesStillGivesLoopback() {
        List<LocalAddress> found = InterfaceDiscovery.discover(() -> {
            throw new SocketException("no permission");
        });
        assertThat(found).extracting(LocalAddress::literal).containsExactly("127.0.0.1", "::1");
        assertThat(found).allMatch(a -> a.kind() == AddressKind.LOOPBACK);
    }

    @Test
    void missingLoopbackIsAdded() throws Exception {
        LocalAddress eth0 = addr("eth0", "10.0.0.2");
        List<LocalAddress> found = InterfaceDiscovery.discover(() -> List.of(eth0));
        assertThat(found).extracting(LocalAddress::literal).containsExactly("127.0.0.1", "::1", "10.0.0.2");
    }

    @Test
    void wildcardAndLoopbackRangeAreLocal() throws Exception {
        assertThat(InterfaceDiscovery.isLocalAddress(InetAddress.getByName("0.0.0.0"))).isTrue();
        assertThat(InterfaceDiscovery.isLocalAddress(InetAddress.getByName("::"))).isTrue();
        assertThat(InterfaceDiscovery.isLocalAddress(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(InterfaceDiscovery.isLocalAddress(InetAddress.getByName("127.0.0.2"))).isTrue();
        assertThat(InterfaceDiscovery.isLocalAddress(InetAddress.getByName("::1"))).isTrue();
    }

    @Test
    void foreignAddressIsNotLocal() throws Exception {
        InetAddress documentation = InetAddress.getByName("203.0.113.9");
        assumeThat(InterfaceDiscovery.discover()).noneMatch(a -> a.address().equals(documentation));
        assertThat(InterfaceDiscovery.isLocalAddress(documentation)).isFalse();
        assertThat(InterfaceDiscovery.isLocalAddress(InetAddress.getByName("2001:db8::dead:beef"))).isFalse();
    }

    @Test
    void ipv6AddressesFollowIpv4OnTheSameInterface() {
        List<LocalAddress> found = InterfaceDiscovery.discover();
        for (int i = 1; i < found.size(); i++) {
            LocalAddress prev = found.get(i - 1);
            LocalAddress cur = found.get(i);
            if (prev.interfaceName().equals(cur.interfaceName())) {
                assertThat(prev.address() instanceof Inet6Address && cur.address() instanceof Inet4Address)
                        .as("%s before %s", prev.label(), cur.label()).isFalse();
            }
        }
    }
}
