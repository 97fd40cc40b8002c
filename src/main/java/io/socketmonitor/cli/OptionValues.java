package io.socketmonitor.cli;

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
            throw new UsageException("Port '" + text + "' is not a port number: give a decimal number from 0"
                    + " to 65535 (0 picks a free port).");
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
            throw new UsageException(option + " '" + text + "' is not a whole number.");
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
        String t = text.trim().toLowerCase(Locale.ROOT).replaceFirst("s$", "");
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + text + "' is not a number of seconds.");
        }
        if (!(v >= min && v <= max)) {
            throw new UsageException(option + " must be between " + fmt(min) + " and " + fmt(max)
                    + " seconds, not " + text.trim() + ".");
        }
        return java.time.Duration.ofMillis(Math.round(v * 1000));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
