package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.ServerConfig;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With nothing remembered, the window opens at its default size, or the screen's if smaller. */
@GuiTest
class DefaultWindowSizeTest {
    /** Nothing remembered: a fresh preferences node for each test. */
    private Preferences node;

    /** The app's look, whichever test ran before in this JVM: sizes are the app's, not Metal's. */
    @org.junit.jupiter.api.BeforeAll
    static void flatLaf() {
        GuiActionRunner.execute(() -> Themes.install(Themes.LIGHT));
    }

    @BeforeEach
    void freshPreferences() {
        node = Preferences.userRoot().node("socket-monitor-test/" + UUID.randomUUID());
    }

    @AfterEach
    void removePreferences() throws Exception {
        node.removeNode();
    }

    @Test
    void aFirstStartOpensWideEnoughForTheTableAndNoLargerThanTheScreen() {
        Object[] sizes = GuiActionRunner.execute(() -> {
            MainWindow main = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
            Dimension size = main.frame().getSize();
            main.close();
            return new Object[] {size,
                GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds()};
        });
        Dimension size = (Dimension) sizes[0];
        Rectangle screen = (Rectangle) sizes[1];
        assertThat(size).isEqualTo(new Dimension(Math.min(1280, screen.width), Math.min(820, screen.height)));
    }

    @Test
    void madeSmallAndLargeAgainTheDividersReturnToTheirShare() {
        MainWindow main = GuiActionRunner.execute(() -> {
            MainWindow m = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
            m.frame().setSize(1280, 820);
            Layouts.layOut(m.frame());
            return m;
        });
        try {
            // Each step a turn of the EDT of its own: the splits hear of their new size after it.
            java.util.function.Supplier<int[]> dividers = () -> GuiActionRunner.execute(() -> {
                Layouts.layOut(main.frame());
                javax.swing.JSplitPane mainSplit = Named.find(main.frame().getRootPane(), "mainSplit");
                javax.swing.JSplitPane peerSplit = Named.find(main.frame().getRootPane(), "peerSplit");
                return new int[] {mainSplit.getDividerLocation(), peerSplit.getDividerLocation()};
            });
            dividers.get();
            int[] before = dividers.get();
            GuiActionRunner.execute(() -> main.frame().setSize(900, 600));
            dividers.get();
            int[] small = dividers.get();
            GuiActionRunner.execute(() -> main.frame().setSize(1280, 820));
            dividers.get();
            int[] after = dividers.get();
            assertThat(small[1]).as("the table gave way in the small window").isLessThan(before[1]);
            assertThat(after[0]).as("main divider").isCloseTo(before[0], org.assertj.core.data.Offset.offset(3));
            assertThat(after[1]).as("peer divider").isCloseTo(before[1], org.assertj.core.data.Offset.offset(3));
        } finally {
            GuiActionRunner.execute(main::close);
        }
    }

    @Test
    void theWindowAndItsDividersComeBackWhereTheyWereLeft() {
        Prefs prefs = new Prefs(node);
        prefs.bounds(new Rectangle(20, 30, 900, 650));
        prefs.saveSplit("main", 300);
        prefs.saveSplit("peers", 420);
        Object[] seen = GuiActionRunner.execute(() -> {
            MainWindow main = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
            Layouts.layOut(main.frame());
            javax.swing.JSplitPane mainSplit = Named.find(main.frame().getRootPane(), "mainSplit");
            javax.swing.JSplitPane peerSplit = Named.find(main.frame().getRootPane(), "peerSplit");
            Object[] out = {main.frame().getBounds(), mainSplit.getDividerLocation(), peerSplit.getDividerLocation()};
            main.close();
            return out;
        });
        assertThat(seen).containsExactly(new Rectangle(20, 30, 900, 650), 300, 420);
    }

    /** A window at the default size, laid out with the Test client tab in front; on the EDT. */
    private MainWindow withTestClientTab() {
        MainWindow main = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
        javax.swing.JTabbedPane side = Named.find(main.frame().getRootPane(), "sideTabs");
        side.setSelectedIndex(side.indexOfTab("Test client"));
        Layouts.layOut(main.frame());
        Layouts.layOut(main.frame()); // scroll panes settle on the second pass, as when shown
        return main;
    }

    /** Visible, and so is every container it is in (the window itself is laid out, not shown). */
    private static boolean shown(java.awt.Component c) {
        for (java.awt.Component at = c; at != null; at = at.getParent()) {
            if (!at.isVisible() && !(at instanceof java.awt.Window)) {
                return false;
            }
        }
        return true;
    }

    /** Of the components named, those not whole in their side tab's viewport. */
    private static List<String> notInView(MainWindow main, List<String> names) {
        List<String> out = new java.util.ArrayList<>();
        for (String name : names) {
            if (!inView(Named.find(main.frame().getRootPane(), name))) {
                out.add(name);
            }
        }
        return out;
    }

    /** Whether {@code c} shows whole in the side tab's viewport, without scrolling. */
    private static boolean inView(java.awt.Component c) {
        javax.swing.JViewport tab = (javax.swing.JViewport)
                javax.swing.SwingUtilities.getAncestorOfClass(javax.swing.JViewport.class, c);
        return shown(c) && tab.getViewRect().contains(
                javax.swing.SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), tab.getView()));
    }

    @Test
    void atTheDefaultSizeTheLecturesEightStepsShowWithoutScrolling() {
        MainWindow main = GuiActionRunner.execute(() -> {
            MainWindow m = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
            Layouts.layOut(m.frame());
            return m;
        });
        // A second turn of the EDT: the split panes' first resize sets their dividers.
        List<String> hidden = GuiActionRunner.execute(() -> {
            Layouts.layOut(main.frame());
            Layouts.layOut(main.frame());
            List<String> names = new java.util.ArrayList<>();
            for (LecturePanel.Step step : LecturePanel.Step.values()) {
                names.add("step." + step.name().toLowerCase());
                names.add("code." + step.name().toLowerCase());
            }
            List<String> out = notInView(main, names);
            main.close();
            return out;
        });
        assertThat(hidden).as("out of view or cut").isEmpty();
    }

    @Test
    void atTheDefaultSizeTheTestClientShowsAWholeConversationWithoutScrolling() {
        List<String> hidden = GuiActionRunner.execute(() -> {
            MainWindow main = withTestClientTab();
            List<String> out = notInView(main, List.of("clientHost", "clientConnect", "clientToLoad", "clientStatus",
                    "clientSend", "clientSendButton", "clientClear", "clientSave"));
            main.close();
            return out;
        });
        assertThat(hidden).as("out of view or cut").isEmpty();
    }

    @Test
    void madeSmallTheTestClientStillFitsSidewaysAndTheLogShowsThreeLines() {
        Object[] seen = GuiActionRunner.execute(() -> {
            MainWindow main = withTestClientTab();
            main.frame().setSize(900, 600); // the user makes the window smaller
            Layouts.layOut(main.frame());
            Layouts.layOut(main.frame());
            java.awt.Component host = Named.find(main.frame().getRootPane(), "clientHost");
            javax.swing.JViewport tab = (javax.swing.JViewport)
                    javax.swing.SwingUtilities.getAncestorOfClass(javax.swing.JViewport.class, host);
            javax.swing.JList<?> log = Named.find(main.frame().getRootPane(), "log");
            javax.swing.JViewport logView = (javax.swing.JViewport) log.getParent();
            Object[] out = {tab.getView().getWidth() - tab.getWidth(),
                notInView(main, List.of("clientHost", "clientPort", "clientFollow", "clientConnect", "clientDisconnect",
                        "clientToLoad")),
                logView.getHeight() / log.getFixedCellHeight()};
            main.close();
            return out;
        });
        assertThat((Integer) seen[0]).as("the client tab's width past its view").isLessThanOrEqualTo(0);
        assertThat((List<?>) seen[1]).as("out of view or cut").isEmpty();
        assertThat((Integer) seen[2]).as("log lines in view").isGreaterThanOrEqualTo(3);
    }

    /** Whole log lines and peer rows in view at {@code width} x {@code height}, text {@code steps} larger. */
    private int[] linesAndRowsAt(int width, int height, int steps) {
        MainWindow main = GuiActionRunner.execute(() -> {
            MainWindow m = withTestClientTab();
            m.frame().setSize(width, height);
            Layouts.layOut(m.frame());
            for (int i = 0; i < steps; i++) {
                m.changeTextSize(+1); // View > Larger text: a projector's back row
            }
            return m;
        });
        try {
            GuiActionRunner.execute(() -> Layouts.layOut(main.frame())); // the split hears of its new size
            return GuiActionRunner.execute(() -> { // and puts its divider back within the minimums
                Layouts.layOut(main.frame());
                javax.swing.JList<?> log = Named.find(main.frame().getRootPane(), "log");
                javax.swing.JTable table = Named.find(main.frame().getRootPane(), "peerTable");
                return new int[] {log.getParent().getHeight() / log.getFixedCellHeight(),
                    table.getParent().getHeight() / table.getRowHeight()};
            });
        } finally {
            GuiActionRunner.execute(() -> {
                main.close();
                Themes.textSize(0);
                com.formdev.flatlaf.FlatLaf.updateUI();
            });
        }
    }

    @Test
    void madeSmallWithLargerTextTheLogStillShowsThreeLinesAndTheTableTwoRows() {
        int[] seen = linesAndRowsAt(900, 600, 3);
        assertThat(seen[0]).as("log lines in view").isGreaterThanOrEqualTo(3);
        assertThat(seen[1]).as("peer rows in view").isGreaterThanOrEqualTo(2); // was half of one
    }

    @Test
    void atTheDefaultSizeTheTestClientsRunButtonIsAScrollAwayAndWhole() {
        Object[] seen = GuiActionRunner.execute(() -> {
            MainWindow main = withTestClientTab();
            ((javax.swing.AbstractButton) Named.find(main.frame().getRootPane(), "clientToLoad")).doClick();
            Layouts.layOut(main.frame());
            Layouts.layOut(main.frame());
            java.awt.Component run = Named.find(main.frame().getRootPane(), "loadRun");
            javax.swing.JViewport tab = (javax.swing.JViewport)
                    javax.swing.SwingUtilities.getAncestorOfClass(javax.swing.JViewport.class, run);
            Object[] out = {false, 0, run.getPreferredSize().width}; // no scroll pane: cut off below
            if (tab != null) {
                javax.swing.JComponent pane = (javax.swing.JComponent) tab.getView();
                Rectangle at = javax.swing.SwingUtilities.convertRectangle(run.getParent(), run.getBounds(), pane);
                pane.scrollRectToVisible(at);
                out[0] = tab.getViewRect().contains(at);
                out[1] = at.width;
            }
            main.close();
            return out;
        });
        assertThat((Boolean) seen[0]).as("Run in view once scrolled to").isTrue();
        assertThat((Integer) seen[1]).as("Run's width").isGreaterThanOrEqualTo((Integer) seen[2]);
    }

    /**
     * Alt+letter reaches a button, label, tab or menu anywhere in the window: one letter, one
     * thing. (Alt+C cleared the log when the underlined C said Copy.)
     */
    @Test
    void everyAltLetterInTheWindowDoesOneThing() {
        java.util.Map<Integer, java.util.List<String>> byKey = GuiActionRunner.execute(() -> {
            MainWindow main = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
            java.util.Map<Integer, java.util.List<String>> keys = new java.util.TreeMap<>();
            java.util.function.BiConsumer<Integer, String> put = (k, what) -> {
                if (k != 0) {
                    keys.computeIfAbsent(Character.toUpperCase(k), x -> new java.util.ArrayList<>()).add(what);
                }
            };
            javax.swing.JMenuBar bar = main.frame().getJMenuBar();
            for (int i = 0; i < bar.getMenuCount(); i++) {
                put.accept(bar.getMenu(i).getMnemonic(), "menu " + bar.getMenu(i).getText());
            }
            collectMnemonics(main.frame().getContentPane(), put);
            main.close();
            return keys;
        });
        assertThat(byKey).allSatisfy((key, users) ->
                assertThat(users).as("Alt+" + (char) key.intValue()).hasSize(1));
    }

    /** Within a menu, one letter opens one item: a letter two items share only moves between them. */
    @Test
    void everyMenuItemsLetterIsItsOwnInItsMenu() {
        java.util.List<String> clashes = GuiActionRunner.execute(() -> {
            MainWindow main = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
            java.util.List<String> out = new java.util.ArrayList<>();
            javax.swing.JMenuBar bar = main.frame().getJMenuBar();
            for (int i = 0; i < bar.getMenuCount(); i++) {
                javax.swing.JMenu menu = bar.getMenu(i);
                java.util.Map<Integer, String> seen = new java.util.HashMap<>();
                for (java.awt.Component c : menu.getMenuComponents()) {
                    if (c instanceof javax.swing.JMenuItem item && item.getMnemonic() != 0) {
                        String before = seen.put(Character.toUpperCase(item.getMnemonic()), item.getText());
                        if (before != null) {
                            out.add(menu.getText() + ": " + before + " and " + item.getText());
                        }
                    }
                }
            }
            main.close();
            return out;
        });
        assertThat(clashes).as("letters two items share").isEmpty();
    }

    private static void collectMnemonics(java.awt.Container c, java.util.function.BiConsumer<Integer, String> put) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof javax.swing.AbstractButton b) {
                put.accept(b.getMnemonic(), "button " + b.getText());
            } else if (child instanceof javax.swing.JLabel l && l.getLabelFor() != null) {
                put.accept(l.getDisplayedMnemonic(), "label " + l.getText());
            } else if (child instanceof javax.swing.JTabbedPane t) {
                for (int i = 0; i < t.getTabCount(); i++) {
                    put.accept(t.getMnemonicAt(i) < 0 ? 0 : t.getMnemonicAt(i), "tab " + t.getTitleAt(i));
                }
            }
            if (child instanceof java.awt.Container cc) {
                collectMnemonics(cc, put);
            }
        }
    }

    @Test
    void atTheDefaultSizeLoadOpensTheLoadSectionAndBringsItIntoView() throws Exception {
        MainWindow main = GuiActionRunner.execute(this::withTestClientTab);
        try {
            java.awt.Component run = GuiActionRunner.execute(() -> Named.find(main.frame().getRootPane(), "loadRun"));
            assertThat(GuiActionRunner.execute(() -> shown(run))).as("Run shown before Load").isFalse();
            GuiActionRunner.execute(() -> {
                ((javax.swing.AbstractButton) Named.find(main.frame().getRootPane(), "clientToLoad")).doClick();
                Layouts.layOut(main.frame());
                Layouts.layOut(main.frame());
            });
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> GuiActionRunner.execute(() -> inView(run)));
        } finally {
            GuiActionRunner.execute(main::close);
        }
    }

    @Test
    void atTheDefaultAndTheNarrowestSizeTheAdvancedSettingsReadWholeAndNothingCoversALabel() {
        assertThat(advancedSettingsProblems(null)).as("default size").isEmpty();
        assertThat(advancedSettingsProblems(new Dimension(760, 520))).as("narrowest").isEmpty();
    }

    /** Labels cut, settings past the panel's edge, and overlaps, with Advanced open at {@code size} (null: default). */
    private java.util.List<String> advancedSettingsProblems(Dimension size) {
        return GuiActionRunner.execute(() -> {
            MainWindow main = MainWindow.create(new Prefs(node), ServerConfig.defaults().withPort(0));
            if (size != null) {
                main.frame().setSize(size);
            }
            ((javax.swing.AbstractButton) Named.find(main.frame().getRootPane(), "advancedToggle")).doClick();
            Layouts.layOut(main.frame());
            javax.swing.JPanel advanced = Named.find(main.frame().getRootPane(), "advanced");
            java.util.List<String> found = new java.util.ArrayList<>();
            java.awt.Component[] parts = advanced.getComponents();
            for (java.awt.Component a : parts) {
                if (a instanceof javax.swing.JLabel l && l.getWidth() < l.getPreferredSize().width) {
                    found.add(l.getText() + " cut to " + l.getWidth() + " px");
                }
                if (advanced.getX() + a.getX() + a.getWidth() > advanced.getParent().getWidth()) {
                    found.add(describe(a) + " past the panel's edge");
                }
                for (java.awt.Component b : parts) {
                    if (a != b && a.getBounds().intersects(b.getBounds()) && a.getX() < b.getX()) {
                        found.add(describe(a) + " overlaps " + describe(b));
                    }
                }
            }
            main.close();
            return found;
        });
    }

    private static String describe(java.awt.Component c) {
        return c instanceof javax.swing.JLabel l ? "\"" + l.getText() + "\"" : c.getClass().getSimpleName();
    }
}
