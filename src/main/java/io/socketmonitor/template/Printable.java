package io.socketmonitor.template;

/** Shows bytes as text a person can read: control characters and stray bytes become visible escapes. */
public final class Printable {
    private Printable() {}

    /** What {@link #read} finds in the bytes, in order. */
    public interface Reader {
        /** One character of valid text. */
        void text(int codePoint);

        /** A byte that is not part of valid UTF-8: binary data, or a character cut short. */
        void strayByte(int b);
    }

    /**
     * Reads bytes as UTF-8 where they form valid text (the Unicode standard's table of
     * well-formed sequences) and hands every other byte over as it is, so 0xFF shows as \xFF
     * rather than as the same U+FFFD as every other bad byte.
     *
     * @param keepCutEnd a character whose first bytes end the input is not read (the next read
     *     from the socket may bring the rest) rather than given as stray bytes
     * @return how many bytes were read: {@code length}, or less by such a cut character
     */
    public static int read(byte[] b, int offset, int length, boolean keepCutEnd, Reader reader) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b0 = b[i] & 0xff;
            if (b0 < 0x80) {
                reader.text(b0);
                i++;
                continue;
            }
            int n = sequenceLength(b, i, end);
            if (n < 0 && keepCutEnd) {
                return i - offset; // the start of a character the next bytes complete
            }
            if (n <= 0) {
                reader.strayByte(b0);
                i++;
                continue;
            }
            int cp = b0 & (0xff >> (n + 1));
            for (int k = 1; k < n; k++) {
                cp = (cp << 6) | (b[i + k] & 0x3f);
            }
            reader.text(cp);
            i += n;
        }
        return length;
    }

    /**
     * The length of the well-formed UTF-8 sequence at {@code i}; 0 when there is none; -1 when
     * the bytes up to {@code end} are a well-formed start of one that goes on past it.
     */
    private static int sequenceLength(byte[] b, int i, int end) {
        int b0 = b[i] & 0xff;
        int n;
        int lo = 0x80;
        int hi = 0xbf;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            n = 2;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            n = 3;
            lo = b0 == 0xe0 ? 0xa0 : 0x80; // no overlong forms
            hi = b0 == 0xed ? 0x9f : 0xbf; // no surrogates
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            n = 4;
            lo = b0 == 0xf0 ? 0x90 : 0x80;
            hi = b0 == 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
        } else {
            return 0;
        }
        for (int k = 1; k < n; k++) {
            if (i + k >= end) {
                return -1;
            }
            int bk = b[i + k] & 0xff;
            if (k == 1 ? bk < lo || bk > hi : bk < 0x80 || bk > 0xbf) {
                return 0;
            }
        }
        return n;
    }

    /** At most about {@code maxChars} characters (an escape is never split); longer input ends with an ellipsis. */
    public static String preview(byte[] bytes, int offset, int length, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(length, maxChars) + 8);
        boolean[] cut = {false};
        int scanned = Math.min(length, maxChars * 4);
        int read = read(bytes, offset, scanned, true, new Reader() {
            @Override public void text(int codePoint) {
                if (out.length() < maxChars) {
                    appendVisible(out, codePoint);
                } else {
                    cut[0] = true;
                }
            }

            @Override public void strayByte(int b) {
                if (out.length() < maxChars) {
                    appendByte(out, b);
                } else {
                    cut[0] = true;
                }
            }
        });
        if (cut[0] || read < length) {
            out.append('\u2026');
        }
        return out.toString();
    }

    public static String preview(byte[] bytes, int maxChars) {
        return preview(bytes, 0, bytes.length, maxChars);
    }

    /**
     * {@link #visible(String, int)} at the length messages quote: a whole host name (DNS allows
     * 253 characters), so a mistake at its end still shows.
     */
    public static String visible(String text) {
        return visible(text, 256);
    }

    /**
     * Typed text as a message quotes it: control characters, invisible ones and lone surrogates as
     * escapes (a backslash stays one), so a pasted newline or carriage return cannot break the
     * line or overwrite it on a terminal; at most {@code maxChars} characters, then an ellipsis.
     */
    public static String visible(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int i = 0; i < text.length(); ) {
            if (out.length() >= maxChars) {
                return out.append('\u2026').toString();
            }
            int cp = text.codePointAt(i);
            if (cp == '\\') {
                out.append('\\'); // as typed: only what would break or hide the line is spelled out
            } else if (Character.getType(cp) == Character.SURROGATE) {
                out.append(String.format("\\u%04X", cp));
            } else {
                appendVisible(out, cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** "\xFF": a byte as the send field and the greeting write it. */
    public static void appendByte(StringBuilder out, int b) {
        out.append("\\x").append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }

    /** Every character, with \n \r \t \0 \\ and the invisible ones spelled out as escapes. */
    public static void appendVisible(StringBuilder out, int codePoint) {
        switch (codePoint) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\0' -> out.append("\\0");
            case '\\' -> out.append("\\\\");
            default -> {
                if (codePoint < 0x20 || codePoint == 0x7f) {
                    appendByte(out, codePoint);
                } else if (isInvisible(codePoint)) {
                    for (char unit : Character.toChars(codePoint)) { // beyond U+FFFF: its surrogates, as \\u takes them
                        out.append(String.format("\\u%04X", (int) unit));
                    }
                } else {
                    out.appendCodePoint(codePoint);
                }
            }
        }
    }

    /**
     * Characters that show nothing or act on the text around them: C1 controls (U+009B starts a
     * terminal command), bidi overrides (U+202E turns what follows around), zero-width and tag
     * characters (U+E0041 can hide text), line separators. A peer's bytes must not drive the
     * terminal or hide what they say.
     */
    public static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
