package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.JTextArea;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/**
 * The greeting editor wraps its lines, except a long line of complex text: laid out wrapped,
 * a 66,000-character line took 3.9 s on every keystroke once the greeting had held an emoji.
 */
@GuiTest
class QuickWrapTest {
    private static JTextArea area() {
        JTextArea area = new JTextArea(2, 30);
        QuickWrap.install(area);
        return area;
    }

    @Test
    void plainTextStaysWrappedHoweverLong() {
        GuiActionRunner.execute(() -> {
            JTextArea area = area();
            area.setText("x".repeat(66_000)); // Swing's plain wrapped view lays this out at once
            assertThat(area.getLineWrap()).isTrue();
            return null;
        });
    }

    @Test
    void aLongLineAfterComplexTextIsShownUnwrappedAndWrapsAgainWhenShort() {
        GuiActionRunner.execute(() -> {
            JTextArea area = area();
            area.setText("Hello \uD83D\uDE00\\n"); // an emoji: the document is complex from now on
            assertThat(area.getLineWrap()).isTrue();
            String pasted = "x".repeat(66_000);
            area.setText(pasted);
            assertThat(area.getLineWrap()).as("a 66,000-character line of a complex document").isFalse();
            assertThat(area.getText()).isEqualTo(pasted); // the text itself is never touched
            area.replaceRange("\n", 1_500, 1_500); // still a line of 64,499
            assertThat(area.getLineWrap()).isFalse();
            area.setText("x".repeat(QuickWrap.MAX_WRAPPED_LINE) + "\n" + "y".repeat(QuickWrap.MAX_WRAPPED_LINE));
            assertThat(area.getLineWrap()).as("lines no longer than the limit").isTrue();
            area.insert("z", 0);
            assertThat(area.getLineWrap()).as("one past the limit").isFalse();
            area.replaceRange("", 0, 1);
            assertThat(area.getLineWrap()).isTrue();
            return null;
        });
    }

    @Test
    void aLongLineOfComplexTextIsShownUnwrapped() {
        GuiActionRunner.execute(() -> {
            JTextArea area = area();
            area.setText("\u05E9\u05DC\u05D5\u05DD ".repeat(1_000)); // Hebrew, one line of 5,000
            assertThat(area.getLineWrap()).isFalse();
            return null;
        });
    }

    @Test
    void theLongestLineIsCountedBetweenLineFeeds() {
        assertThat(QuickWrap.longestLine("")).isZero();
        assertThat(QuickWrap.longestLine("abc")).isEqualTo(3);
        assertThat(QuickWrap.longestLine("ab\nabcd\n")).isEqualTo(4);
        assertThat(QuickWrap.longestLine("\n\nabcde")).isEqualTo(5);
    }
}
