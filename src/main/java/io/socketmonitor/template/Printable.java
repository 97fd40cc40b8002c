package io.socketmonitor.template;

/** Shows bytes as text a person can read: control characters and stray bytes become visible escapes. */
public final class Printable {
    private Printable() {}

    /** What {@link #read} finds in the bytes, in order. */
    public interface Reader {
        /** One UTF-16 unit of valid text (a character beyond U+FFFF comes as its two surrogates). */
        void text(char c);

        /** A byte that is not part of valid UTF-8: binary data, or a character cut at the end. */
        void strayByte(int b);
    }

    /**
     * Reads bytes as UTF-8 where they form valid text and hands every other byte over as it is,
     * so 0xFF shows as \xFF rather than as the same U+FFFD as every other bad byte.
     */
    public static void read(byte[] b, int offset, int length, Reader reader) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b0 = b[i] & 0xff;
            if (b0 < 0x80) {
                reader.text((char) b0);
                i++;
                continue;
            }
            int n = sequenceLength(b, i, end);
            if (n == 0) {
                reader.strayByte(b0);
                i++;
                continue;
            }
            int cp = b0 & (0xff >> (n + 1));
            for (int k = 1; k < n; k++) {
                cp = (cp << 6) | (b[i + k] & 0x3f);
            }
            if (Character.isBmpCodePoint(cp)) {
                reader.text((char) cp);
            } else {
                reader.text(Character.highSurrogate(cp));
                reader.text(Character.lowSurrogate(cp));
            }
            i += n;
        }
    }

    /** The length of the well-formed UTF-8 sequence at {@code i} (RFC 3629 table 3-7), or 0. */
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
        if (i + n > end) {
            return 0;
        }
        int b1 = b[i + 1] & 0xff;
        if (b1 < lo || b1 > hi) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int bk = b[i + k] & 0xff;
            if (bk < 0x80 || bk > 0xbf) {
                return 0;
            }
        }
        return n;
    }

    /** At most {@code maxChars} characters; longer input ends with an ellipsis. */
    public static String preview(byte[] bytes, int offset, int length, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(length, maxChars) + 8);
        boolean[] cut = {length > maxChars * 4};
        read(bytes, offset, Math.min(length, maxChars * 4), new Reader() {
            @Override public void text(char c) {
                if (out.length() < maxChars) {
                    appendVisible(out, c);
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
        if (cut[0]) {
            out.append('…');
        }
        return out.toString();
    }

    public static String preview(byte[] bytes, int maxChars) {
        return preview(bytes, 0, bytes.length, maxChars);
    }

    /** "\xFF": a byte as the send field and the greeting write it. */
    public static void appendByte(StringBuilder out, int b) {
        out.append("\\x").append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }

    /** Every character, with \n \r \t \0 and other controls spelled out as escapes. */
    public static void appendVisible(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\0' -> out.append("\\0");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    appendByte(out, c);
                } else if (isInvisible(c)) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    /**
     * Characters that show nothing or act on the text around them: C1 controls (U+009B starts a
     * terminal command), bidi overrides (U+202E turns what follows around), zero-width and line
     * separators. A peer's bytes must not drive the terminal or hide what they say.
     */
    public static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
