package io.socketmonitor.ui;

import io.socketmonitor.client.LineEnding;
import java.util.function.Supplier;
import javax.swing.JComboBox;
import javax.swing.JTextField;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;

/**
 * For a one-line field that reads escapes (what to send): a line break pasted into it becomes
 * the escapes of the line ending chosen beside the field ({@code \r\n} with CRLF), which send it.
 * A plain {@link JTextField} turns each into a space without a word, and an HTTP request pasted
 * whole went out as one line. The chosen ending, not the pasted one: the clipboard hands Swing
 * every line break as a bare LF whatever it was (a CRLF request pasted as LF lines). A backslash
 * stays an escape's, pasted or typed: text copied from the greeting or the log pastes as it reads.
 */
public final class LineBreaksAsEscapes extends DocumentFilter {
    private final Supplier<LineEnding> ending;

    private LineBreaksAsEscapes(Supplier<LineEnding> ending) {
        this.ending = ending;
    }

    /** {@code endings}: the line ending chosen beside the field. */
    public static <T extends JTextField> T install(T field, JComboBox<LineEnding> endings) {
        ((AbstractDocument) field.getDocument()).setDocumentFilter(
                new LineBreaksAsEscapes(() -> (LineEnding) endings.getSelectedItem()));
        return field;
    }

    /** {@code "a\r\nb\nc"} (real line breaks) with CRLF chosen as {@code "a\\r\\nb\\r\\nc"}. */
    static String escape(String text, LineEnding ending) {
        if (text == null || (text.indexOf('\n') < 0 && text.indexOf('\r') < 0)) {
            return text;
        }
        String breakEscape = switch (ending == null ? LineEnding.LF : ending) {
            case CRLF -> "\\r\\n";
            case CR -> "\\r";
            default -> "\\n"; // LF, and None: a pasted break is still a break
        };
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", breakEscape);
    }

    @Override
    public void insertString(FilterBypass fb, int offset, String text, AttributeSet attrs) throws BadLocationException {
        super.insertString(fb, offset, escape(text, ending.get()), attrs);
    }

    @Override
    public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
            throws BadLocationException {
        super.replace(fb, offset, length, escape(text, ending.get()), attrs);
    }
}
