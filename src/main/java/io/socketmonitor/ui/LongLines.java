package io.socketmonitor.ui;

/**
 * Breaks text into lines a text view can draw. On X11, Java2D sends glyph positions as 16-bit
 * numbers, so a line whose end is drawn past x = 32,767 px comes out blank (a 5,000-character
 * line scrolled to its end did). 1,000 columns stay inside that at the largest text size and at
 * 2x scaling. Only the view is broken: the bytes kept for Hex and Save… stay whole.
 */
public final class LongLines {
    /** Columns a view line holds before the next character goes on a line of its own. */
    public static final int MAX_COLUMNS = 1000;
    private static final int TAB_STOP = 8; // JTextArea's default tab size

    private int column;

    /**
     * {@code text} with a break before any character that would go past {@link #MAX_COLUMNS},
     * counting on from the text given before: a stream is broken as if it came in one piece.
     */
    public String fold(CharSequence text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                column = 0;
                continue;
            }
            int width = c == '\t' ? TAB_STOP - column % TAB_STOP : 1;
            if (column + width > MAX_COLUMNS && !Character.isLowSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + text.length() / MAX_COLUMNS + 1);
                }
                out.append(text, copied, i).append('\n');
                copied = i;
                column = 0;
                width = c == '\t' ? TAB_STOP : 1;
            }
            column += Character.isLowSurrogate(c) ? 0 : width; // a pair draws as one character
        }
        if (out == null) {
            return text.toString();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The next text starts a line of the view (after a clear, or a break the caller added). */
    public void lineStarts() {
        column = 0;
    }
}
