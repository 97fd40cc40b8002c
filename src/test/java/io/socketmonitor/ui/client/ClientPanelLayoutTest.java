package io.socketmonitor.ui.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLightLaf;
import io.socketmonitor.ui.GuiTest;
import io.socketmonitor.ui.Layouts;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test client in the window's side tab: no control cut, and the load section's Run reachable. */
@GuiTest
class ClientPanelLayoutTest {
    /** Fields that may give way in a narrow tab, and how far. */
    private static final Map<String, Integer> MAY_SHRINK_TO = Map.of("clientHost", 90, "clientSend", 100);

    @BeforeAll
    static void lookAndFeel() {
        GuiActionRunner.execute(() -> {
            UIManager.setLookAndFeel(new FlatLightLaf()); // the app's fonts, not Cacio's Metal
            return null;
        });
    }

    /** How the pane fits a side tab of the given size. */
    private record Fit(List<String> cut, boolean scrollsSideways, boolean scrollsDown, boolean runShowsWhole) {}

    private static Fit fitIn(int width, int height) {
        return GuiActionRunner.execute(() -> {
            ClientPanel panel = new ClientPanel();
            panel.showLoad(true);
            JScrollPane tab = new JScrollPane(panel);
            tab.setSize(width, height);
            Layouts.layOut(tab);
            Layouts.layOut(tab); // the second pass sees the viewport's size, as a shown window's would
            List<String> cut = new ArrayList<>();
            collectCut(panel, panel, cut);
            Component run = find(panel, "loadRun");
            Rectangle runBounds = SwingUtilities.convertRectangle(run.getParent(), run.getBounds(), panel);
            panel.scrollRectToVisible(runBounds);
            Rectangle seen = tab.getViewport().getViewRect();
            return new Fit(cut, panel.getWidth() > tab.getViewport().getWidth(),
                    panel.getHeight() > tab.getViewport().getHeight(), seen.contains(runBounds));
        });
    }

    private static Component find(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            Component found = child instanceof Container inner ? find(inner, name) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Buttons, fields, combo boxes and spinners narrower than they ask, or past the pane's right edge. */
    private static void collectCut(ClientPanel panel, Container c, List<String> out) {
        for (Component child : c.getComponents()) {
            if (!child.isVisible()) {
                continue;
            }
            boolean control = child instanceof AbstractButton || child instanceof JTextField
                    || child instanceof JComboBox || child instanceof JSpinner;
            if (control && !(child.getParent() instanceof JComboBox) && !(child.getParent() instanceof JSpinner.DefaultEditor)) {
                Rectangle r = SwingUtilities.convertRectangle(c, child.getBounds(), panel);
                String name = child.getName() != null ? child.getName() : child.getClass().getSimpleName();
                Integer shrinksTo = child.getName() == null ? null : MAY_SHRINK_TO.get(child.getName());
                int needs = shrinksTo != null ? shrinksTo : child.getPreferredSize().width;
                if (r.width < needs) {
                    out.add(name + " is " + r.width + " px wide, needs " + needs);
                }
                if (r.x + r.width > panel.getWidth()) {
                    out.add(name + " ends at " + (r.x + r.width) + " > " + panel.getWidth());
                }
            }
            // A combo box's, a spinner's and a scroll bar's own parts are sized by their owner.
            if (child instanceof Container inner && !(child instanceof JComboBox) && !(child instanceof JSpinner)
                    && !(child instanceof javax.swing.JScrollBar)) {
                collectCut(panel, inner, out);
            }
        }
    }

    @Test
    void inTheDefaultWindowsSideTabNothingIsCutAndRunIsAScrollAway() {
        Fit fit = fitIn(450, 320); // the Test client tab of a 1280 x 820 window

        assertThat(fit.cut()).as("controls cut").isEmpty();
        assertThat(fit.scrollsSideways()).as("scrolls sideways").isFalse();
        assertThat(fit.scrollsDown()).as("scrolls down to the load section").isTrue();
        assertThat(fit.runShowsWhole()).as("Run shows whole once scrolled to").isTrue();
    }

    @Test
    void inANarrowTabItScrollsSidewaysRatherThanCutAButton() {
        Fit fit = fitIn(300, 320);

        assertThat(fit.cut()).as("controls cut").isEmpty();
        assertThat(fit.scrollsSideways()).as("scrolls sideways").isTrue();
        assertThat(fit.runShowsWhole()).isTrue();
    }

    @Test
    void inATallTabItFillsTheTabWithoutScrolling() {
        Fit fit = fitIn(600, 900);

        assertThat(fit.cut()).isEmpty();
        assertThat(fit.scrollsSideways()).isFalse();
        assertThat(fit.scrollsDown()).isFalse();
        assertThat(fit.runShowsWhole()).isTrue();
    }
}
