package io.socketmonitor.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Lists the addresses a server on this machine could listen on. */
public final class InterfaceDiscovery {
    private InterfaceDiscovery() {}

    /** Reads addresses from the operating system; a seam so the fallback and sorting can be tested. */
    @FunctionalInterface
    interface AddressSource {
        List<LocalAddress> addresses() throws SocketException;
    }

    /** Loopback first, then by interface name, IPv4 before IPv6, then by address. */
    static final Comparator<LocalAddress> ORDER = Comparator
            .comparing((LocalAddress a) -> a.kind() != AddressKind.LOOPBACK)
            .thenComparing(LocalAddress::interfaceName)
            .thenComparing(a -> a.address() instanceof Inet6Address)
            .thenComparing(a -> a.address().getAddress(), Arrays::compareUnsigned);

    /**
     * Every address of every interface that is up, IPv4 and IPv6, sorted by {@link #ORDER}.
     * Never throws: if the system cannot be asked, the loopback addresses are still returned.
     */
    public static List<LocalAddress> discover() {
        return discover(InterfaceDiscovery::fromSystem);
    }

    static List<LocalAddress> discover(AddressSource source) {
        List<LocalAddress> found;
        try {
            found = new ArrayList<>(source.addresses());
        } catch (SocketException | RuntimeException e) {
            found = new ArrayList<>();
        }
        if (found.stream().noneMatch(a -> a.kind() == AddressKind.LOOPBACK)) {
            found.addAll(loopbackFallback());
        }
        found.sort(ORDER);
        return Collections.unmodifiableList(found);
    }

    private static List<LocalAddress> fromSystem() throws SocketException {
        List<LocalAddress> found = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            try {
                if (!nif.isUp()) {
                    continue;
                }
            } catch (SocketException e) {
                continue; // the interface vanished or cannot be queried: skip it, keep the others
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                found.add(LocalAddress.of(nif.getName(), nif.getDisplayName(), a));
            }
        }
        return found;
    }

    /** The loopback addresses exist on every machine, even when interfaces cannot be listed. */
    private static List<LocalAddress> loopbackFallback() {
        return List.of(
                LocalAddress.of("loopback", "loopback", NumericAddress.IPV4_LOOPBACK),
                LocalAddress.of("loopback", "loopback", NumericAddress.IPV6_LOOPBACK));
    }

    /**
     * True if a server could listen on this address here: the wildcard, anything in the loopback
     * range, or an address assigned to one of this machine's interfaces.
     */
    public static boolean isLocalAddress(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
