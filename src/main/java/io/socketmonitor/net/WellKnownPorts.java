package io.socketmonitor.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The lecture's table of well-known ports, plus a few that developers meet every day. */
public final class WellKnownPorts {
    private WellKnownPorts() {}

    private static final Map<Integer, String> TABLE = buildTable();

    private static Map<Integer, String> buildTable() {
        Map<Integer, String> t = new LinkedHashMap<>();
        // From the lecture (Wikipedia, "Port (computer networking)").
        t.put(20, "FTP data");
        t.put(21, "FTP");
        t.put(22, "SSH");
        t.put(23, "Telnet");
        t.put(25, "SMTP");
        t.put(53, "DNS");
        t.put(80, "HTTP");
        t.put(110, "POP3");
        t.put(123, "NTP");
        t.put(143, "IMAP");
        t.put(194, "IRC");
        t.put(443, "HTTPS");
        // Common in development; 8080 is the lecture's own server port.
        t.put(3306, "MySQL");
        t.put(5432, "PostgreSQL");
        t.put(6379, "Redis");
        t.put(8080, "HTTP alternate");
        t.put(8443, "HTTPS alternate");
        return Collections.unmodifiableMap(t);
    }

    /** "HTTP" for 80; empty for a port with no well-known service. */
    public static Optional<String> serviceName(int port) {
        return Optional.ofNullable(TABLE.get(port));
    }

    /** Every known port and its service, in ascending port order. */
    public static Map<Integer, String> table() {
        return TABLE;
    }
}
