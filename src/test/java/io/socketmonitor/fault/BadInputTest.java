package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketmonitor.server.BindFailedException;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Bad input the CLI tests in io.socketmonitor.cli do not already cover: each gets a sentence on
 * stderr and exit code 2, never a stack trace; and the server API refuses bad values with the
 * same sentences while a running server is not disturbed by them.
 */
class BadInputTest extends FaultFixture {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--greeting|\\uD800|unpaired UTF-16 surrogate U+D800",
        "--greeting|x\\uDC00y|unpaired UTF-16 surrogate U+DC00",
        "--greeting|\\xZZ|\\x needs 2 hex digits, found 'ZZ' at position 1",
        "--greeting|\\u12|\\u needs 4 hex digits at position 1",
        "--greeting|ends with \\|A backslash at the end of the text starts no escape",
        "--greeting|{nobody}|Unknown placeholder {nobody}",
        "--port|65536|Port 65536 is out of range",
        "--port|99999999999|Port '99999999999' is not a port number",
        "--port|\"\"|Port '' is not a port number",
        "--mode|keepopen|Mode 'keepopen' is unknown: use close, keep-open or http.",
        "--bind|203.0.113.7|203.0.113.7 is not an address of this machine",
        "--bind|2001:db8::1|2001:db8::1 is not an address of this machine",
        "--bind|999.1.1.1|'999.1.1.1' is not an address",
        "--idle-timeout|-1|--idle-timeout must be between 0 and 86400 seconds, not -1.",
        "--idle-timeout|soon|--idle-timeout 'soon' is not a number of seconds.",
        "--write-timeout|86401|--write-timeout must be between 1 and 86400 seconds, not 86401.",
        "--max-per-peer|-1|--max-per-peer must be between 0 and 1000000, not -1.",
        "--max-connections|0|--max-connections must be between 1 and 1000000, not 0.",
        "--backlog|65536|--backlog must be between 1 and 65535, not 65536.",
    })
    void badOptionIsASentenceAndExitCode2(String option, String value, String expected) throws Exception {
        // Port 0 so that a value wrongly accepted binds a free port, not 8080 (then times out).
        // An idle timeout applies in keep-open mode only (said first otherwise).
        String[] args = option.equals("--port") ? new String[] {"--headless", option, value}
                : option.equals("--idle-timeout") ? new String[] {"--headless", "--port", "0", "--mode", "keep-open",
                        option, value}
                : new String[] {"--headless", "--port", "0", option, value};
        try (ChildJvm app = ChildJvm.run(args)) {
            assertThat(app.process.exitValue()).as(app.err()).isEqualTo(2);
            assertThat(app.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(app.out()).doesNotContain("Listening");
        }
    }

    @Test
    void greetingOver64KiBOfUtf8IsRefusedEvenWithFewerCharacters() throws Exception {
        // 40,000 characters, 80,000 bytes in UTF-8: the limit is on bytes sent.
        try (ChildJvm app = ChildJvm.run("--headless", "--port", "0", "--greeting", "\u00e9".repeat(40_000))) {
            assertThat(app.process.exitValue()).isEqualTo(2);
            assertThat(app.err()).startsWith("The greeting is 80000 bytes; the most is 65536 bytes (64 KiB).")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void serverApiRefusesBadValuesWithTheSameSentencesAndARunningServerCarriesOn() throws Exception {
        InetSocketAddress a = start(config());
        assertThatThrownBy(() -> ServerConfig.defaults().withPort(-1)).hasMessageStartingWith("Port -1 is out of range");
        assertThatThrownBy(() -> ServerConfig.defaults().withPort(70_000)).hasMessageStartingWith("Port 70000 is out of range");
        assertThatThrownBy(() -> ServerConfig.defaults().withBacklog(0)).hasMessage("Backlog must be between 1 and 65535, not 0.");
        MonitorServer foreign = server(config().withBindAddress(InetAddress.getByName("203.0.113.7")));
        assertThatThrownBy(foreign::start).isInstanceOf(BindFailedException.class)
                .hasMessageStartingWith("203.0.113.7 is not an address of this machine");
        MonitorServer sameAddress = server(config().withPort(a.getPort()));
        assertThatThrownBy(sameAddress::start).isInstanceOf(BindFailedException.class)
                .hasMessageContaining("is already in use");
        assertThatThrownBy(() -> servers.get(0).reconfigure(config())).isInstanceOf(IllegalStateException.class)
                .hasMessage("Stop the server before changing its address, port or limits.");
        try (Socket s = new Socket()) {
            s.connect(a, 2000);
            s.setSoTimeout(5000);
            assertThat(readToEnd(s)).isEqualTo("Hello from server\n");
        }
        assertThat(foreign.isRunning()).isFalse();
        assertThat(servers.get(0).stats().errors()).isZero();
    }
}
