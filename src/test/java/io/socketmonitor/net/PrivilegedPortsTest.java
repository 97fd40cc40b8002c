package io.socketmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The note beside a low port says what holds on this machine, not only the textbook rule. */
class PrivilegedPortsTest {
    @Test
    void aUserNeedsRootOrTheCapabilityOnLinuxBelowTheLine() {
        assertThat(PrivilegedPorts.note(80, 1024, false, true)).isEqualTo("below 1024: needs root (or CAP_NET_BIND_SERVICE)");
        assertThat(PrivilegedPorts.note(80, 1024, false, false)).isEqualTo("below 1024: needs administrator rights");
    }

    @Test
    void rootIsToldItMay() {
        assertThat(PrivilegedPorts.note(80, 1024, true, true)).isEqualTo("below 1024: privileged, allowed here (running as root)");
    }

    @Test
    void aMachineWithoutTheRuleSaysNothing() {
        assertThat(PrivilegedPorts.note(80, 0, false, false)).as("Windows, or a container with the line at 0").isNull();
        assertThat(PrivilegedPorts.note(8080, 1024, false, true)).isNull();
        assertThat(PrivilegedPorts.note(0, 1024, false, true)).as("0 asks for any free port").isNull();
    }

    @Test
    void linuxMovesTheLine() {
        assertThat(PrivilegedPorts.note(500, 600, false, true)).isEqualTo("below 600: needs root (or CAP_NET_BIND_SERVICE)");
    }

    @Test
    void theLinesAndTheUserAreReadFromWhatLinuxSays() {
        assertThat(PrivilegedPorts.unprivilegedStart("1024\n")).isEqualTo(1024);
        assertThat(PrivilegedPorts.unprivilegedStart("0\n")).isZero();
        assertThat(PrivilegedPorts.effectiveRoot(java.util.List.of("Name:\tjava", "Uid:\t1000\t0\t0\t0")))
                .as("setuid root: the effective id counts").isTrue();
        assertThat(PrivilegedPorts.effectiveRoot(java.util.List.of("Uid:\t0\t1000\t1000\t1000")))
                .as("dropped to a user").isFalse();
        assertThat(PrivilegedPorts.effectiveRoot(java.util.List.of("Name:\tjava"))).isNull();
    }
}
