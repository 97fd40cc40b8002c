package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javax.swing.JTextArea;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/**
 * The greeting editor wraps its lines, except a long line of complex text: laid out wrapped,
 * a 66,000-character line took 3.9 s on every keystroke once the greeting had held an emoji,
 * even one deleted since.
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
    void aPlainLongLineAfterAnEmojiGoesBackToThePlainWrappedView() {
        GuiActionRunner.execute(() -> {
            JTextArea area = area();
            area.setText("Hello \uD83D\uDE00\\n"); // an emoji: Swing marks the document complex
            assertThat(area.getDocument().getProperty("i18n")).isEqualTo(Boolean.TRUE);
            String pasted = "x".repeat(66_000);
            area.setText(pasted);
            // Swing kept the mark for good, and laid this line out in seconds, on every keystroke
            assertThat(area.getDocument().getProperty("i18n")).isEqualTo(Boolean.FALSE);
            assertThat(area.getLineWrap()).isTrue();
            assertThat(area.getText()).isEqualTo(pasted); // the text itself is never touched
            return null;
        });
    }

    @Test
    void aLongLineOfComplexTextIsShownUnwrappedAndWrapsAgainWhenShort() {
        GuiActionRunner.execute(() -> {
            JTextArea area = area();
            String pasted = "\uD83D\uDE00" + "x".repeat(66_000);
            area.setText(pasted);
            assertThat(area.getLineWrap()).as("a 66,002-character line of complex text").isFalse();
            assertThat(area.getText()).isEqualTo(pasted);
            area.replaceRange("\n", 1_500, 1_500); // still a line of 64,502
            assertThat(area.getLineWrap()).isFalse();
            area.setText("\uD83D\uDE00" + "x".repeat(QuickWrap.MAX_WRAPPED_LINE - 2) + "\n" + "y".repeat(QuickWrap.MAX_WRAPPED_LINE));
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
    void complexTextIsJudgedAsSwingsDocumentsJudgeIt() throws Exception {
        for (String text : new String[] {"plain", "\u00e9 \u2713", "\uD83D\uDE00", "\u05E9\u05DC", "e\u0301", "\u0627"}) {
            javax.swing.text.PlainDocument doc = new javax.swing.text.PlainDocument();
            doc.insertString(0, text, null);
            assertThat(QuickWrap.needsComplexLayout(text.toCharArray())).as(text).isEqualTo(doc.getProperty("i18n"));
        }
    }

    @Test
    void theLongestLineIsCountedBetweenLineFeeds() {
        assertThat(QuickWrap.longestLine("")).isZero();
        assertThat(QuickWrap.longestLine("abc")).isEqualTo(3);
        assertThat(QuickWrap.longestLine("ab\nabcd\n")).isEqualTo(4);
        assertThat(QuickWrap.longestLine("\n\nabcde")).isEqualTo(5);
    }
}
