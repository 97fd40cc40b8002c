package io.socketmonitor.ui;

import java.awt.Font;
import javax.swing.JTextArea;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.DocumentFilter;

/**
 * Wraps a text area's lines unless that would freeze the window. Text that needs complex layout
 * (an emoji, Hebrew, Arabic, a combining accent) is laid out with a line-break measurer whose
 * cost grows with the square of a wrapped line's length: a pasted 66,000-character line took
 * 3.9 s per layout, 1 s at 32,000, and the editor lays out again on every keystroke (found by
 * {@code GuiMonkeyTest}, which saw the window stop answering for over 10 s). Swing also kept
 * that slow layout for the document's life once any such character had been typed, even after
 * it was deleted. So the document is marked complex only while its text is, and complex text
 * with a line longer than {@link #MAX_WRAPPED_LINE} characters is shown unwrapped (216 ms at
 * 66,000). Decided before each change lands, so the views are rebuilt on the text as it was
 * and then take the change as usual.
 */
public final class QuickWrap extends DocumentFilter {
    /** Measured with complex text: 54 ms per layout wrapped at 2,000 characters, 144 ms at 8,000. */
    static final int MAX_WRAPPED_LINE = 2_000;

    private final JTextArea area;

    private QuickWrap(JTextArea area) {
        this.area = area;
    }

    /** Wraps {@code area}'s lines from now on, except long lines of complex text. */
    public static void install(JTextArea area) {
        ((AbstractDocument) area.getDocument()).setDocumentFilter(new QuickWrap(area));
        area.setLineWrap(true);
    }

    @Override
    public void insertString(FilterBypass fb, int offset, String string, AttributeSet attr) throws BadLocationException {
        fit(fb.getDocument(), offset, 0, string);
        fb.insertString(offset, string, attr);
    }

    @Override
    public void remove(FilterBypass fb, int offset, int length) throws BadLocationException {
        fit(fb.getDocument(), offset, length, "");
        fb.remove(offset, length);
    }

    @Override
    public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
            throws BadLocationException {
        fit(fb.getDocument(), offset, length, text == null ? "" : text);
        fb.replace(offset, length, text, attrs);
    }

    /**
     * Sets the document's complex-text flag and the wrap for the text as it will be once
     * {@code inserted} replaces {@code length} chars at {@code offset}.
     */
    private void fit(Document doc, int offset, int length, String inserted) throws BadLocationException {
        String before = doc.getText(0, doc.getLength());
        String after = before.substring(0, offset) + inserted + before.substring(offset + length);
        char[] chars = after.toCharArray();
        boolean complex = needsComplexLayout(chars);
        // Swing only ever sets the flag: one emoji typed and deleted kept the slow views for the
        // document's life. Its text view rebuilds itself when the flag differs at the next insert.
        if (Boolean.TRUE.equals(doc.getProperty(I18N)) != complex) {
            doc.putProperty(I18N, complex);
        }
        boolean wrap = !complex || longestLine(after) <= MAX_WRAPPED_LINE;
        if (area.getLineWrap() != wrap) {
            area.setLineWrap(wrap);
        }
    }

    /** AbstractDocument's complex-text property (its constant is package-private). */
    private static final String I18N = "i18n";

    /** As Swing's documents judge it: scripts that need layout, and characters beyond 16 bits (emoji). */
    static boolean needsComplexLayout(char[] chars) {
        if (Font.textRequiresLayout(chars, 0, chars.length)) {
            return true;
        }
        for (char c : chars) {
            if (Character.isSurrogate(c)) {
                return true; // a plain view's caret could stop between the two halves
            }
        }
        return false;
    }

    static int longestLine(String text) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                longest = Math.max(longest, i - start);
                start = i + 1;
            }
        }
        return longest;
    }
}
