package io.socketmonitor.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Formats addresses the way the lecture and users read them. */
public final class Addresses {
    private Addresses() {}

    /** The numeric address without a host name or scope noise for loopback ("::1", "127.0.0.1"). */
    public static String literal(InetAddress address) {
        String text = address.getHostAddress();
        byte[] b = address instanceof Inet6Address ? address.getAddress() : null; // a copy: IPv6 only
        if (b != null && isIpv4Mapped(b)) {
            // RFC 5952 5: the IPv4 part of a mapped address in dotted form, as Python and ss write it
            return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        if (address instanceof Inet6Address v6) {
            // Java writes "0:0:0:0:0:0:0:1"; users know "::1".
            text = withInterfaceName(compressIpv6(text), v6);
        }
        return text;
    }

    /**
     * "fe80::1%eth0" for an accepted link-local peer, which Java scopes by number ("%4"): the
     * name is what Python prints and what ncat and ping take.
     */
    private static String withInterfaceName(String text, Inet6Address v6) {
        int pct = text.indexOf('%');
        if (pct < 0 || v6.getScopedInterface() != null || v6.getScopeId() <= 0) {
            return text;
        }
        try {
            java.net.NetworkInterface nic = java.net.NetworkInterface.getByIndex(v6.getScopeId());
            return nic == null ? text : text.substring(0, pct + 1) + nic.getName();
        } catch (java.net.SocketException e) {
            return text; // the number still says which interface
        }
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

    /**
     * How an IPv6 socket names an IPv4 peer: ::ffff:127.0.0.1 (RFC 4291 2.5.5.2). A dual-stack
     * listener's peers come this way, and Python and ss show them so; Java hands them over as IPv4.
     */
    public static InetSocketAddress asSeenByIpv6Socket(InetSocketAddress a) {
        if (!(a.getAddress() instanceof Inet4Address v4)) {
            return a;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
        try {
            return new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), a.getPort());
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("16 bytes make an IPv6 address", e);
        }
    }

    private static boolean isIpv4Mapped(byte[] b) {
        if (b.length != 16 || b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
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
