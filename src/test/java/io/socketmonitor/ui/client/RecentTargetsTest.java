package io.socketmonitor.ui.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.client.HostPort;
import org.junit.jupiter.api.Test;

class RecentTargetsTest {

    @Test
    void theServerReachedLastComesFirstAndAgainMovesUpWithoutATwin() {
        RecentTargets recent = new RecentTargets();
        recent.reached(new HostPort("localhost", 8080));
        recent.reached(new HostPort("::1", 9000));
        recent.reached(new HostPort("localhost", 8080));
        assertThat(recent.newestFirst()).containsExactly(new HostPort("localhost", 8080), new HostPort("::1", 9000));
    }

    @Test
    void keepsTheNewestTen() {
        RecentTargets recent = new RecentTargets();
        for (int port = 1; port <= 12; port++) {
            recent.reached(new HostPort("127.0.0.1", port));
        }
        assertThat(recent.newestFirst()).hasSize(RecentTargets.MAX);
        assertThat(recent.newestFirst().get(0).port()).isEqualTo(12);
        assertThat(recent.newestFirst().get(RecentTargets.MAX - 1).port()).isEqualTo(3);
    }

    @Test
    void comesBackFromWhatItStoredIpv6Included() {
        RecentTargets recent = new RecentTargets();
        recent.reached(new HostPort("fe80::1%2", 7));
        recent.reached(new HostPort("example.test", 80));
        String stored = recent.encode();
        assertThat(stored).isEqualTo("example.test:80\n[fe80::1%2]:7\n");
        assertThat(RecentTargets.decode(stored).newestFirst()).isEqualTo(recent.newestFirst());
    }

    @Test
    void aDamagedLineIsSkippedNotTheWholeList() {
        RecentTargets recent = RecentTargets.decode("localhost:8080\nno port here\n[::1]:70000\n\n127.0.0.1:9\n");
        assertThat(recent.newestFirst()).containsExactly(new HostPort("localhost", 8080), new HostPort("127.0.0.1", 9));
        assertThat(RecentTargets.decode(null).isEmpty()).isTrue();
    }
}
