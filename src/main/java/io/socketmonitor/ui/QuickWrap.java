package io.socketmonitor.ui;

import java.awt.Font;
import java.awt.font.TextAttribute;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
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
 * 66,000).
 *
 * <p>Decided before each typed or pasted change lands, so the views are rebuilt on the text as
 * it was and then take the change as usual. An undo or redo does not pass through a document
 * filter: after one, the same is decided once the change has been handled.
 */
public final class QuickWrap extends DocumentFilter {
    /** Measured with complex text: 54 ms per layout wrapped at 2,000 characters, 144 ms at 8,000. */
    static final int MAX_WRAPPED_LINE = 2_000;
    /** AbstractDocument's complex-text property (its constant is package-private). */
    private static final String I18N = "i18n";

    private final JTextArea area;
    /** Above 0 while a change goes through this filter; any other change is an undo or a redo. */
    private int filtering;
    private boolean recheckQueued;

    private QuickWrap(JTextArea area) {
        this.area = area;
    }

    /** Wraps {@code area}'s lines from now on, except long lines of complex text. */
    public static void install(JTextArea area) {
        QuickWrap quick = new QuickWrap(area);
        AbstractDocument doc = (AbstractDocument) area.getDocument();
        doc.setDocumentFilter(quick);
        doc.addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { quick.changedAround(); }
            @Override public void removeUpdate(DocumentEvent e) { quick.changedAround(); }
            @Override public void changedUpdate(DocumentEvent e) { }
        });
        area.setLineWrap(true);
    }

    @Override
    public void insertString(FilterBypass fb, int offset, String string, AttributeSet attr) throws BadLocationException {
        filtering++;
        try {
            fit(fb.getDocument(), offset, 0, string);
            fb.insertString(offset, string, attr);
        } finally {
            filtering--;
        }
    }

    @Override
    public void remove(FilterBypass fb, int offset, int length) throws BadLocationException {
        filtering++;
        try {
            fit(fb.getDocument(), offset, length, "");
            fb.remove(offset, length);
        } finally {
            filtering--;
        }
    }

    @Override
    public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
            throws BadLocationException {
        filtering++;
        try {
            fit(fb.getDocument(), offset, length, text == null ? "" : text);
            fb.replace(offset, length, text, attrs);
        } finally {
            filtering--;
        }
    }

    /**
     * Sets the document's complex-text flag and the wrap for the text as it will be once
     * {@code inserted} replaces {@code length} chars at {@code offset}.
     */
    private void fit(Document doc, int offset, int length, String inserted) throws BadLocationException {
        if (offset < 0 || length < 0 || offset + length > doc.getLength()) {
            throw new BadLocationException("No such range: " + offset + "+" + length, offset); // as the document would
        }
        String before = doc.getText(0, doc.getLength());
        String after = before.substring(0, offset) + inserted + before.substring(offset + length);
        boolean complex = needsComplexLayout(after.toCharArray());
        markComplex(doc, complex); // Swing's view rebuilds itself when the flag differs at the next insert
        boolean wrap = wraps(complex, after);
        if (area.getLineWrap() != wrap) {
            area.setLineWrap(wrap);
        }
    }

    /** A change that did not come through the filter (an undo, a redo): decided once it is handled. */
    private void changedAround() {
        if (filtering == 0 && !recheckQueued) {
            recheckQueued = true;
            SwingUtilities.invokeLater(this::recheck); // not now: the views are still taking the change
        }
    }

    private void recheck() {
        recheckQueued = false;
        Document doc = area.getDocument();
        String text = area.getText();
        boolean complex = needsComplexLayout(text.toCharArray());
        boolean flagChanged = markComplex(doc, complex);
        boolean wrap = wraps(complex, text);
        if (area.getLineWrap() != wrap) {
            area.setLineWrap(wrap); // rebuilds the views, of the kind the flag now says
        } else if (flagChanged) {
            area.setLineWrap(!wrap); // the same, for the views' kind alone
            area.setLineWrap(wrap);
        }
    }

    /** Sets the flag; returns whether it changed. */
    private static boolean markComplex(Document doc, boolean complex) {
        if (Boolean.TRUE.equals(doc.getProperty(I18N)) == complex) {
            return false;
        }
        doc.putProperty(I18N, complex);
        if (complex) {
            // While unmarked the document kept no bidi runs up to date; putting the run direction
            // again makes it work them out for the whole text, as for a document complex all along.
            doc.putProperty(TextAttribute.RUN_DIRECTION, doc.getProperty(TextAttribute.RUN_DIRECTION));
        }
        return true;
    }

    private static boolean wraps(boolean complex, String text) {
        return !complex || longestLine(text) <= MAX_WRAPPED_LINE;
    }

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
