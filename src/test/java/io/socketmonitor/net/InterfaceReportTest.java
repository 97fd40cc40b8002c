package io.socketmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceReportTest {

    private static LocalAddress addr(String ifName, String literal) throws Exception {
        return LocalAddress.of(ifName, ifName, InetAddress.getByName(literal));
    }

    @Test
    void lectureMachine() throws Exception {
        String report = InterfaceReport.format(List.of(
                addr("lo", "127.0.0.1"),
                addr("lo", "::1"),
                addr("ens160", "128.82.7.233"),
                addr("docker0", "172.17.0.1")));

        assertThat(report).isEqualTo(""
                + "INTERFACE  ADDRESS       KIND              REACHABLE FROM\n"
                + "lo         127.0.0.1     loopback          reachable from: this machine only\n"
                + "           ::1           loopback          reachable from: this machine only\n"
                + "ens160     128.82.7.233  public            reachable from: the internet (if no firewall blocks it)\n"
                + "docker0    172.17.0.1    container bridge  reachable from: containers on this machine\n");
    }

    @Test
    void addressesOfOneInterfaceAreGroupedEvenIfInterleaved() throws Exception {
        String report = InterfaceReport.format(List.of(
                addr("eth0", "10.0.0.2"), addr("lo", "127.0.0.1"), addr("eth0", "fd00::2")));

        assertThat(report.lines().map(l -> l.substring(0, 4))).containsExactly("INTE", "eth0", "    ", "lo  ");
        assertThat(report.lines()).allMatch(l -> !l.endsWith(" "));
    }

    @Test
    void noAddresses() {
        assertThat(InterfaceReport.format(List.of()).lines())
                .containsExactly("INTERFACE  ADDRESS  KIND  REACHABLE FROM", "(no network interface is up)");
    }

    @Test
    void reportOfThisMachineHasALinePerAddress() {
        List<LocalAddress> found = InterfaceDiscovery.discover();
        String report = InterfaceReport.format(found);
        assertThat(report.lines()).hasSize(found.size() + 1);
        assertThat(report).contains("loopback").contains("reachable from: this machine only");
    }
}
