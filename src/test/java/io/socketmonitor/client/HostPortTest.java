package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesNamesIpv4AndBracketedIpv6() {
        assertThat(HostPort.parse("localhost:8080")).isEqualTo(new HostPort("localhost", 8080));
        assertThat(HostPort.parse("127.0.0.1:9")).isEqualTo(new HostPort("127.0.0.1", 9));
        assertThat(HostPort.parse("[::1]:8080")).isEqualTo(new HostPort("::1", 8080));
        assertThat(HostPort.parse(" [fe80::1%lo]:65535 ")).isEqualTo(new HostPort("fe80::1%lo", 65535));
    }

    @Test
    void printsIpv6BackInBrackets() {
        assertThat(HostPort.parse("[::1]:8080")).hasToString("[::1]:8080");
        assertThat(HostPort.parse("localhost:80")).hasToString("localhost:80");
    }

    @Test
    void missingPortIsASentence() {
        assertThatThrownBy(() -> HostPort.parse("localhost"))
                .hasMessage("Missing port in 'localhost': write HOST:PORT, for example localhost:8080 or [::1]:8080.");
        assertThatThrownBy(() -> HostPort.parse("localhost:")).hasMessageStartingWith("Missing port in 'localhost:'");
        assertThatThrownBy(() -> HostPort.parse("[::1]")).hasMessageStartingWith("Missing port in '[::1]'");
    }

    @Test
    void aHostWithASpaceOrAControlCharacterIsNotLookedUp() {
        assertThatThrownBy(() -> HostPort.parse("local\nhost:8080"))
                .hasMessage("'local\\nhost' is not a host name: it holds a control character.");
        assertThatThrownBy(() -> HostPort.parse("local host:8080"))
                .hasMessage("'local host' is not a host name: it holds a space.");
        assertThatThrownBy(() -> HostPort.parse("host\u00a0:80")).as("a no-break space")
                .hasMessage("'host\u00a0' is not a host name: it holds a space.");
        assertThatThrownBy(() -> HostPort.parse("local\u200Bhost:80")).as("a zero-width space")
                .hasMessage("'local\\u200Bhost' is not a host name: it holds an invisible character.");
        // The window's host field builds the target itself.
        assertThatThrownBy(() -> new HostPort("my host", 80)).hasMessageStartingWith("'my host' is not a host name");
        assertThat(HostPort.parse(" localhost:8080\r")).isEqualTo(new HostPort("localhost", 8080)); // trimmed around
    }

    @Test
    void portOutOfRangeIsASentence() {
        assertThatThrownBy(() -> HostPort.parse("localhost:70000"))
                .hasMessage("Port 70000 is out of range: a TCP port is a number from 1 to 65535.");
        assertThatThrownBy(() -> HostPort.parse("localhost:0"))
                .hasMessage("Port 0 cannot be connected to: give the port the server listens on (1 to 65535).");
        assertThatThrownBy(() -> HostPort.parse("localhost:http"))
                .hasMessage("'http' is not a port number: a TCP port is a number from 1 to 65535.");
        assertThatThrownBy(() -> HostPort.parse("localhost:-1"))
                .hasMessage("Port -1 is out of range: a TCP port is a number from 1 to 65535.");
        assertThatThrownBy(() -> HostPort.parsePort(" "))
                .hasMessage("No port given: a TCP port is a number from 1 to 65535.");
    }

    @Test
    void unbracketedIpv6AndOtherMistakesAreExplained() {
        assertThatThrownBy(() -> HostPort.parse("::1:8080"))
                .hasMessageStartingWith("Put an IPv6 address in brackets before the port, for example [::1]:8080");
        assertThatThrownBy(() -> HostPort.parse("[::1:8080"))
                .hasMessageStartingWith("Missing ']' after the IPv6 address");
        assertThatThrownBy(() -> HostPort.parse(":8080")).hasMessageStartingWith("The host is missing in ':8080'");
        assertThatThrownBy(() -> HostPort.parse(" "))
                .hasMessage("Give the server as HOST:PORT, for example localhost:8080 or [::1]:8080.");
        assertThatThrownBy(() -> HostPort.parse("[::1]8080")).hasMessageStartingWith("Expected ':' and a port after ']'");
    }
}
