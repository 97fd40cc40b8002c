package io.socketmonitor.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The peer table's State column: one short phrase per way a connection ends. */
class CloseReasonTest {

    @Test
    void eachStateReadsAsOnePhrase() {
        assertThat(CloseReason.AFTER_GREETING.asState()).isEqualTo("closed after greeting");
        assertThat(CloseReason.RESET.asState()).isEqualTo("reset by peer");
        assertThat(CloseReason.LIMIT_TOTAL.asState()).isEqualTo("refused: max connections reached");
        assertThat(CloseReason.IDLE.asState()).isEqualTo("closed: idle timeout");
        for (CloseReason r : CloseReason.values()) {
            assertThat(r.asState()).as(r.name()).doesNotContain("closed: closed", "closed: reset", "closed: refused")
                    .matches("[a-z][^:]*(: [^:]+)?");
        }
    }
}
