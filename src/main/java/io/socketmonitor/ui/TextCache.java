package io.socketmonitor.ui;

import io.socketmonitor.net.Addresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The peer table's texts, reusing the last one made: a flood comes from one address to one local
 * address within the same second, so most rows would format the same three strings again. EDT only.
 */
final class TextCache {
    private InetAddress lastAddress;
    private String lastAddressText;
    private InetSocketAddress lastHostPort;
    private String lastHostPortText;
    private long lastSecond = Long.MIN_VALUE;
    private String lastTimeText;

    /** The peer's address as the table shows it ("127.0.0.1", "?" when unknown). */
    String address(InetSocketAddress remote) {
        if (remote == null) {
            return "?";
        }
        InetAddress a = remote.getAddress();
        // IPv4 only: an IPv6 address equals another with a different %scope, which its text shows
        if (!(a instanceof Inet4Address && a.equals(lastAddress))) {
            lastAddressText = Addresses.literal(a);
            lastAddress = a;
        }
        return lastAddressText;
    }

    /** "127.0.0.1:8080", "" when unknown. */
    String hostPort(InetSocketAddress local) {
        if (local == null) {
            return "";
        }
        if (!(local.getAddress() instanceof Inet4Address && local.equals(lastHostPort))) {
            lastHostPortText = Addresses.hostPort(local);
            lastHostPort = local;
        }
        return lastHostPortText;
    }

    /** HH:mm:ss in the system zone; the same within one second (zone offsets change on whole seconds). */
    String time(Instant t) {
        if (t.getEpochSecond() != lastSecond) {
            lastTimeText = PeerTableModel.TIME.format(t);
            lastSecond = t.getEpochSecond();
        }
        return lastTimeText;
    }
}
