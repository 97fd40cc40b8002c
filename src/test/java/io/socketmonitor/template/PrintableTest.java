package io.socketmonitor.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the log, the peer table and the client show of received bytes. */
class PrintableTest {

    private static String preview(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Printable.preview(b, 80);
    }

    @Test
    void aByteThatIsNotTextShowsAsTheEscapeThatSendsIt() {
        assertThat(preview(0xff)).isEqualTo("\\xFF");
        assertThat(preview('a', 0xfe, 0xff, 'b')).isEqualTo("a\\xFE\\xFFb");
    }

    @Test
    void validUtf8IsText() {
        assertThat(preview(0xc3, 0xa9)).isEqualTo("é");
        assertThat(preview(0xe2, 0x82, 0xac)).isEqualTo("€");
        assertThat(preview(0xf0, 0x9f, 0x98, 0x80)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void illFormedSequencesAreBytesNotCharacters() {
        assertThat(preview(0xc0, 0x80)).as("overlong NUL").isEqualTo("\\xC0\\x80");
        assertThat(preview(0xed, 0xa0, 0x80)).as("an encoded surrogate").isEqualTo("\\xED\\xA0\\x80");
        assertThat(preview(0xf4, 0x90, 0x80, 0x80)).as("above U+10FFFF").isEqualTo("\\xF4\\x90\\x80\\x80");
        assertThat(preview('x', 0xe2, 0x82)).as("a character cut at the end: the next read may bring the rest")
                .isEqualTo("x\u2026");
        assertThat(preview('x', 0xe2, 0x82, 'y')).as("a character cut short in the middle").isEqualTo("x\\xE2\\x82y");
        assertThat(preview(0xc3, 'A')).as("a lead byte without its follower").isEqualTo("\\xC3A");
    }

    @Test
    void controlsAreEscapedAsBefore() {
        assertThat(preview('\r', '\n', '\t', 0, '\\', 1, 0x7f)).isEqualTo("\\r\\n\\t\\0\\\\\\x01\\x7F");
    }

    @Test
    void charactersThatDriveTheTerminalOrHideTextAreEscaped() {
        assertThat(preview(0xc2, 0x9b, '3', '1', 'm')).as("C1 CSI").isEqualTo("\\u009B31m");
        assertThat(preview('a', 0xe2, 0x80, 0xae, 'b')).as("right-to-left override").isEqualTo("a\\u202Eb");
        assertThat(preview(0xe2, 0x80, 0x8b)).as("zero-width space").isEqualTo("\\u200B");
        assertThat(preview(0xe2, 0x80, 0xa8)).as("line separator").isEqualTo("\\u2028");
        assertThat(preview(0xc3, 0xa9, 0xe2, 0x82, 0xac)).as("ordinary text stays").isEqualTo("é€");
    }

    @Test
    void invisibleCharactersBeyondTheBmpAreEscapedAsTheirSurrogates() {
        // U+E0041 U+E0042: tag characters, which can carry hidden text.
        assertThat(preview('h', 'i', 0xf3, 0xa0, 0x81, 0x81, 0xf3, 0xa0, 0x81, 0x82))
                .isEqualTo("hi\\uDB40\\uDC41\\uDB40\\uDC42");
    }

    @Test
    void aPreviewNeverCutsACharacterInHalf() {
        byte[] text = "abc\uD83D\uDE00def".getBytes(StandardCharsets.UTF_8);
        assertThat(Printable.preview(text, 4)).isEqualTo("abc\uD83D\uDE00\u2026");
    }

    @Test
    void aCharacterSplitBetweenTwoReadsIsLeftForTheNext() {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        StringBuilder seen = new StringBuilder();
        Printable.Reader reader = new Printable.Reader() {
            @Override public void text(int c) {
                seen.appendCodePoint(c);
            }

            @Override public void strayByte(int b) {
                seen.append("<stray>");
            }
        };
        assertThat(Printable.read(euro, 0, 2, true, reader)).as("bytes read of the first two").isZero();
        assertThat(seen).isEmpty();
        assertThat(Printable.read(euro, 0, 2, false, reader)).isEqualTo(2);
        assertThat(seen).hasToString("<stray><stray>");
    }

    @Test
    void validTextReadsAsTheJdkDecodesIt() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                int cp;
                do {
                    cp = 0x20 + random.nextInt(0x10FFFF - 0x20);
                } while (Character.getType(cp) == Character.SURROGATE || cp == '\\' || cp == 0x7f);
                sb.appendCodePoint(cp);
            }
            String text = sb.toString();
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            StringBuilder read = new StringBuilder();
            Printable.read(utf8, 0, utf8.length, false, new Printable.Reader() {
                @Override public void text(int c) {
                    read.appendCodePoint(c);
                }

                @Override public void strayByte(int b) {
                    read.append("<stray>");
                }
            });
            assertThat(read.toString()).isEqualTo(text);
        }
    }

    @Test
    void longInputIsCutWithAnEllipsis() {
        byte[] many = "x".repeat(500).getBytes(StandardCharsets.US_ASCII);
        assertThat(Printable.preview(many, 10)).isEqualTo("xxxxxxxxxx\u2026");
        assertThat(Printable.preview("0123456789".getBytes(StandardCharsets.US_ASCII), 10)).isEqualTo("0123456789");
    }

    @Test
    void typedTextQuotedInAMessageKeepsItsBackslashesAndShowsWhatWouldBreakTheLine() {
        assertThat(Printable.visible("80\r80")).isEqualTo("80\\r80");
        assertThat(Printable.visible("a\nb\tc\u0000")).isEqualTo("a\\nb\\tc\\0");
        assertThat(Printable.visible("\\x and \\n as typed")).isEqualTo("\\x and \\n as typed");
        assertThat(Printable.visible("\u001B[2J")).isEqualTo("\\x1B[2J"); // a terminal command, shown not run
        assertThat(Printable.visible("abc\u202Edef")).isEqualTo("abc\\u202Edef"); // no right-to-left turn
        assertThat(Printable.visible("x\uD800y\uDC00")).isEqualTo("x\\uD800y\\uDC00");
        assertThat(Printable.visible("caf\u00e9 \uD83D\uDE00")).isEqualTo("caf\u00e9 \uD83D\uDE00");
    }

    @Test
    void typedTextIsCutWithAnEllipsisButAHostNameIsNot() {
        assertThat(Printable.visible("x".repeat(20), 5)).isEqualTo("xxxxx\u2026");
        String longestName = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        assertThat(Printable.visible(longestName + ":")).isEqualTo(longestName + ":");
        assertThat(Printable.visible("y".repeat(1000))).hasSize(257).endsWith("\u2026");
    }
}
