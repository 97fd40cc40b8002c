package io.socketmonitor.template;

import java.nio.charset.StandardCharsets;

/** Shows bytes as text a person can read: control characters become visible escapes. */
public final class Printable {
    private Printable() {}

    /** At most {@code maxChars} characters; longer input ends with an ellipsis. */
    public static String preview(byte[] bytes, int offset, int length, int maxChars) {
        String text = new String(bytes, offset, Math.min(length, maxChars * 4), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
            appendVisible(out, text.charAt(i));
        }
        if (out.length() >= maxChars && (text.length() > maxChars || length > maxChars * 4)) {
            out.append('…');
        }
        return out.toString();
    }

    public static String preview(byte[] bytes, int maxChars) {
        return preview(bytes, 0, bytes.length, maxChars);
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
                    out.append(String.format("\\x%02X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
