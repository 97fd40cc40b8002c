package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javax.swing.JLabel;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** "Disconnected 3 peers." answers a click, then goes: it stood for minutes before. */
@GuiTest
class ActionNoteTest {

    private static String text(JLabel label) {
        return GuiActionRunner.execute(label::getText);
    }

    @Test
    void aNoteStandsAWhileThenTheLabelRestsAndClearEndsItAtOnce() {
        JLabel label = GuiActionRunner.execute(() -> new JLabel(" "));
        ActionNote note = GuiActionRunner.execute(() -> new ActionNote(label, " ", 400));

        GuiActionRunner.execute(() -> note.say("Disconnected 3 peers."));
        assertThat(text(label)).isEqualTo("Disconnected 3 peers.");
        await().atMost(Duration.ofSeconds(5)).until(() -> text(label).equals(" "));

        GuiActionRunner.execute(() -> note.say("Sent 7 bytes to 2 peers."));
        GuiActionRunner.execute(() -> note.clear());
        assertThat(text(label)).as("cleared at once").isEqualTo(" ");
    }

    @Test
    void workUnderWayStandsUntilItsOutcomeReplacesIt() {
        JLabel saving = GuiActionRunner.execute(() -> new JLabel(" "));
        JLabel sent = GuiActionRunner.execute(() -> new JLabel(" "));
        ActionNote onSaving = GuiActionRunner.execute(() -> new ActionNote(saving, " ", 400));
        ActionNote onSent = GuiActionRunner.execute(() -> new ActionNote(sent, " ", 400));

        GuiActionRunner.execute(() -> {
            onSaving.say("Saved the last file."); // a note's timer, then work that takes longer
            onSaving.working("Saving\u2026");
            onSent.say("Sent 7 bytes.");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> text(sent).equals(" ")); // a note's while is over
        assertThat(text(saving)).isEqualTo("Saving\u2026");

        GuiActionRunner.execute(() -> onSaving.say("Saved 3 lines."));
        await().atMost(Duration.ofSeconds(5)).until(() -> text(saving).equals(" "));
    }
}
