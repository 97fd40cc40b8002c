package io.socketmonitor.ui;

import java.awt.Font;
import javax.swing.JTextArea;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.DocumentFilter;

/**
 * Wraps a text area's lines unless that would freeze the window. Once a document has held text
 * that needs complex layout (an emoji, Hebrew, Arabic, a combining accent) Swing lays it out
 * for good with a line-break measurer whose cost grows with the square of a wrapped line's
 * length: a pasted 66,000-character line took 3.9 s per layout, 1 s at 32,000, and the editor
 * lays out again on every keystroke (found by {@code GuiMonkeyTest}, which saw the window stop
 * answering for over 10 s). Such a document with a line longer than {@link #MAX_WRAPPED_LINE}
 * characters is shown unwrapped, which takes 216 ms at 66,000. Decided before each change
 * lands, so the views are rebuilt on the text as it was and then take the change as usual.
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

    /** Sets the wrap for the text as it will be once {@code inserted} replaces {@code length} chars at {@code offset}. */
    private void fit(Document doc, int offset, int length, String inserted) throws BadLocationException {
        String before = doc.getText(0, doc.getLength());
        String after = before.substring(0, offset) + inserted + before.substring(offset + length);
        // Swing never clears the flag: complex once, complex for the document's life.
        boolean complex = Boolean.TRUE.equals(doc.getProperty("i18n"))
                || Font.textRequiresLayout(inserted.toCharArray(), 0, inserted.length());
        boolean wrap = !complex || longestLine(after) <= MAX_WRAPPED_LINE;
        if (area.getLineWrap() != wrap) {
            area.setLineWrap(wrap);
        }
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
