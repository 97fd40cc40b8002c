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

    private int column;

    /**
     * {@code text} with a break before any character that would go past {@link #MAX_COLUMNS},
     * counting on from the text given before: a stream is broken as if it came in one piece. An
     * escape the views write (a byte as backslash-x-HH, a backslash as two) is never split, since
     * it is meant to be typed back; a wide character (CJK, emoji) counts two columns.
     */
    public String fold(CharSequence text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '\n') {
                column = 0;
                i++;
                continue;
            }
            int codePoint = Character.codePointAt(text, i);
            int chars = c == '\\' ? escapeLength(text, i) : Character.charCount(codePoint);
            int width = c == '\\' ? chars : columns(codePoint);
            if (column > 0 && column + width > MAX_COLUMNS) {
                if (out == null) {
                    out = new StringBuilder(text.length() + text.length() / MAX_COLUMNS + 1);
                }
                out.append(text, copied, i).append('\n');
                copied = i;
                column = 0;
            }
            column += width;
            i += chars;
        }
        if (out == null) {
            return text.toString();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The chars of the escape at {@code i}: backslash-x-HH 4, backslash-u-XXXX 6, the others 2. */
    private static int escapeLength(CharSequence text, int i) {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        int length = next == 'x' ? 4 : next == 'u' ? 6 : 2;
        return Math.min(length, text.length() - i);
    }

    /** Two for the characters a monospaced font draws double width (East Asian wide, emoji). */
    private static int columns(int cp) {
        boolean wide = cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1FAFF || cp >= 0x20000 && cp <= 0x3FFFD;
        return wide ? 2 : 1;
    }

    /** The next text starts a line of the view (after a clear, or a break the caller added). */
    public void lineStarts() {
        column = 0;
    }
}
