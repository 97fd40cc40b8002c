package io.socketmonitor.ui;

import io.socketmonitor.net.AddressKind;
import io.socketmonitor.net.Addresses;
import io.socketmonitor.net.BindTarget;
import io.socketmonitor.net.InterfaceDiscovery;
import io.socketmonitor.net.LocalAddress;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** One entry of the interface picker: an address to bind and what binding to it means. */
public record InterfaceChoice(String label, InetAddress address, AddressKind kind) {

    public boolean wildcard() {
        return address.isAnyLocalAddress();
    }

    public String literal() {
        return Addresses.literal(address);
    }

    /** The standard choices first, then every address of every up interface (may be slow: off the EDT). */
    public static List<InterfaceChoice> discover() {
        List<InterfaceChoice> out = new ArrayList<>(standard());
        List<LocalAddress> found;
        try {
            found = InterfaceDiscovery.discover();
        } catch (RuntimeException e) {
            found = List.of();
        }
        for (LocalAddress a : found) {
            if (out.stream().noneMatch(c -> c.address.equals(a.address()))) {
                out.add(new InterfaceChoice(a.label(), a.address(), a.kind()));
            }
        }
        return out;
    }

    /** Loopback 127.0.0.1, loopback ::1, all IPv4 (0.0.0.0), all dual stack (::). */
    public static List<InterfaceChoice> standard() {
        List<InterfaceChoice> out = new ArrayList<>();
        for (BindTarget t : BindTarget.standardChoices()) {
            AddressKind kind = t.address().isAnyLocalAddress() ? AddressKind.WILDCARD : AddressKind.LOOPBACK;
            out.add(new InterfaceChoice(t.description() + " — " + kind.reachableFrom(), t.address(), kind));
        }
        return out;
    }

    /** A choice for an address that is not in the list (e.g. given on the command line). */
    public static InterfaceChoice of(InetAddress address) {
        AddressKind kind = AddressKind.classify(null, address);
        return new InterfaceChoice(Addresses.literal(address) + " — " + kind.label() + ": " + kind.reachableFrom(),
                address, kind);
    }

    /** Where a client on this machine connects to reach a server bound here. */
    public static String connectHost(InetAddress bound) {
        if (bound.isAnyLocalAddress()) {
            return bound instanceof java.net.Inet6Address ? "::1" : "127.0.0.1";
        }
        return Addresses.literal(bound);
    }

    @Override
    public String toString() {
        return label;
    }
}
