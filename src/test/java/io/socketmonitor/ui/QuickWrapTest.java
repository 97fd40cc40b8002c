package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void anUndoThatBringsBackALongComplexLineUnwrapsIt() {
        JTextArea area = GuiActionRunner.execute(() -> {
            JTextArea a = area();
            javax.swing.undo.UndoManager undo = new javax.swing.undo.UndoManager();
            a.getDocument().addUndoableEditListener(undo);
            a.setText("\uD83D\uDE00" + "x".repeat(66_000));
            a.replaceRange("", 2, a.getText().length()); // only the emoji left
            assertThat(a.getLineWrap()).isTrue();
            undo.undo(); // straight into the document, past the filter
            return a;
        });
        GuiActionRunner.execute(() -> {
            assertThat(area.getText()).hasSize(66_002);
            assertThat(area.getLineWrap()).as("the long complex line, back by undo").isFalse();
            assertThat(area.getDocument().getProperty("i18n")).isEqualTo(Boolean.TRUE);
            return null;
        });
    }

    @Test
    void complexAgainAfterPlainTheBidiRunsAreThoseOfADocumentComplexAllAlong() throws Exception {
        String left = GuiActionRunner.execute(() -> {
            JTextArea area = area();
            area.setText("\u05E9\u05DC\u05D5\u05DD abc\nxyz"); // Hebrew: right-to-left runs
            area.replaceRange("", 0, 5); // plain now
            area.append("\uD83D\uDE00"); // complex again
            return bidiRuns((javax.swing.text.AbstractDocument) area.getDocument());
        });
        javax.swing.text.PlainDocument fresh = new javax.swing.text.PlainDocument();
        fresh.insertString(0, "abc\nxyz\uD83D\uDE00", null);
        assertThat(left).isEqualTo(bidiRuns(fresh));
    }

    private static String bidiRuns(javax.swing.text.AbstractDocument doc) {
        StringBuilder runs = new StringBuilder();
        javax.swing.text.Element root = doc.getBidiRootElement();
        for (int i = 0; i < root.getElementCount(); i++) {
            javax.swing.text.Element run = root.getElement(i);
            runs.append('[').append(run.getStartOffset()).append(',').append(run.getEndOffset()).append(")L")
                    .append(javax.swing.text.StyleConstants.getBidiLevel(run.getAttributes())).append(' ');
        }
        return runs.toString();
    }

    @Test
    void aRangeOutsideTheTextIsRefusedAsTheDocumentWouldAndChangesNothing() {
        GuiActionRunner.execute(() -> {
            JTextArea area = area();
            area.setText("\uD83D\uDE00" + "x".repeat(66_000));
            assertThatThrownBy(() -> area.getDocument().remove(10, 70_000))
                    .isInstanceOf(javax.swing.text.BadLocationException.class);
            assertThat(area.getLineWrap()).isFalse();
            assertThat(area.getText()).hasSize(66_002);
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
