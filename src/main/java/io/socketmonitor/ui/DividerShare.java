package io.socketmonitor.ui;

import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import javax.swing.JSplitPane;
import javax.swing.plaf.basic.BasicSplitPaneUI;

/**
 * Keeps a split pane's divider at the share of the room the user last gave it, however the
 * window is resized, within what each side needs at least. With a fixed resize weight alone,
 * making the window small (where the sides' minimum sizes push the divider) and large again left
 * the peer table 190 px narrower than before. EDT only.
 */
final class DividerShare {
    private final JSplitPane split;
    /** The share to keep; negative until the split has a size to take it from. */
    private double share = -1;
    private final MouseListener dragged = new MouseAdapter() {
        @Override
        public void mouseReleased(MouseEvent e) {
            share = current(); // the user's own choice
        }
    };

    private DividerShare(JSplitPane split) {
        this.split = split;
    }

    /** Starts keeping {@code split}'s share: the one it has once sized, then each the user drags to. */
    static DividerShare keep(JSplitPane split) {
        DividerShare d = new DividerShare(split);
        split.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (d.share < 0) {
                    // The first size: the remembered or first-run divider (set by a listener of its
                    // own, maybe after this one) is the share to keep.
                    javax.swing.SwingUtilities.invokeLater(() -> d.share = d.current());
                } else {
                    d.apply();
                }
            }
        });
        d.listenToDivider();
        split.addPropertyChangeListener("UI", e -> d.listenToDivider()); // a theme change makes a new divider
        return d;
    }

    private void listenToDivider() {
        if (split.getUI() instanceof BasicSplitPaneUI ui && ui.getDivider() != null) {
            ui.getDivider().removeMouseListener(dragged);
            ui.getDivider().addMouseListener(dragged);
        }
    }

    /** The divider's share of the room, as it stands. */
    double current() {
        int room = room();
        return room <= 0 ? 0.5 : Math.max(0.1, Math.min(0.9, split.getDividerLocation() / (double) room));
    }

    /** Puts the divider at the share kept, within what each side needs at least. */
    void apply() {
        int room = room();
        if (room <= 0) {
            return;
        }
        int at = (int) Math.round(room * (share >= 0 ? share : current())); // not known yet: where it stands
        int min = split.getMinimumDividerLocation();
        int max = split.getMaximumDividerLocation();
        // Too little room for both minimums (a small window, large text): the second side (the
        // log, the test client) keeps its own, the first (a scrolling table) gives way.
        split.setDividerLocation(max < min ? max : Math.max(min, Math.min(max, at)));
    }

    private int room() {
        return (split.getOrientation() == JSplitPane.VERTICAL_SPLIT ? split.getHeight() : split.getWidth())
                - split.getDividerSize();
    }
}
