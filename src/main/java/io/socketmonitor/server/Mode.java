package io.socketmonitor.server;

import java.util.Locale;

/** What the server does with each accepted connection. */
public enum Mode {
    /** Send the greeting, shut output down, close: the lecture's server. */
    CLOSE("close", "Greet & close"),
    /** Send the greeting and keep the peer; record what it sends, optionally echo. */
    KEEP_OPEN("keep-open", "Keep open"),
    /** Read an HTTP request head and answer 200 with the greeting as a text/plain body. */
    HTTP("http", "HTTP");

    private final String cliName;
    private final String label;

    Mode(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    public String cliName() {
        return cliName;
    }

    public String label() {
        return label;
    }

    /** Parses a command-line name (close, keep-open, http); null when unknown. */
    public static Mode fromCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.cliName.equals(wanted)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
