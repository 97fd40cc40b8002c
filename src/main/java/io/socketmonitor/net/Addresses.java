package io.socketmonitor.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Formats addresses the way the lecture and users read them. */
public final class Addresses {
    private Addresses() {}

    /** The numeric address without a host name or scope noise for loopback ("::1", "127.0.0.1"). */
    public static String literal(InetAddress address) {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            // Java writes "0:0:0:0:0:0:0:1"; users know "::1".
            text = compressIpv6(text);
        }
        return text;
    }

    /**
     * Like {@link #literal} but without an IPv6 "%scope" ("fe80::1", not "fe80::1%eth0"), for lists
     * that show the interface anyway. Bind to the InetAddress itself, which keeps the scope.
     */
    public static String unscopedLiteral(InetAddress address) {
        String text = literal(address);
        int pct = text.indexOf('%');
        return pct < 0 ? text : text.substring(0, pct);
    }

    /** "127.0.0.1:8080" or "[::1]:8080". */
    public static String hostPort(InetSocketAddress a) {
        return hostPort(a.getAddress(), a.getPort());
    }

    public static String hostPort(InetAddress address, int port) {
        return bracketed(address) + ":" + port;
    }

    /** "127.0.0.1", or "[::1]": how an address stands before a port, or inside a sentence. */
    public static String bracketed(InetAddress address) {
        String lit = literal(address);
        return address instanceof Inet6Address ? "[" + lit + "]" : lit;
    }

    /**
     * The lecture's {@code addr} as Python prints it: ('127.0.0.1', 46930); from an IPv6
     * socket, ('::1', 46930, 0, 0), with the flow label (which Java cannot see: 0) and scope id.
     */
    public static String lectureTuple(InetSocketAddress a) {
        return tupleHead(a.getAddress()) + a.getPort() + tupleTail(a.getAddress());
    }

    /** What comes before the port in {@link #lectureTuple}: "('127.0.0.1', ". */
    public static String tupleHead(InetAddress a) {
        return "('" + literal(a) + "', ";
    }

    /** What comes after the port in {@link #lectureTuple}: ")", or ", 0, 0)" for IPv6. */
    public static String tupleTail(InetAddress a) {
        return a instanceof Inet6Address v6 ? ", 0, " + v6.getScopeId() + ")" : ")";
    }

    /** Shortens the longest run of zero groups to "::" (RFC 5952), keeping any %scope. */
    static String compressIpv6(String full) {
        String scope = "";
        int pct = full.indexOf('%');
        if (pct >= 0) {
            scope = full.substring(pct);
            full = full.substring(0, pct);
        }
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (isZero(groups[i])) {
                int j = i;
                while (j < groups.length && isZero(groups[j])) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(groups[i].replaceFirst("^0+(?=.)", ""));
            if (i < groups.length - 1) {
                sb.append(':');
            }
        }
        return sb + scope;
    }

    private static boolean isZero(String group) {
        return group.matches("0+");
    }
}
