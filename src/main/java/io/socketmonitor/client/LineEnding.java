package io.socketmonitor.client;

import io.socketmonitor.template.Printable;
import java.util.Locale;

/** What goes after each line the user sends. Telnet sends CRLF; netcat sends LF. */
public enum LineEnding {
    LF("lf", "LF (\\n)", "\n"),
    CRLF("crlf", "CRLF (\\r\\n)", "\r\n"),
    CR("cr", "CR (\\r)", "\r"),
    NONE("none", "None", "");

    private final String cliName;
    private final String label;
    private final String text;

    LineEnding(String cliName, String label, String text) {
        this.cliName = cliName;
        this.label = label;
        this.text = text;
    }

    public String cliName() {
        return cliName;
    }

    public String text() {
        return text;
    }

    /** Parses lf, crlf, cr or none; the error is a sentence. */
    public static LineEnding parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (LineEnding e : values()) {
            if (e.cliName.equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown line ending '" + Printable.visible(String.valueOf(name))
                + "': use lf, crlf, cr or none.");
    }

    @Override
    public String toString() {
        return label;
    }
}
