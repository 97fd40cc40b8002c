package io.socketmonitor.net;

import io.socketmonitor.template.Printable;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the server listens: a keyword from the lecture's choices or an address of this machine.
 *
 * @param spec        the text that selects this target again through {@link #parse}
 * @param address     what to bind; 0.0.0.0 must be opened IPv4-only, :: is dual stack
 * @param description a line for people, e.g. "Loopback 127.0.0.1"
 */
public record BindTarget(String spec, InetAddress address, String description) {

    public static final BindTarget LOOPBACK =
            new BindTarget("loopback", NumericAddress.IPV4_LOOPBACK, "Loopback 127.0.0.1");
    public static final BindTarget LOOPBACK6 =
            new BindTarget("loopback6", NumericAddress.IPV6_LOOPBACK, "Loopback ::1");
    public static final BindTarget ALL =
            new BindTarget("all", NumericAddress.IPV4_WILDCARD, "All interfaces IPv4 (0.0.0.0)");
    public static final BindTarget ALL6 =
            new BindTarget("all6", NumericAddress.IPV6_WILDCARD, "All interfaces dual stack (::)");

    private static final List<BindTarget> STANDARD = List.of(LOOPBACK, LOOPBACK6, ALL, ALL6);

    public BindTarget {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(description, "description");
    }

    /** The four keyword choices, safest first: loopback, loopback6, all, all6. */
    public static List<BindTarget> standardChoices() {
        return STANDARD;
    }

    /**
     * Reads "loopback" (also the default for blank text), "loopback6", "all", "all6", "localhost",
     * or a numeric IPv4/IPv6 address of this machine. Names are never looked up in DNS: a server can
     * only listen on its own addresses, and a lookup could hang or pick an address elsewhere.
     * A literal of a standard choice (127.0.0.1, ::1, 0.0.0.0, ::) gives that choice.
     *
     * @throws IllegalArgumentException with a sentence for the user
     */
    public static BindTarget parse(String spec) {
        String text = spec == null ? "" : spec.strip();
        if (text.isEmpty()) {
            return LOOPBACK;
        }
        String keyword = text.toLowerCase(Locale.ROOT);
        if (keyword.equals("localhost")) {
            return LOOPBACK;
        }
        for (BindTarget standard : STANDARD) {
            if (standard.spec.equals(keyword)) {
                return standard;
            }
        }
        InetAddress address = NumericAddress.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + Printable.visible(text) + "' is not an address: use loopback, loopback6, all, all6"
                        + " or an address of this machine (see --list-interfaces)."));
        for (BindTarget standard : STANDARD) {
            if (standard.address.equals(address)) {
                return standard;
            }
        }
        if (!InterfaceDiscovery.isLocalAddress(address)) {
            throw new IllegalArgumentException(text + " is not an address of this machine,"
                    + " so the server cannot listen on it (see --list-interfaces).");
        }
        return new BindTarget(Addresses.literal(address), address, describe(address));
    }

    /** What kind of address this is, e.g. to say who can reach the server. */
    public AddressKind kind() {
        return AddressKind.classify(interfaceName(address).orElse(null), address);
    }

    public String reachableFrom() {
        return kind().reachableFrom();
    }

    private static String describe(InetAddress address) {
        Optional<String> nif = interfaceName(address);
        AddressKind kind = AddressKind.classify(nif.orElse(null), address);
        return nif.map(name -> new LocalAddress(name, name, address, kind).label())
                .orElseGet(() -> Addresses.unscopedLiteral(address) + " — " + kind.label() + ": " + kind.reachableFrom());
    }

    private static Optional<String> interfaceName(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(NetworkInterface.getByInetAddress(address)).map(NetworkInterface::getName);
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
