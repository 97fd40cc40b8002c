package io.socketmonitor.client;

import io.socketmonitor.template.Printable;
import java.util.Objects;

/**
 * A server to connect to, as the user wrote it: {@code localhost:8080}, {@code 127.0.0.1:8080}
 * or {@code [::1]:8080}. The host is kept as typed (a name is resolved only when connecting).
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The host is empty: give a name or an address, for example localhost.");
        }
        // No name has one: say so, rather than ask the resolver (and the network) about it.
        int odd = host.codePoints().filter(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Printable.isInvisible(c)).findFirst().orElse(-1);
        if (odd >= 0) {
            String what = Character.isSpaceChar(odd) ? "a space"
                    : Character.getType(odd) == Character.CONTROL ? "a control character" : "an invisible character";
            throw new IllegalArgumentException("'" + Printable.visible(host) + "' is not a host name: it holds "
                    + what + ".");
        }
        checkPort(port);
    }

    /** Parses HOST:PORT; IPv6 addresses go in brackets. Errors are sentences the user can act on. */
    public static HostPort parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "Give the server as HOST:PORT, for example localhost:8080 or [::1]:8080.");
        }
        String s = text.trim();
        String host;
        String portText;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Missing ']' after the IPv6 address in '" + Printable.visible(s)
                        + "': write it as [::1]:8080.");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) {
                throw missingPort(s);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("Expected ':' and a port after ']' in '" + Printable.visible(s)
                        + "', for example [::1]:8080.");
            }
            portText = rest.substring(1);
        } else {
            int first = s.indexOf(':');
            if (first < 0) {
                throw missingPort(s);
            }
            if (first != s.lastIndexOf(':')) {
                // More than one colon: an IPv6 address whose end cannot be told from the port.
                throw new IllegalArgumentException("Put an IPv6 address in brackets before the port, for example [::1]:8080 (got '"
                        + Printable.visible(s) + "').");
            }
            host = s.substring(0, first);
            portText = s.substring(first + 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("The host is missing in '" + Printable.visible(s)
                    + "': write HOST:PORT, for example localhost:8080.");
        }
        if (portText.isEmpty()) {
            throw missingPort(s);
        }
        return new HostPort(host, parsePort(portText));
    }

    /** Parses a port number for connecting: 1 to 65535. */
    public static int parsePort(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("No port given: a TCP port is a number from 1 to 65535.");
        }
        if (!t.matches("-?[0-9]{1,9}")) { // -1 is a number, out of range below
            throw new IllegalArgumentException("'" + Printable.visible(t)
                    + "' is not a port number: a TCP port is a number from 1 to 65535.");
        }
        int port = Integer.parseInt(t);
        checkPort(port);
        return port;
    }

    static void checkPort(int port) {
        if (port == 0) {
            throw new IllegalArgumentException(
                    "Port 0 cannot be connected to: give the port the server listens on (1 to 65535).");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port
                    + " is out of range: a TCP port is a number from 1 to 65535.");
        }
    }

    private static IllegalArgumentException missingPort(String s) {
        return new IllegalArgumentException("Missing port in '" + Printable.visible(s)
                + "': write HOST:PORT, for example localhost:8080 or [::1]:8080.");
    }

    /** "localhost:8080", "[::1]:8080". */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
