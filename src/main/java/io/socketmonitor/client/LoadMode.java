package io.socketmonitor.client;

import io.socketmonitor.template.Printable;
import java.util.Locale;

/** Load and fault patterns the test client can aim at a server on this machine. */
public enum LoadMode {
    /** N connections, C at a time: connect, read to end, close. Measures the accept loop. */
    BURST("burst", "Burst", "connect, read to end, close; N connections, C at a time", false),
    /** Open N connections and keep them for the duration: fills the peer table, tests limits. */
    HOLD("hold", "Hold open", "open N connections and keep them for the duration", true),
    /** Connect, then close with a TCP reset (SO_LINGER 0) instead of a FIN. */
    RESET("reset", "Reset (RST)", "connect, then abort with RST (SO_LINGER 0)", false),
    /** Connect and never read: the server's writes pile up until its write timeout. */
    NEVER_READ("never-read", "Never read", "connect and never read, for the duration", true),
    /** Send one byte per interval for the duration: a slowloris, for the server's timeouts. */
    SLOW("slow", "Slow sender", "send one byte per interval, for the duration", true);

    private final String cliName;
    private final String label;
    private final String description;
    private final boolean timed;

    LoadMode(String cliName, String label, String description, boolean timed) {
        this.cliName = cliName;
        this.label = label;
        this.description = description;
        this.timed = timed;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** True when the run lasts for the duration; false when it ends after N connections (duration is a limit). */
    public boolean timed() {
        return timed;
    }

    /** Parses burst, hold, reset, never-read or slow; the error is a sentence. */
    public static LoadMode parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (LoadMode m : values()) {
            if (m.cliName.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown load mode '" + Printable.visible(String.valueOf(name))
                + "': use burst, hold, reset, never-read or slow.");
    }

    @Override
    public String toString() {
        return label;
    }
}
