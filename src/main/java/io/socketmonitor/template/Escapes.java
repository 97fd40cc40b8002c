package io.socketmonitor.template;

/**
 * Decodes the escapes users know from C and Packet Sender: {@code \n \r \t \\ \0 \xHH u+XXXX (backslash u)}.
 * Shared by the greeting and the test client's send field so both read text the same way.
 */
public final class Escapes {
    private Escapes() {}

    /** Decodes every escape; a bad one throws with its position (zero-based) in the message. */
    public static String decode(String source) throws TemplateException {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= source.length()) {
                throw bad("A backslash at the end of the text starts no escape (write \\\\ for a backslash)", i);
            }
            char kind = source.charAt(i + 1);
            switch (kind) {
                case 'n' -> { out.append('\n'); i += 2; }
                case 'r' -> { out.append('\r'); i += 2; }
                case 't' -> { out.append('\t'); i += 2; }
                case '0' -> { out.append('\0'); i += 2; }
                case '\\' -> { out.append('\\'); i += 2; }
                case 'x' -> { out.append((char) hex(source, i, 2)); i += 4; }
                case 'u' -> { out.append((char) hex(source, i, 4)); i += 6; }
                default -> throw bad("Unknown escape \\" + kind
                        + " (use \\n \\r \\t \\\\ \\0 \\xHH or \\uXXXX)", i);
            }
        }
        checkSurrogates(out, source);
        return out.toString();
    }

    private static int hex(String source, int escapeStart, int digits) throws TemplateException {
        int from = escapeStart + 2;
        int to = from + digits;
        String name = "\\" + source.charAt(escapeStart + 1);
        if (to > source.length()) {
            throw bad(name + " needs " + digits + " hex digits", escapeStart);
        }
        int value = 0;
        for (int k = from; k < to; k++) {
            char h = source.charAt(k);
            // Character.digit would also take non-ASCII digits such as '٣'; escapes are ASCII.
            int d = h < 128 ? Character.digit(h, 16) : -1;
            if (d < 0) {
                throw bad(name + " needs " + digits + " hex digits, found '" + source.substring(from, to) + "'",
                        escapeStart);
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** Lone UTF-16 surrogates cannot be encoded as UTF-8; say so rather than send '?'. */
    private static void checkSurrogates(CharSequence decoded, String source) throws TemplateException {
        for (int k = 0; k < decoded.length(); k++) {
            char c = decoded.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < decoded.length()
                    && Character.isLowSurrogate(decoded.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                throw new TemplateException(String.format(
                        "The text contains an unpaired UTF-16 surrogate U+%04X, which is not valid Unicode", (int) c),
                        -1);
            }
        }
    }

    private static TemplateException bad(String what, int position) {
        return new TemplateException(what + " at position " + (position + 1) + ".", position);
    }
}
