package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.ServerEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** The data window's transcript, fed the server's events as the main window feeds it. */
@GuiTest
class PeerWatchWindowTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static PeerWatchWindow window() {
        return GuiActionRunner.execute(() -> new PeerWatchWindow(null, 7, null, data -> { }, () -> { }));
    }

    private static ServerEvent.Received received(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new ServerEvent.Received(T0, 7, b.length, text, b);
    }

    @Test
    void whatTheServerDidNotCopySaysSoWhereItWasLeftOut() {
        PeerWatchWindow w = window();
        String text = GuiActionRunner.execute(() -> {
            w.onEvents(List.of(new ServerEvent.Received(T0, 7, 100, "before the watch", null), received("first\n")));
            w.onEvents(List.of(new ServerEvent.Received(T0, 7, 65_536, "x", null),
                    new ServerEvent.Received(T0, 7, 4_464, "x", null), received("later\n")));
            String t = w.transcriptText();
            w.close();
            return t;
        });
        assertThat(text).doesNotContain("100 bytes").contains("R: first\\n")
                .contains("(70,000 bytes not shown here: the peer sends faster than this window shows)")
                .endsWith("R: later\\n\n");
    }

    @Test
    void aLongTranscriptKeepsItsNewestWholeLinesAndSaysTheRestWent() {
        PeerWatchWindow w = window();
        Object[] seen = GuiActionRunner.execute(() -> {
            List<ServerEvent> batch = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                batch.add(received(String.format("line %05d %s%n", i, "y".repeat(20))));
            }
            w.onEvents(batch);
            Object[] out = {w.transcriptText(), w.droppedNote()};
            w.close();
            return out;
        });
        String text = (String) seen[0];
        assertThat(text.length()).isLessThanOrEqualTo(PeerWatchWindow.MAX_CHARS);
        assertThat(text).as("starts with a whole line").matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  R: line \\d{5} .*")
                .endsWith("R: line 19999 " + "y".repeat(20) + "\\n\n");
        assertThat((String) seen[1]).startsWith("Older lines are not kept");
    }

    @Test
    void aReadTooLongToDrawGoesOnLinesUnderItsFirst() {
        PeerWatchWindow w = window();
        String text = GuiActionRunner.execute(() -> {
            w.onEvents(List.of(received("z".repeat(2_500))));
            String t = w.transcriptText();
            w.close();
            return t;
        });
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  R: z{" + LongLines.MAX_COLUMNS + "}");
        int indent = lines[0].indexOf('z');
        assertThat(lines[1]).isEqualTo(" ".repeat(indent) + "z".repeat(LongLines.MAX_COLUMNS));
        assertThat(lines[2]).isEqualTo(" ".repeat(indent) + "z".repeat(500));
    }
}
