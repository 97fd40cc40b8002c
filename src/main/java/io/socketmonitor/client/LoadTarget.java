package io.socketmonitor.client;

import io.socketmonitor.net.Addresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import io.socketmonitor.net.InterfaceDiscovery;
import java.net.UnknownHostException;

/**
 * An address of this machine that load runs may aim at. The only way to get one is
 * {@link #resolve}, which refuses anything else before a single packet is sent: load and fault
 * modes are for watching your own server, never for hammering someone else's.
 */
public final class LoadTarget {
    private final String host;
    private final InetSocketAddress address;
    /** How many addresses the name had: more than one took a connection to choose. */
    private final int addresses;

    private LoadTarget(String host, InetSocketAddress address, int addresses) {
        this.host = host;
        this.address = address;
        this.addresses = addresses;
    }

    /**
     * Resolves the name, then checks every resolved address: loopback, the wildcard, or an address of
     * one of this machine's interfaces. Throws {@link NotLocalTargetException} with a sentence otherwise.
     */
    public static LoadTarget resolve(String host, int port) throws NotLocalTargetException {
        HostPort.checkPort(port);
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new NotLocalTargetException(ConnectErrors.unknownHost(host), true);
        }
        for (InetAddress a : all) {
            if (!isThisMachine(a)) {
                String literal = Addresses.literal(a);
                String who = literal.equals(host) || ("[" + literal + "]").equals(host) ? literal
                        : host + " resolves to " + literal + ", which";
                throw new NotLocalTargetException("Load modes only target this machine: " + who
                        + " is not one of its addresses.");
            }
        }
        return new LoadTarget(host, new InetSocketAddress(firstAnswering(all, port), port), all.length);
    }

    /**
     * Of a name's addresses (localhost: 127.0.0.1 and ::1), the first where something listens,
     * as telnet tries them in turn: a run aimed at the first alone counted every connection
     * refused when the server listened on ::1 only. The check is one connection, made only when
     * there is a choice; with no answer, the first address (the run then says "refused").
     */
    static InetAddress firstAnswering(InetAddress[] candidates, int port) {
        if (candidates.length > 1) {
            for (InetAddress a : candidates) {
                try (java.net.Socket probe = new java.net.Socket()) {
                    probe.connect(new InetSocketAddress(a, port), PROBE_TIMEOUT_MILLIS);
                    return a;
                } catch (java.io.IOException nothingThere) {
                    // the next one
                }
            }
        }
        return candidates[0];
    }

    private static final int PROBE_TIMEOUT_MILLIS = 1_000;

    public static LoadTarget resolve(HostPort hostPort) throws NotLocalTargetException {
        return resolve(hostPort.host(), hostPort.port());
    }

    /** True for loopback, the wildcard, and any address bound to one of this machine's interfaces. */
    static boolean isThisMachine(InetAddress a) {
        return InterfaceDiscovery.isLocalAddress(a);
    }

    /**
     * Says how the address was chosen when the name had several (the server under test counts
     * that one connection too), or null.
     */
    public String choice() {
        return addresses <= 1 ? null : host + " has " + addresses + " addresses; one connection before the run found "
                + Addresses.literal(address.getAddress()) + " answering.";
    }

    public String host() {
        return host;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** "127.0.0.1:8080" or "[::1]:8080". */
    @Override
    public String toString() {
        return Addresses.hostPort(address);
    }
}
