package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.ServerStats;
import java.awt.Font;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new text of the same size repaints the label only; a longer one lays the window out again
 * and is shown whole. Under a flood the status bar's counters change with every tick, and each
 * layout measured the whole window.
 */
@GuiTest
class SteadyLabelTest {
    private JFrame frame;

    @AfterEach
    void close() {
        GuiActionRunner.execute(() -> {
            if (frame != null) {
                frame.dispose();
            }
        });
    }

    private void show(java.awt.Component c) {
        GuiActionRunner.execute(() -> {
            frame = new JFrame("steady");
            JPanel p = new JPanel(new net.miginfocom.swing.MigLayout());
            p.add(c);
            frame.add(p);
            frame.pack();
            frame.setVisible(true);
            frame.validate();
        });
    }

    @Test
    void aTextOfTheSameSizeLeavesTheWindowLaidOutAndALongerOneIsShownWhole() {
        JLabel label = GuiActionRunner.execute(() -> {
            JLabel l = new SteadyLabel("1 open");
            l.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12)); // every digit as wide as another
            return l;
        });
        show(label);
        boolean stillLaidOut = GuiActionRunner.execute(() -> {
            label.setText("2 open");
            return frame.getContentPane().isValid();
        });
        assertThat(stillLaidOut).as("same size, no new layout").isTrue();
        assertThat(GuiActionRunner.execute(label::getText)).isEqualTo("2 open");

        boolean laidOutAgain = GuiActionRunner.execute(() -> {
            label.setText("12,345 open");
            return !frame.getContentPane().isValid();
        });
        assertThat(laidOutAgain).as("a longer text asks for a layout").isTrue();
        int[] widths = GuiActionRunner.execute(() -> {
            frame.pack();
            return new int[] {label.getWidth(), label.getPreferredSize().width};
        });
        assertThat(widths[0]).as("shown whole").isEqualTo(widths[1]);
    }

    @Test
    void hidingTheLabelGivesItsRoomBack() {
        JLabel[] labels = GuiActionRunner.execute(() -> new JLabel[] {new SteadyLabel("a remark"), new JLabel("the rest")});
        GuiActionRunner.execute(() -> {
            frame = new JFrame("steady");
            JPanel p = new JPanel(new java.awt.BorderLayout());
            p.add(labels[0], java.awt.BorderLayout.NORTH);
            p.add(labels[1], java.awt.BorderLayout.CENTER);
            frame.add(p);
            frame.setSize(300, 200);
            frame.setVisible(true);
            frame.validate();
            labels[0].setVisible(false); // as the log hides a remark it no longer needs
        });
        // the layout asked for runs in a later turn of the EDT
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> GuiActionRunner.execute(() -> labels[1].getY() == 0));
    }

    @Test
    void theStatusBarsCountersTickWithoutLayingOutTheWindow() {
        StatusBar bar = GuiActionRunner.execute(StatusBar::new);
        show(bar);
        Object[] tick = GuiActionRunner.execute(() -> {
            bar.setCounters(8, new ServerStats(1_203, 8, 8, 0, 0, 0, 0), 4_000, 0);
            frame.validate();
            java.awt.Dimension before = bar.getPreferredSize();
            bar.setCounters(8, new ServerStats(1_204, 8, 8, 0, 0, 0, 0), 4_100, 0);
            // asked in the same EDT turn: the repaint manager lays out what was invalidated later
            return new Object[] {before, bar.getPreferredSize(), frame.getContentPane().isValid()};
        });
        assertThat(tick[1]).as("digits of one width (else this test needs another pair of counts)")
                .isEqualTo(tick[0]);
        assertThat(tick[2]).as("same size, no new layout").isEqualTo(true);

        boolean laidOutAgain = GuiActionRunner.execute(() -> {
            bar.setCounters(8, new ServerStats(91_204, 8, 8, 0, 0, 0, 0), 4_100, 0);
            return !frame.getContentPane().isValid();
        });
        assertThat(laidOutAgain).as("two more digits: a layout").isTrue();
    }
}
