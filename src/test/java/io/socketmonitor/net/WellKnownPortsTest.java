package io.socketmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WellKnownPortsTest {

    @Test
    void lectureTable() {
        assertThat(WellKnownPorts.serviceName(20)).contains("FTP data");
        assertThat(WellKnownPorts.serviceName(21)).contains("FTP");
        assertThat(WellKnownPorts.serviceName(22)).contains("SSH");
        assertThat(WellKnownPorts.serviceName(23)).contains("Telnet");
        assertThat(WellKnownPorts.serviceName(25)).contains("SMTP");
        assertThat(WellKnownPorts.serviceName(53)).contains("DNS");
        assertThat(WellKnownPorts.serviceName(80)).contains("HTTP");
        assertThat(WellKnownPorts.serviceName(110)).contains("POP3");
        assertThat(WellKnownPorts.serviceName(123)).contains("NTP");
        assertThat(WellKnownPorts.serviceName(143)).contains("IMAP");
        assertThat(WellKnownPorts.serviceName(194)).contains("IRC");
        assertThat(WellKnownPorts.serviceName(443)).contains("HTTPS");
    }

    @Test
    void developmentPorts() {
        assertThat(WellKnownPorts.serviceName(3306)).contains("MySQL");
        assertThat(WellKnownPorts.serviceName(5432)).contains("PostgreSQL");
        assertThat(WellKnownPorts.serviceName(6379)).contains("Redis");
        assertThat(WellKnownPorts.serviceName(8080)).contains("HTTP alternate");
        assertThat(WellKnownPorts.serviceName(8443)).contains("HTTPS alternate");
    }

    @Test
    void unknownPortHasNoName() {
        assertThat(WellKnownPorts.serviceName(46930)).isEmpty();
        assertThat(WellKnownPorts.serviceName(0)).isEmpty();
        assertThat(WellKnownPorts.serviceName(-1)).isEmpty();
    }

    @Test
    void tableIsOrderedAndReadOnly() {
        List<Integer> ports = new ArrayList<>(WellKnownPorts.table().keySet());
        assertThat(ports).hasSize(17).isSorted();
        assertThat(ports.get(0)).isEqualTo(20);
        assertThat(ports.get(ports.size() - 1)).isEqualTo(8443);
        assertThat(WellKnownPorts.table()).isUnmodifiable();
    }

}
