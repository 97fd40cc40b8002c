package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Load modes refuse anything but this machine, before any connect. */
class LoadTargetTest {

    /** A port where nothing listens: a name with two addresses is tried on each, and both refuse. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void loopbackNamesAndAddressesAreAccepted() throws Exception {
        int port = closedPort();
        assertThat(LoadTarget.resolve("127.0.0.1", port).address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(LoadTarget.resolve("::1", port)).hasToString("[::1]:" + port);
        assertThat(LoadTarget.resolve("localhost", port).address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void ofANamesAddressesTheRunAimsAtTheOneWhereTheServerListens() throws Exception {
        java.net.InetAddress v4 = java.net.InetAddress.getByName("127.0.0.1");
        java.net.InetAddress v6 = java.net.InetAddress.getByName("::1");
        java.net.ServerSocket onV6;
        try {
            onV6 = new java.net.ServerSocket(0, 50, v6);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this machine has no IPv6 loopback");
            return;
        }
        try (onV6) {
            int port = onV6.getLocalPort();
            assertThat(LoadTarget.firstAnswering(new java.net.InetAddress[] {v4, v6}, port)).isEqualTo(v6);
        }
        int closed = closedPort();
        assertThat(LoadTarget.firstAnswering(new java.net.InetAddress[] {v4, v6}, closed)).as("none answers: the first")
                .isEqualTo(v4);
    }

    @Test
    void otherMachinesAreRefusedWithASentence() {
        // Literals: nothing is resolved over the network and nothing is connected. An address
        // reserved for documentation (TEST-NET-1): were the check ever broken, no one's server.
        assertThatThrownBy(() -> LoadTarget.resolve("192.0.2.10", 53))
                .isInstanceOf(NotLocalTargetException.class)
                .hasMessage("Load modes only target this machine: 192.0.2.10 is not one of its addresses.");
        assertThatThrownBy(() -> LoadTarget.resolve("2001:db8::1", 80))
                .hasMessage("Load modes only target this machine: 2001:db8::1 is not one of its addresses.");
    }

    @Test
    void unknownNamesAreRefusedToo() {
        assertThatThrownBy(() -> LoadTarget.resolve("load.invalid", 80))
                .isInstanceOf(NotLocalTargetException.class)
                .hasMessageStartingWith("Unknown host: load.invalid does not resolve to any address");
    }

    @Test
    void theCommandRefusesBeforeStartingARun() {
        Terminal t = new Terminal();

        int exit = ClientCommand.runLoad("192.0.2.10:53", LoadMode.BURST, LoadOptions.defaults(), t.out, t.err);

        assertThat(exit).isEqualTo(ClientCommand.EXIT_USAGE);
        assertThat(t.err()).isEqualTo("Load modes only target this machine: 192.0.2.10 is not one of its addresses."
                + System.lineSeparator());
        assertThat(t.out()).as("no plan printed, so no run was started").isEmpty();
    }
}
