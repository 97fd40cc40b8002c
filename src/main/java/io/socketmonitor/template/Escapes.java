package io.socketmonitor.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the escapes users know from C and Packet Sender: {@code \n \r \t \\ \0 \xHH u+XXXX (backslash u)}.
 * Shared by the greeting and the test client's send field so both read text the same way.
 * Text and backslash-u escapes become UTF-8; {@code \xHH} is that one byte, so {@code \xff} sends
 * 0xFF, as in Packet Sender and Hercules, and a protocol's binary bytes can be typed.
 */
public final class Escapes {
    private Escapes() {}

    /** The bytes the text stands for; a bad escape throws with its position (zero-based) in the message. */
    public static byte[] toBytes(String source) throws TemplateException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length());
        StringBuilder text = new StringBuilder(); // characters waiting to be written as UTF-8
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c != '\\') {
                text.append(c);
                i++;
                continue;
            }
            if (i + 1 >= source.length()) {
                throw bad("A backslash at the end of the text starts no escape (write \\\\ for a backslash)", i);
            }
            char kind = source.charAt(i + 1);
            switch (kind) {
                case 'n' -> { text.append('\n'); i += 2; }
                case 'r' -> { text.append('\r'); i += 2; }
                case 't' -> { text.append('\t'); i += 2; }
                case '0' -> { text.append('\0'); i += 2; }
                case '\\' -> { text.append('\\'); i += 2; }
                case '{', '}' -> { text.append(kind); i += 2; } // \{peer} is the text, not the placeholder
                case 'x' -> {
                    int b = hex(source, i, 2);
                    writeUtf8(text, out);
                    out.write(b);
                    i += 4;
                }
                case 'u' -> { text.append((char) hex(source, i, 4)); i += 6; }
                default -> throw bad("Unknown escape \\" + Printable.visible(String.valueOf(kind))
                        + " (use \\n \\r \\t \\\\ \\0 \\xHH \\uXXXX or \\{)", i);
            }
        }
        writeUtf8(text, out);
        return out.toByteArray();
    }

    private static void writeUtf8(StringBuilder text, ByteArrayOutputStream out) throws TemplateException {
        checkSurrogates(text);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
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
                throw bad(name + " needs " + digits + " hex digits, found '"
                        + Printable.visible(source.substring(from, to)) + "'", escapeStart);
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** Lone UTF-16 surrogates cannot be encoded as UTF-8; say so rather than send '?'. */
    private static void checkSurrogates(CharSequence decoded) throws TemplateException {
        for (int k = 0; k < decoded.length(); k++) {
            char c = decoded.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < decoded.length()
                    && Character.isLowSurrogate(decoded.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                throw new TemplateException(String.format(
                        "The text contains an unpaired UTF-16 surrogate U+%04X, which is not valid Unicode.", (int) c),
                        -1);
            }
        }
    }

    private static TemplateException bad(String what, int position) {
        return new TemplateException(what + " at position " + (position + 1) + ".", position);
    }
}
