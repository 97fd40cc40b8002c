package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The greeting's byte preview: what it shows must say which bytes go out. */
class GreetingPreviewTest {

    @Test
    void aTypedBackslashAndAByteNeverReadTheSame() {
        byte[] typedText = "\\xFF".getBytes(StandardCharsets.US_ASCII); // four characters: \ x F F
        byte[] oneByte = {(byte) 0xff};
        for (boolean symbols : new boolean[] {true, false}) {
            assertThat(GreetingEditor.describeBytes(typedText, false, symbols)).isEqualTo("4 bytes: \\\\xFF");
            assertThat(GreetingEditor.describeBytes(oneByte, false, symbols)).isEqualTo("1 byte: \\xFF");
        }
    }

    @Test
    void controlsShowAsSymbolsWhereTheFontHasThem() {
        byte[] hello = "Hi\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(GreetingEditor.describeBytes(hello, false, true)).isEqualTo("4 bytes: Hi\u240D\u240A");
        assertThat(GreetingEditor.describeBytes(hello, false, false)).isEqualTo("4 bytes: Hi\\r\\n");
    }
}
