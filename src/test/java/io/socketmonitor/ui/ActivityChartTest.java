package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.RepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chart shows each second's sample, and an idle server's flat minute costs no repaint. */
@GuiTest
class ActivityChartTest {
    private final List<JComponent> dirtied = new ArrayList<>(); // EDT only
    private RepaintManager before;
    private JFrame frame;
    private ActivityChart chart;

    @AfterEach
    void restore() {
        GuiActionRunner.execute(() -> {
            RepaintManager.setCurrentManager(before);
            frame.dispose();
        });
    }

    private void show() {
        GuiActionRunner.execute(() -> {
            chart = new ActivityChart();
            frame = new JFrame("chart");
            frame.add(chart);
            frame.pack();
            frame.setVisible(true);
            before = RepaintManager.currentManager(chart);
            RepaintManager.setCurrentManager(new RepaintManager() {
                @Override
                public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
                    dirtied.add(c);
                    super.addDirtyRegion(c, x, y, w, h);
                }
            });
        });
    }

    /** Whether one more sample asked for the chart to be painted again. */
    private boolean repaintsFor(long rate, long open) {
        return GuiActionRunner.execute(() -> {
            dirtied.clear();
            chart.sample(rate, open);
            return dirtied.contains(chart);
        });
    }

    @Test
    void aFlatMinuteIsNotRepaintedButAnyActivityIsUntilItScrollsOut() {
        show();
        for (int second = 1; second <= ActivityChart.SECONDS; second++) {
            assertThat(repaintsFor(0, 0)).as("second %d: the line still grows to the left", second).isTrue();
        }
        assertThat(repaintsFor(0, 0)).as("a full minute of nothing, then nothing again").isFalse();

        assertThat(repaintsFor(3, 1)).as("a connection").isTrue();
        assertThat(GuiActionRunner.execute(chart::latestRate)).isEqualTo(3);
        for (int second = 1; second <= ActivityChart.SECONDS; second++) {
            assertThat(repaintsFor(0, 0)).as("second %d after it: it is still on the chart", second).isTrue();
        }
        assertThat(repaintsFor(0, 0)).as("once it scrolled out").isFalse();
        assertThat(repaintsFor(0, 2)).as("two peers open, no new connection").isTrue();
    }
}
