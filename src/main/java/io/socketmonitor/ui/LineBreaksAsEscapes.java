package io.socketmonitor.ui;

import javax.swing.JTextField;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;

/**
 * For a one-line field that reads escapes (what to send): line breaks pasted into it become the
 * escapes {@code \r} and {@code \n}, which send them. A plain {@link JTextField} turns each into
 * a space without a word, and an HTTP request pasted whole went out as one line. A backslash
 * stays an escape's, pasted or typed: text copied from the greeting or the log pastes as it reads.
 */
public final class LineBreaksAsEscapes extends DocumentFilter {

    public static <T extends JTextField> T install(T field) {
        ((AbstractDocument) field.getDocument()).setDocumentFilter(new LineBreaksAsEscapes());
        return field;
    }

    /** {@code "a\r\nb"} (a real CR and LF) as {@code "a\\r\\nb"}. */
    static String escape(String text) {
        if (text == null || (text.indexOf('\n') < 0 && text.indexOf('\r') < 0)) {
            return text;
        }
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public void insertString(FilterBypass fb, int offset, String text, AttributeSet attrs) throws BadLocationException {
        super.insertString(fb, offset, escape(text), attrs);
    }

    @Override
    public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
            throws BadLocationException {
        super.replace(fb, offset, length, escape(text), attrs);
    }
}
