package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Load modes refuse anything but this machine, before any connect. */
class LoadTargetTest {

    @Test
    void loopbackNamesAndAddressesAreAccepted() throws Exception {
        assertThat(LoadTarget.resolve("127.0.0.1", 8080).address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(LoadTarget.resolve("::1", 8080)).hasToString("[::1]:8080");
        assertThat(LoadTarget.resolve("localhost", 8080).address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void otherMachinesAreRefusedWithASentence() {
        // Literals: nothing is resolved over the network and nothing is connected.
        assertThatThrownBy(() -> LoadTarget.resolve("8.8.8.8", 53))
                .isInstanceOf(NotLocalTargetException.class)
                .hasMessage("Load modes only target this machine: 8.8.8.8 is not one of its addresses.");
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

        int exit = ClientCommand.runLoad("8.8.8.8:53", LoadMode.BURST, LoadOptions.defaults(), t.out, t.err);

        assertThat(exit).isEqualTo(ClientCommand.EXIT_USAGE);
        assertThat(t.err()).isEqualTo("Load modes only target this machine: 8.8.8.8 is not one of its addresses."
                + System.lineSeparator());
        assertThat(t.out()).as("no plan printed, so no run was started").isEmpty();
    }
}
