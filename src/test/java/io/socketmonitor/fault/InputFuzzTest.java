package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.cli.OptionValues;
import io.socketmonitor.cli.UsageException;
import io.socketmonitor.client.HostPort;
import io.socketmonitor.client.LineEnding;
import io.socketmonitor.client.LoadMode;
import io.socketmonitor.client.LoadOptions;
import io.socketmonitor.net.BindTarget;
import io.socketmonitor.template.GreetingTemplate;
import io.socketmonitor.template.Printable;
import io.socketmonitor.template.TemplateException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random text, biased towards what breaks parsers (signs, exponents, escapes, braces, brackets,
 * surrogates, non-ASCII digits, control characters), through every parser of typed input. Each
 * answer is a value or a one-line sentence in our words; nothing else escapes. Seeds are fixed,
 * so a failure names an input that fails again.
 */
class InputFuzzTest {
    private static final int INPUTS = 3_000;
    private static final String[] PIECES = {
        "0", "1", "5", "9", "65535", "65536", "70000", "2147483648", "99999999999999999999", "-", "+", ".",
        "e", "E", "x", "0x", "50", "d", "f", "s", "NaN", "Infinity", " ", "\t", "\n", "\r", "\u0000",
        "\\", "\\n", "\\x", "\\xFF", "\\u", "\\uD800", "\\uDC00", "\\u00e9", "\\0", "\\{", "{", "}", "{peer}",
        "{count}", "{bogus}", ":", "[", "]", "::1", "127.0.0.1", "[::1]", "%", "lo", "localhost", "all", "all6",
        "loopback", "crlf", "burst", "slow", "\u00e9", "\uD83D\uDE00", "\uD800", "\uDC00", "\uFFFD",
        "\u0663", "\uFF18", "\u00A0", "abc", "Z", "\u001B[2J", "\u202E", "\u0085", "\u2028", "\u200B",
        "x".repeat(300)};

    @Test
    void portsAreNumbersOrSentences() {
        fuzz(1, UsageException.class, t -> {
            assertThat(OptionValues.port(t)).isBetween(0, 65_535);
            assertThat(t.trim()).matches("-?[0-9]+"); // "-0" is 0; around it, spaces and controls (a pasted \r) are let go
        });
    }

    @Test
    void wholeNumbersAreNumbersOrSentences() {
        fuzz(2, UsageException.class, t -> assertThat(OptionValues.integer("--backlog", t, 1, 65_535)).isBetween(1, 65_535));
    }

    /** Seconds are decimal numbers, with an optional "s": "1d" is not one second, nor "0x1p3" eight. */
    @Test
    void secondsAreDecimalNumbersOrSentences() {
        fuzz(3, UsageException.class, t -> {
            java.time.Duration d = OptionValues.seconds("--idle-timeout", t, 0, 86_400);
            assertThat(d).isBetween(java.time.Duration.ZERO, java.time.Duration.ofDays(1));
            assertThat(t.trim()).matches("(?i)[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*s?");
        });
    }

    @Test
    void greetingsParseOrSaySo() {
        fuzz(4, TemplateException.class, t -> assertThat(GreetingTemplate.parse(t).render(GreetingTemplate.SAMPLE)).isNotNull());
    }

    @Test
    void serversToConnectToParseOrSaySo() {
        fuzz(5, IllegalArgumentException.class, t -> {
            HostPort hp = HostPort.parse(t);
            assertThat(hp.port()).isBetween(1, 65_535);
            assertThat(hp.host()).as("a host the resolver would be asked about").doesNotContainPattern("[\\s\\p{Cc}]");
        });
    }

    /** What the test client's Send field and --send take: the greeting's escapes, no placeholders. */
    @Test
    void textToSendEncodesOrSaysSo() {
        fuzz(8, TemplateException.class, t -> {
            for (LineEnding ending : LineEnding.values()) {
                assertThat(io.socketmonitor.client.SendText.encode(t, ending)).isNotNull();
            }
        });
    }

    /** Names are never looked up here: only keywords and numeric addresses are read. */
    @Test
    void bindAddressesParseOrSaySo() {
        fuzz(6, IllegalArgumentException.class, t -> assertThat(BindTarget.parse(t).address()).isNotNull());
    }

    @Test
    void loadSettingsParseOrSaySo() {
        fuzz(7, IllegalArgumentException.class, t -> {
            LoadMode.parse(t);
            LineEnding.parse(t);
            LoadOptions.parse(t, t, t, t);
        });
    }

    /** A parser of typed text, with the checks on what it accepted. */
    @FunctionalInterface
    private interface Parse {
        void accept(String text) throws Exception;
    }

    /**
     * Runs {@code parse} on random text: it takes the text, or refuses it with a {@code refusal}
     * whose message must be a sentence; any other exception fails, naming the input.
     */
    private static void fuzz(long seed, Class<? extends Exception> refusal, Parse parse) {
        SplittableRandom random = new SplittableRandom(seed);
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            String text = randomText(random);
            try {
                parse.accept(text);
            } catch (Exception | AssertionError e) {
                if (!refusal.isInstance(e)) {
                    throw new AssertionError("input " + quote(text) + " (seed " + seed + ", #" + i + ")", e);
                }
                assertOneVisibleLine(e.getMessage(), quote(text));
                refused++;
            }
        }
        assertThat(refused).as("some inputs are refused, so the messages were checked").isPositive();
    }

    /**
     * A sentence on one line that shows what it quotes: no control character (a newline, a
     * carriage return, ESC starting a terminal command), no invisible one (a bidi override
     * turning the text around), no lone surrogate, nothing of Java's own words, and not the
     * whole of a long input.
     */
    static void assertOneVisibleLine(String message, String input) {
        assertThat(message).as("the message for %s", input)
                .isNotBlank()
                .doesNotContain("Exception", "For input string", "null")
                .matches("\\S.*[.)]")
                .hasSizeLessThan(700);
        message.codePoints().forEach(c -> assertThat(Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE || Printable.isInvisible(c))
                .as("U+%04X in the message for %s: %s", c, input, message).isFalse());
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int pieces = random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(8) == 0) {
                b.append((char) random.nextInt(0x20, 0x7F)); // any printable ASCII now and then
            } else {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : Character.toString(c)));
        return b.append('"').toString();
    }
}
