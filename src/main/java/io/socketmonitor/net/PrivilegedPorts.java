package io.socketmonitor.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether listening on a low port needs privileges on this machine, in a sentence. "Below 1024
 * needs administrator rights" is the textbook rule, but Windows has no such rule, Linux moves
 * the line with net.ipv4.ip_unprivileged_port_start (0 in many containers), and root may bind
 * any port.
 */
public final class PrivilegedPorts {
    private static final Path UNPRIVILEGED_START = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    private PrivilegedPorts() {
    }

    /** The note beside the port field, or null when the port needs nothing special here. */
    public static String note(int port) {
        return note(port, firstUnprivileged(), runningAsRoot(), LINUX);
    }

    static String note(int port, int firstUnprivileged, boolean root, boolean linux) {
        if (port < 1 || port >= firstUnprivileged) {
            return null;
        }
        String range = "below " + firstUnprivileged;
        if (root) {
            return range + ": privileged, allowed here (running as root)";
        }
        return range + (linux ? ": needs root (or CAP_NET_BIND_SERVICE)" : ": needs administrator rights");
    }

    /**
     * The lowest port anyone may listen on: 1024 on most Unix systems; 0 on Windows and on macOS
     * since 10.14 (rather no note than a wrong one: a refused bind still says why, see BindErrors).
     */
    static int firstUnprivileged() {
        if (WINDOWS || MAC) {
            return 0;
        }
        if (LINUX) {
            try {
                return unprivilegedStart(Files.readString(UNPRIVILEGED_START));
            } catch (IOException | RuntimeException e) {
                return 1024;
            }
        }
        return 1024;
    }

    /** net.ipv4.ip_unprivileged_port_start's text: "1024\n". */
    static int unprivilegedStart(String text) {
        int start = Integer.parseInt(text.trim());
        return Math.max(0, Math.min(65536, start));
    }

    /** Effective user id 0, where the system says so (Linux); else the user's name. */
    static boolean runningAsRoot() {
        try {
            Boolean root = effectiveRoot(Files.readAllLines(Path.of("/proc/self/status")));
            if (root != null) {
                return root;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** From /proc/self/status' "Uid:" line (real, effective, saved, filesystem); null without one. */
    static Boolean effectiveRoot(java.util.List<String> status) {
        for (String line : status) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).trim().split("\\s+");
                return ids.length > 1 && ids[1].equals("0");
            }
        }
        return null;
    }
}
