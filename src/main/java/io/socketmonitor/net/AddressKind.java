package io.socketmonitor.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

/** What kind of network an address belongs to, and so who can reach a server listening on it. */
public enum AddressKind {
    LOOPBACK("loopback", "this machine only"),
    PRIVATE("private", "the local network"),
    LINK_LOCAL("link-local", "the local network segment only"),
    UNIQUE_LOCAL("unique local (ULA)", "the local network (IPv6)"),
    CONTAINER_BRIDGE("container bridge", "containers on this machine"),
    /** RFC 5737 and RFC 3849 ranges, for examples; test labs and VMs use them, the internet never routes them. */
    DOCUMENTATION("documentation range", "the local network at most (never routed on the internet)"),
    PUBLIC("public", "the internet (if no firewall blocks it)"),
    WILDCARD("all interfaces", "every network this machine is on");

    /** Interface name prefixes that Docker, Podman, libvirt, LXC and CNI give their bridges. */
    private static final List<String> BRIDGE_PREFIXES =
            List.of("docker", "br-", "virbr", "cni", "podman", "veth", "lxcbr");

    private final String label;
    private final String reachableFrom;

    AddressKind(String label, String reachableFrom) {
        this.label = label;
        this.reachableFrom = reachableFrom;
    }

    /** A short name for the kind: "loopback", "private", ... */
    public String label() {
        return label;
    }

    /** Who can connect to a server bound to such an address, in one line. */
    public String reachableFrom() {
        return reachableFrom;
    }

    /**
     * Classifies an address found on an interface. The interface name matters only for container
     * bridges, whose addresses look private but are reachable only by local containers.
     *
     * @param interfaceName the interface the address is on, or null when unknown
     */
    public static AddressKind classify(String interfaceName, InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return WILDCARD;
        }
        if (a.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (isContainerBridge(interfaceName)) {
            return CONTAINER_BRIDGE;
        }
        if (a.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            if (isDocumentationIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff)) {
                return DOCUMENTATION;
            }
            return isPrivateIpv4(b[0] & 0xff, b[1] & 0xff) ? PRIVATE : PUBLIC;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return DOCUMENTATION; // 2001:db8::/32
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return UNIQUE_LOCAL;
            }
            if (a.isSiteLocalAddress()) {
                return PRIVATE; // fec0::/10, the deprecated IPv6 site-local range: never routed publicly
            }
        }
        return PUBLIC;
    }

    static boolean isContainerBridge(String interfaceName) {
        if (interfaceName == null) {
            return false;
        }
        String name = interfaceName.toLowerCase(Locale.ROOT);
        return BRIDGE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** TEST-NET-1, -2 and -3: 192.0.2/24, 198.51.100/24, 203.0.113/24. */
    private static boolean isDocumentationIpv4(int first, int second, int third) {
        return (first == 192 && second == 0 && third == 2)
                || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113);
    }

    /** RFC 1918 (10/8, 172.16/12, 192.168/16) and RFC 6598 carrier-grade NAT (100.64/10). */
    private static boolean isPrivateIpv4(int first, int second) {
        return first == 10
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 100 && (second & 0xc0) == 64);
    }
}
