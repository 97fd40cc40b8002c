package io.socketmonitor.server;

/**
 * Counts as the log and the terminal print them: "1,234,567", the same in every locale. For
 * lines made many times a second (each closed peer's line as the log paints it, each read), where
 * {@code String.format("%,d")} built a new {@code DecimalFormat} on every call and kept the JIT
 * compiling the formatter's machinery under a flood.
 */
public final class Counts {
    private Counts() {}

    /** 1234567 → "1,234,567"; -1234 → "-1,234". */
    public static String grouped(long n) {
        return appendGrouped(new StringBuilder(26), n).toString();
    }

    /** Appends {@code n} with a comma between each group of three digits. */
    public static StringBuilder appendGrouped(StringBuilder sb, long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        sb.append(digits, 0, start);
        int len = digits.length() - start;
        for (int i = 0; i < len; i++) {
            if (i > 0 && (len - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(start + i));
        }
        return sb;
    }
}
