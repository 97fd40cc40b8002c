package io.socketmonitor.cli;

import io.socketmonitor.template.Printable;
import java.util.Locale;

/**
 * Reads numbers from option text with sentences for every mistake. Options arrive as text so
 * that "0x50", "-1" and "abc" get our words rather than a parser's.
 */
public final class OptionValues {
    private OptionValues() {}

    public static int port(String text) throws UsageException {
        String t = text.trim();
        if (!t.matches("-?[0-9]{1,9}")) {
            throw new UsageException("Port '" + Printable.visible(text) + "' is not a port number: give a decimal"
                    + " number from 0 to 65535 (0 picks a free port).");
        }
        int port = Integer.parseInt(t);
        if (port < 0 || port > 65_535) { // -1 is a number, just not a port's
            throw new UsageException("Port " + port + " is out of range: a TCP port is a number from 0 to 65535"
                    + " (0 picks a free port).");
        }
        return port;
    }

    public static int integer(String option, String text, int min, int max) throws UsageException {
        String t = text.trim();
        if (!t.matches("-?[0-9]{1,10}")) {
            throw new UsageException(option + " '" + Printable.visible(text) + "' is not a whole number.");
        }
        long v = Long.parseLong(t);
        if (v < min || v > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ", not " + t + ".");
        }
        return (int) v;
    }

    /** Seconds as a whole or decimal number, e.g. "10" or "0.5". */
    public static java.time.Duration seconds(String option, String text, double min, double max)
            throws UsageException {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceFirst("s$", "").trim(); // "5 s" too
        // Decimal only: Java's own parser also takes "1d" (a double, not a day), "1e3" and "0x1p3".
        // A sign and any length, so "-1" and "1234567890" are said to be out of range.
        if (!t.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) {
            throw new UsageException(option + " '" + Printable.visible(text) + "' is not a number of seconds.");
        }
        double v = Double.parseDouble(t);
        if (!(v >= min && v <= max)) {
            throw new UsageException(option + " must be between " + fmt(min) + " and " + fmt(max)
                    + " seconds, not " + Printable.visible(text.trim()) + ".");
        }
        return java.time.Duration.ofMillis(Math.round(v * 1000));
    }

    /**
     * Text as typed, unless the locale could not pass it on: with LANG=C the JVM reads arguments
     * as ASCII and every other character arrives as U+FFFD, which would be sent as such.
     */
    public static String text(String option, String value) throws UsageException {
        return text(option, value, System.getProperty("sun.jnu.encoding", "UTF-8"));
    }

    static String text(String option, String value, String argumentEncoding) throws UsageException {
        if (value != null && value.indexOf('\uFFFD') >= 0 && !argumentEncoding.replace("-", "").equalsIgnoreCase("UTF8")) {
            throw new UsageException(option + " holds characters this terminal's locale (" + argumentEncoding
                    + ") could not pass on: run with a UTF-8 locale (e.g. LANG=C.UTF-8), or write them as \\uXXXX"
                    + " escapes (e.g. \\u00e9).");
        }
        return value;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
