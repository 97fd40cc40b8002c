package io.socketmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An option typed where it does nothing, or wrongly, is named with what it needs, before anything runs. */
class OptionCombinationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--load burst|--load is the test client's: add --connect HOST:PORT (e.g. --connect localhost:8080 --load ...).",
        "--headless --send hi|--send is the test client's: add --connect HOST:PORT",
        "--connect 127.0.0.1:9 --connections 5|--connections sets up a load run: add --load MODE (e.g. --load burst).",
        "--connect 127.0.0.1:9 --mode http|--mode sets up the server, but with --connect this program is the client",
        "--connect 127.0.0.1:9 --load burst --port 80|--port sets up the server, but with --connect",
        "--quiet --port 0|--quiet quiets the terminal's lines: add --headless (the window has its own log).",
        "--headless --echo|--echo answers peers that stay connected: add --mode keep-open.",
        "--headless --echo --mode http|--echo answers peers that stay connected: add --mode keep-open.",
        "--headless --echo --mode keepopen|Mode 'keepopen' is unknown: use close, keep-open or http.",
        "--connect 127.0.0.1:9 --load burst --send hi|--load sends nothing of its own choosing: leave out --send",
        "--connect 127.0.0.1:9 --line-ending crlf|--line-ending is added after --send's text: add --send TEXT.",
        "--headless --idle-timeout 5|--idle-timeout closes keep-open peers that stay silent: add --mode keep-open",
        "--idle-timeout 5 --mode http|--idle-timeout closes keep-open peers that stay silent: add --mode keep-open",
        "--headless --start|--start starts the window's server at once; --headless always does: leave out --start.",
        "--list-interfaces --headless|--list-interfaces prints this machine's addresses and exits: leave out --headless.",
        "--headless --bind=|--bind needs an address: loopback, loopback6, all, all6 or one of this machine's",
        "--headless --port 1 --port 2|--port was given twice: give it once. Try --help for the list of options.",
        "--headless --mode|--mode needs a value: --mode M. Try --help for the list of options.",
        "--bogus|Unknown option: '--bogus'. Try --help for the list of options.",
        "--headless --greeting Hello there|'there' is not an option, nor the value of one: options start with --"
            + " (a value with spaces needs quotes). Try --help for the list of options.",
        "--connect 127.0.0.1:9 --load burst --interval 5|--interval paces the slow mode's bytes: use it with --load slow.",
        "--connect 127.0.0.1:9 --load burst --connections 0|--connections must be between 1 and 10000, not 0.",
        "--connect 127.0.0.1:9 --load hold --duration 99999|--duration must be between 1 and 600, not 99999.",
    })
    void isNamedWithWhatItNeedsAndExitCode2(String args, String expected) {
        args = args.strip();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SocketMonitor.run(args.split(" "), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(SocketMonitor.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(expected);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
