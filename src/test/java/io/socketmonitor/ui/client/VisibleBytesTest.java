package io.socketmonitor.ui.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How received bytes read in the client's text view. */
class VisibleBytesTest {

    @Test
    void aCharacterSplitBetweenTwoReadsShowsWholeWhenTheRestComes() {
        VisibleBytes.Stream s = new VisibleBytes.Stream();
        assertThat(s.next(new byte[] {'a', (byte) 0xe2, (byte) 0x82})).isEqualTo("a");
        assertThat(s.next(new byte[] {(byte) 0xac, 'b'})).isEqualTo("\u20acb");
        assertThat(s.end()).isEmpty();
    }

    @Test
    void aCharacterTheStreamNeverFinishesShowsAsItsBytesAtTheEnd() {
        VisibleBytes.Stream s = new VisibleBytes.Stream();
        assertThat(s.next(new byte[] {'x', (byte) 0xe2})).isEqualTo("x");
        assertThat(s.end()).isEqualTo("\\xE2");
        assertThat(s.next(new byte[] {'y'})).as("nothing carried on").isEqualTo("y");
    }

    @Test
    void wholeInputIsReadToItsLastByte() {
        assertThat(VisibleBytes.text(new byte[] {'o', 'k', '\n', (byte) 0xff, (byte) 0xe2})).isEqualTo("ok\\n\n\\xFF\\xE2");
    }
}
