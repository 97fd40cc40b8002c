package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketmonitor.template.TemplateException;
import org.junit.jupiter.api.Test;

class SendTextTest {

    @Test
    void eachLineEndingIsAppendedByteForByte() throws Exception {
        assertThat(SendText.encode("hi", LineEnding.LF)).containsExactly('h', 'i', '\n');
        assertThat(SendText.encode("hi", LineEnding.CRLF)).containsExactly('h', 'i', '\r', '\n');
        assertThat(SendText.encode("hi", LineEnding.CR)).containsExactly('h', 'i', '\r');
        assertThat(SendText.encode("hi", LineEnding.NONE)).containsExactly('h', 'i');
    }

    @Test
    void escapesAreTheGreetingsAndEncodeAsUtf8() throws Exception {
        assertThat(SendText.encode("a\\tb\\0\\x41\\\\\\r\\n", LineEnding.NONE))
                .containsExactly('a', '\t', 'b', 0, 'A', '\\', '\r', '\n');
        assertThat(SendText.encode("\\u00e9", LineEnding.NONE)).containsExactly(0xC3, 0xA9);
        assertThat(SendText.encode("\\xff\\x00\\x80", LineEnding.CRLF)).as("raw bytes, as Packet Sender sends them")
                .containsExactly(0xFF, 0x00, 0x80, '\r', '\n');
    }

    @Test
    void badEscapeSaysWhere() {
        assertThatThrownBy(() -> SendText.encode("ab\\q", LineEnding.LF))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Unknown escape \\q")
                .hasMessageContaining("at position 3");
    }

    @Test
    void lineEndingNamesParse() {
        assertThat(LineEnding.parse("CRLF")).isEqualTo(LineEnding.CRLF);
        assertThatThrownBy(() -> LineEnding.parse("nl"))
                .hasMessage("Unknown line ending 'nl': use lf, crlf, cr or none.");
    }
}
