package io.socketmonitor.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns numeric address text into an InetAddress without ever asking DNS.
 * {@code InetAddress.getByName("cafe")} would look the name up, so text is checked first.
 */
final class NumericAddress {
    private NumericAddress() {}

    static final InetAddress IPV4_LOOPBACK = fromBytes(new byte[] {127, 0, 0, 1});
    static final InetAddress IPV6_LOOPBACK = fromBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    static final InetAddress IPV4_WILDCARD = fromBytes(new byte[4]);
    static final InetAddress IPV6_WILDCARD = fromBytes(new byte[16]);

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /**
     * Hex groups and colons (at least one), an optional IPv4 tail and an optional %scope. Java parses
     * text that starts with a hex digit or ':' and contains ':' as an IPv6 literal, never as a name.
     */
    private static final Pattern IPV6 = Pattern.compile("(?=[^%]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");

    /** The address for "192.168.1.5", "::1", "[::1]" or "fe80::1%eth0"; empty for anything else. */
    static Optional<InetAddress> parse(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        Matcher v4 = IPV4.matcher(t);
        if (v4.matches()) {
            return ipv4(v4);
        }
        if (IPV6.matcher(t).matches()) {
            try {
                return Optional.of(InetAddress.getByName(t));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> ipv4(Matcher m) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(m.group(i + 1));
            if (part > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) part;
        }
        return Optional.of(fromBytes(bytes));
    }

    private static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes always make an address", e);
        }
    }
}
