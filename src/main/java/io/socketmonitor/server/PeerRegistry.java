package io.socketmonitor.server;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one list of open peers, as Netty's channel group is: the table, the limits and stop all
 * read it, nothing keeps a list of its own. Anyone may read; the server's threads change it
 * under the server's lock, together with the per-address counts the limits check ({@link #reset}
 * runs in start, before those threads do).
 */
final class PeerRegistry {
    private final Map<Long, Connection> open = new ConcurrentHashMap<>();
    private final Map<InetAddress, Integer> perAddress = new HashMap<>(); // under the server's lock
    private volatile int peakOpen;

    /** Why one more peer from {@code address} may not stay under {@code c}'s limits, or null. */
    CloseReason refusal(ServerConfig c, InetAddress address) {
        if (open.size() >= c.maxConnections()) {
            return CloseReason.LIMIT_TOTAL;
        }
        if (c.maxPerPeer() > 0 && perAddress.getOrDefault(address, 0) >= c.maxPerPeer()) {
            return CloseReason.LIMIT_PER_PEER;
        }
        return null;
    }

    void add(Connection c) {
        open.put(c.id, c);
        perAddress.merge(c.remote.getAddress(), 1, Integer::sum);
        if (open.size() > peakOpen) {
            peakOpen = open.size();
        }
    }

    /** Forgets {@code c}; nothing happens when it is gone already. */
    void remove(Connection c) {
        if (open.remove(c.id) != null) {
            perAddress.computeIfPresent(c.remote.getAddress(), (a, n) -> n > 1 ? n - 1 : null);
        }
    }

    Connection get(long id) {
        return open.get(id);
    }

    boolean contains(long id) {
        return open.containsKey(id);
    }

    int size() {
        return open.size();
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    int peakOpen() {
        return peakOpen;
    }

    /** The open peers, live: its iterator allows the removals that closing makes. */
    Collection<Connection> live() {
        return open.values();
    }

    /** A copy, for passes that close peers while listeners may add or remove others. */
    List<Connection> copy() {
        return new ArrayList<>(open.values());
    }

    /** The open peers as the table shows them, oldest first. */
    List<PeerSnapshot> snapshots() {
        List<PeerSnapshot> out = new ArrayList<>(open.size());
        for (Connection c : open.values()) {
            out.add(c.snapshot(null, null));
        }
        out.sort(Comparator.comparingLong(PeerSnapshot::id));
        return out;
    }

    /** A new run: no peer yet and no peak. */
    void reset() {
        open.clear();
        perAddress.clear();
        peakOpen = 0;
    }
}
