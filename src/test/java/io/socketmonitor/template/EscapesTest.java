package io.socketmonitor.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sources are written with Java escapes: "\\n" in this file is the two characters the user types. */
class EscapesTest {

    private static byte[] utf8(String source) throws TemplateException {
        return Escapes.toBytes(source);
    }

    /** The text the bytes spell, for sources that decode to valid UTF-8. */
    private static String decode(String source) throws TemplateException {
        return new String(Escapes.toBytes(source), StandardCharsets.UTF_8);
    }

    @Test
    void plainTextIsUnchanged() throws Exception {
        assertThat(decode("Hello from server")).isEqualTo("Hello from server");
        assertThat(decode("")).isEmpty();
    }

    @Test
    void controlEscapes() throws Exception {
        assertThat(decode("a\\nb")).isEqualTo("a\nb");
        assertThat(decode("a\\rb")).isEqualTo("a\rb");
        assertThat(decode("a\\tb")).isEqualTo("a\tb");
        assertThat(decode("a\\0b")).isEqualTo("a\0b");
        assertThat(decode("a\\\\b")).isEqualTo("a\\b");
        assertThat(decode("GET / HTTP/1.0\\r\\n\\r\\n")).isEqualTo("GET / HTTP/1.0\r\n\r\n");
    }

    @Test
    void escapedBackslashDoesNotStartAnotherEscape() throws Exception {
        assertThat(decode("\\\\n")).isEqualTo("\\n");
        assertThat(decode("\\\\\\n")).isEqualTo("\\\n");
    }

    @Test
    void hexEscapeAboveSevenFIsThatOneByteNotACharacter() throws Exception {
        assertThat(utf8("\\xff")).containsExactly(0xff);
        assertThat(utf8("\\x80A\\xc3")).containsExactly(0x80, 'A', 0xc3);
        assertThat(utf8("é\\xe9é")).as("text stays UTF-8 around it").containsExactly(0xc3, 0xa9, 0xe9, 0xc3, 0xa9);
        assertThat(utf8("\\u00ff")).as("\\u is the character").containsExactly(0xc3, 0xbf);
    }

    @Test
    void hexEscape() throws Exception {
        assertThat(decode("\\x41")).isEqualTo("A");
        assertThat(decode("\\x4a\\x4A")).isEqualTo("JJ");
        assertThat(decode("\\x00")).isEqualTo("\0");
        assertThat(decode("\\x411")).isEqualTo("A1");
    }

    @Test
    void unicodeEscapeBecomesUtf8() throws Exception {
        assertThat(utf8("\\u00e9")).containsExactly(0xc3, 0xa9);
        assertThat(utf8("\\u00E9")).containsExactly(0xc3, 0xa9);
        assertThat(utf8("\\u20ac")).containsExactly(0xe2, 0x82, 0xac);
    }

    @Test
    void surrogatePairBecomesFourBytes() throws Exception {
        assertThat(utf8("\\ud83d\\ude00")).containsExactly(0xf0, 0x9f, 0x98, 0x80);
        assertThat(decode("\\ud83d\\ude00")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void typedNonAsciiPassesThrough() throws Exception {
        assertThat(utf8("é😀")).containsExactly(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80);
    }

    @ParameterizedTest(name = "{0} fails at {1}")
    @CsvSource(delimiter = '|', value = {
        "\\q         | 1 | Unknown escape \\q",
        "ab\\q       | 3 | Unknown escape \\q",
        "ab\\x4      | 3 | \\x needs 2 hex digits",
        "\\xZZ       | 1 | \\x needs 2 hex digits, found 'ZZ'",
        "ok \\x4G    | 4 | \\x needs 2 hex digits, found '4G'",
        "\\u12       | 1 | \\u needs 4 hex digits",
        "x\\u12zz    | 2 | \\u needs 4 hex digits, found '12zz'",
        "abc\\       | 4 | A backslash at the end of the text",
        "\\n\\n\\Q   | 5 | Unknown escape \\Q",
    })
    void badEscapeNamesItsPosition(String source, int oneBased, String what) {
        assertThatThrownBy(() -> decode(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(what)
                .hasMessageContaining("at position " + oneBased + ".")
                .extracting(e -> ((TemplateException) e).position()).isEqualTo(oneBased - 1);
    }

    @Test
    void loneSurrogatesAreRejected() {
        assertThatThrownBy(() -> decode("\\ud800"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("U+D800");
        assertThatThrownBy(() -> decode("a\\udc00b"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("U+DC00");
        assertThatThrownBy(() -> decode("\\ud83d\\x41\\ude00"))
                .as("a byte between the halves").isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> decode("\\ude00\\ud83d"))
                .as("a pair in the wrong order").isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> decode("\\ud83d"))
                .as("high surrogate at the end").isInstanceOf(TemplateException.class);
    }
}
