package io.socketmonitor.ui.client;

import io.socketmonitor.client.HostPort;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers the test client reached, newest first, as Packet Sender and SocketTest users
 * expect a drop-down of them. Only a target that answered is kept (a typo would crowd out the
 * real ones); a target reached again moves to the top. Bounded, and stored as one line each.
 */
final class RecentTargets {
    static final int MAX = 10;
    private final List<HostPort> targets = new ArrayList<>();

    /** Puts {@code target} first, dropping its older place and the oldest past {@link #MAX}. */
    void reached(HostPort target) {
        targets.remove(target);
        targets.add(0, target);
        if (targets.size() > MAX) {
            targets.remove(MAX);
        }
    }

    List<HostPort> newestFirst() {
        return List.copyOf(targets);
    }

    boolean isEmpty() {
        return targets.isEmpty();
    }

    void clear() {
        targets.clear();
    }

    /** One target a line, as HOST:PORT ({@code [::1]:8080} for IPv6), newest first. */
    String encode() {
        StringBuilder s = new StringBuilder();
        for (HostPort t : targets) {
            s.append(t).append('\n');
        }
        return s.toString();
    }

    /** Reads what {@link #encode} wrote; a damaged line is skipped, not the whole list. */
    static RecentTargets decode(String stored) {
        RecentTargets recent = new RecentTargets();
        if (stored != null) {
            for (String line : stored.split("\n")) {
                if (recent.targets.size() == MAX) {
                    break;
                }
                try {
                    HostPort t = HostPort.parse(line);
                    if (!recent.targets.contains(t)) {
                        recent.targets.add(t);
                    }
                } catch (IllegalArgumentException damaged) {
                    // skipped
                }
            }
        }
        return recent;
    }
}
