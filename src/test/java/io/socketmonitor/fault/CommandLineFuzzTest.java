package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.cli.Options;
import io.socketmonitor.cli.ParserMessages;
import io.socketmonitor.cli.UsageException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Random command lines (options in any order and number, with values good and bad, or missing)
 * through everything that happens before the program acts: the parser, the check that each
 * option applies, and the server's settings. Each is accepted or refused with a one-line
 * sentence; no other exception escapes. Nothing is started, so nothing touches the network.
 */
class CommandLineFuzzTest {
    private static final String[] OPTIONS = {
        "--bind", "--port", "--greeting", "--mode", "--echo", "--backlog", "--max-connections", "--max-per-peer",
        "--idle-timeout", "--write-timeout", "--headless", "--quiet", "--start", "--list-interfaces", "--connect",
        "--send", "--line-ending", "--load", "--connections", "--concurrency", "--duration", "--interval",
        "--debug", "-", "--", "--port=", "--bogus", "-p", "--mode=http", "--bind=all6"};
    private static final String[] VALUES = {
        "0", "1", "8080", "70000", "-1", "0x50", "abc", "", " ", "1.5", "1d", "10s", "loopback", "all6", "::1",
        "127.0.0.1", "localhost:8080", "[::1]:80", "close", "keep-open", "http", "keepopen", "burst", "slow", "crlf",
        "Hi {peer}\\n", "\\q", "\\uD800", "{nope}", "\u00e9", "a\nb", "x\ry", "--port", "\u001B[2J", "\u202Eabc",
        "a\u2028b", "\uD800", "9".repeat(400)};
    private static final int LINES = 5_000;

    @Test
    void everyCommandLineIsTakenOrRefusedWithASentence() {
        SplittableRandom random = new SplittableRandom(23);
        int refused = 0;
        for (int i = 0; i < LINES; i++) {
            String[] args = randomLine(random);
            String message;
            try {
                message = check(args);
            } catch (RuntimeException e) {
                throw new AssertionError("command line " + show(args) + " (#" + i + ")", e);
            }
            if (message != null) {
                refused++;
                InputFuzzTest.assertOneVisibleLine(message, show(args));
            }
        }
        assertThat(refused).as("refused, of %d", LINES).isBetween(1, LINES - 1);
    }

    /** What the program does before acting; null when the line is taken, else the message printed. */
    private static String check(String[] args) {
        Options options = new Options();
        CommandLine cl = new CommandLine(options);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return ParserMessages.sentence(e);
        }
        Set<String> given = new HashSet<>();
        cl.getParseResult().matchedOptions().forEach(o -> given.add(o.longestName()));
        try {
            options.checkEachApplies(given);
            if (options.connect() == null && !options.listInterfaces()) {
                options.serverConfig();
            }
            return null;
        } catch (UsageException e) {
            return e.getMessage();
        }
    }

    private static String[] randomLine(SplittableRandom random) {
        List<String> args = new ArrayList<>();
        for (int n = random.nextInt(6); n > 0; n--) {
            args.add(OPTIONS[random.nextInt(OPTIONS.length)]);
            if (random.nextInt(4) != 0) {
                args.add(VALUES[random.nextInt(VALUES.length)]);
            }
        }
        return args.toArray(String[]::new);
    }

    private static String show(String[] args) {
        return io.socketmonitor.template.Printable.visible(String.join(" ", args), 300);
    }
}
