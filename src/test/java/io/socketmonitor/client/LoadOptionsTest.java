package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsAreBounded() {
        LoadOptions o = LoadOptions.of(null, null, null, null);
        assertThat(o.connections()).isEqualTo(100);
        assertThat(o.concurrency()).isEqualTo(8);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.interval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void outOfRangeValuesAreSentences() {
        assertThatThrownBy(() -> LoadOptions.of(0, null, null, null))
                .hasMessage("The number of connections must be between 1 and 10000, not 0.");
        assertThatThrownBy(() -> LoadOptions.of(null, 5000, null, null))
                .hasMessage("The concurrency must be between 1 and 1000, not 5000.");
        assertThatThrownBy(() -> LoadOptions.of(null, null, 601, null))
                .hasMessage("The duration in seconds must be between 1 and 600, not 601.");
        assertThatThrownBy(() -> LoadOptions.of(null, null, null, 0))
                .hasMessage("The interval in milliseconds must be between 1 and 60000, not 0.");
    }

    @Test
    void textFromTheCommandLineIsParsedWithTheOptionNamed() {
        assertThat(LoadOptions.parse("2000", " 8 ", null, "")).isEqualTo(LoadOptions.of(2000, 8, null, null));
        assertThatThrownBy(() -> LoadOptions.parse("ten", null, null, null))
                .hasMessage("--connections must be a whole number, not 'ten'.");
        assertThatThrownBy(() -> LoadOptions.parse(null, null, "1.5", null))
                .hasMessage("--duration must be a whole number, not '1.5'.");
        Terminal t = new Terminal();
        assertThat(ClientCommand.runLoad("127.0.0.1:8080", "hold", "x", null, null, null, t.out, t.err))
                .isEqualTo(ClientCommand.EXIT_USAGE);
        assertThat(t.err()).startsWith("--connections must be a whole number, not 'x'.");
    }

    @Test
    void modesParseByTheirCommandLineNames() {
        assertThat(LoadMode.parse("never-read")).isEqualTo(LoadMode.NEVER_READ);
        assertThat(LoadMode.parse(" Burst ")).isEqualTo(LoadMode.BURST);
        assertThatThrownBy(() -> LoadMode.parse("flood"))
                .hasMessage("Unknown load mode 'flood': use burst, hold, reset, never-read or slow.");
    }

    @Test
    void theCommandReportsBadOptionsAsUsageErrors() {
        Terminal t = new Terminal();
        assertThat(ClientCommand.runLoad("127.0.0.1:8080", "flood", null, null, null, null, t.out, t.err))
                .isEqualTo(ClientCommand.EXIT_USAGE);
        assertThat(t.err()).startsWith("Unknown load mode 'flood'");

        Terminal t2 = new Terminal();
        assertThat(ClientCommand.runLoad("127.0.0.1", "burst", null, null, null, null, t2.out, t2.err))
                .isEqualTo(ClientCommand.EXIT_USAGE);
        assertThat(t2.err()).startsWith("Missing port in '127.0.0.1'");
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(LoadEngine.percentile(sorted, 0.50)).isEqualTo(Duration.ofNanos(50));
        assertThat(LoadEngine.percentile(sorted, 0.99)).isEqualTo(Duration.ofNanos(99));
        assertThat(LoadEngine.percentile(new long[] {7}, 0.99)).isEqualTo(Duration.ofNanos(7));
        assertThat(LoadEngine.percentile(new long[0], 0.5)).isNull();
    }
}
