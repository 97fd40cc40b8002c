package io.socketmonitor.net;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One address of one network interface of this machine, with what binding to it means.
 *
 * @param address the real address, scope included, so binding to a link-local address still works
 */
public record LocalAddress(String interfaceName, String interfaceDisplayName, InetAddress address, AddressKind kind) {

    public LocalAddress {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        if (interfaceDisplayName == null) {
            interfaceDisplayName = interfaceName;
        }
    }

    /** Classifies the address by itself and its interface. */
    public static LocalAddress of(String interfaceName, String interfaceDisplayName, InetAddress address) {
        return new LocalAddress(interfaceName, interfaceDisplayName, address,
                AddressKind.classify(interfaceName, address));
    }

    /** The address as users read it: "127.0.0.1", "fe80::1" (the %scope is the interface, shown apart). */
    public String literal() {
        return Addresses.unscopedLiteral(address);
    }

    public String reachableFrom() {
        return kind.reachableFrom();
    }

    /** "127.0.0.1 — lo, loopback: this machine only", for lists and combo boxes. */
    public String label() {
        return literal() + " — " + interfaceName + ", " + kind.label() + ": " + kind.reachableFrom();
    }

    @Override
    public String toString() {
        return label();
    }
}
