package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.event.MouseWheelEvent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import net.miginfocom.swing.MigLayout;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** The wheel over a pane inside a scrolling tab scrolls the tab once the pane is at its edge. */
@GuiTest
class NestedScrollTest {

    /** A 300 x 200 tab holding a 1000 px tall page with a text pane of the given line count at its top. */
    private record Tab(JScrollPane outer, JScrollPane inner) {
        static Tab withInnerLines(int lines) {
            JTextArea text = new JTextArea("line\n".repeat(lines), 4, 20);
            JScrollPane inner = new JScrollPane(text);
            NestedScroll.passWheelOn(inner);
            JPanel page = new JPanel(new MigLayout("wrap 1", "[grow,fill]"));
            page.add(inner, "h 80!");
            page.add(new JPanel(), "h 900!");
            JScrollPane outer = new JScrollPane(page);
            outer.setSize(new Dimension(300, 200));
            Layouts.layOut(outer);
            Layouts.layOut(outer);
            return new Tab(outer, inner);
        }

        /** One notch of the wheel over the inner pane: +1 down, -1 up. */
        void wheel(int notches) {
            inner.dispatchEvent(new MouseWheelEvent(inner, MouseWheelEvent.MOUSE_WHEEL, System.currentTimeMillis(), 0,
                    10, 10, 0, false, MouseWheelEvent.WHEEL_UNIT_SCROLL, 3, notches));
        }

        int outerAt() {
            return outer.getVerticalScrollBar().getValue();
        }

        int innerAt() {
            return inner.getVerticalScrollBar().getValue();
        }
    }

    @Test
    void aPaneWithNothingToScrollPassesTheWheelToTheTab() {
        int[] at = GuiActionRunner.execute(() -> {
            Tab tab = Tab.withInnerLines(1);
            tab.wheel(1);
            int down = tab.outerAt();
            tab.wheel(-1);
            return new int[] {down, tab.outerAt()};
        });
        assertThat(at[0]).as("tab after a notch down").isPositive();
        assertThat(at[1]).as("tab after a notch back up").isZero();
    }

    @Test
    void aPaneWithMoreToShowScrollsItselfFirstThenTheTab() {
        int[] at = GuiActionRunner.execute(() -> {
            Tab tab = Tab.withInnerLines(200);
            tab.wheel(1);
            int innerFirst = tab.innerAt();
            int outerFirst = tab.outerAt();
            javax.swing.JScrollBar bar = tab.inner().getVerticalScrollBar();
            bar.setValue(bar.getMaximum()); // the inner pane at its bottom
            tab.wheel(1);
            return new int[] {innerFirst, outerFirst, tab.outerAt()};
        });
        assertThat(at[0]).as("inner pane after the first notch").isPositive();
        assertThat(at[1]).as("tab after the first notch").isZero();
        assertThat(at[2]).as("tab once the inner pane is at its bottom").isPositive();
    }
}
