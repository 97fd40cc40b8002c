package io.socketmonitor.ui;

import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import javax.swing.JFrame;
import javax.swing.JSplitPane;

/**
 * Where the window and its two dividers were last time, put back; on the first run a size
 * that fits the peer table beside the lecture, and never larger than the screen.
 */
final class WindowGeometry {
    /** The first window: wide enough for the peer table's nine columns beside the lecture. */
    static final Dimension DEFAULT_SIZE = new Dimension(1280, 820);
    static final Dimension MINIMUM_SIZE = new Dimension(760, 520);
    /** Without remembered positions, the table and the peers get this share. */
    private static final double FIRST_PROPORTION = 0.64;

    private final Prefs prefs;
    private final JFrame frame;
    private final JSplitPane mainSplit;
    private final JSplitPane peerSplit;

    WindowGeometry(Prefs prefs, JFrame frame, JSplitPane mainSplit, JSplitPane peerSplit) {
        this.prefs = prefs;
        this.frame = frame;
        this.mainSplit = mainSplit;
        this.peerSplit = peerSplit;
    }

    void restore() {
        Rectangle r = prefs.bounds();
        if (r != null && onScreen(r)) {
            frame.setBounds(r);
        } else {
            // A 1366 x 768 laptop has less height than the default.
            Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
            frame.setSize(new Dimension(Math.min(DEFAULT_SIZE.width, screen.width),
                    Math.min(DEFAULT_SIZE.height, screen.height)));
            frame.setLocationByPlatform(true);
        }
        frame.setMinimumSize(MINIMUM_SIZE);
        if (prefs.maximized()) {
            frame.setExtendedState(Frame.MAXIMIZED_BOTH);
        }
        restore(mainSplit, "main");
        restore(peerSplit, "peers");
    }

    void save() {
        boolean max = (frame.getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
        prefs.maximized(max);
        if (!max) {
            prefs.bounds(frame.getBounds());
        }
        prefs.saveSplit("main", mainSplit.getDividerLocation());
        prefs.saveSplit("peers", peerSplit.getDividerLocation());
    }

    private void restore(JSplitPane split, String name) {
        int at = prefs.split(name, -1);
        if (at > 0) {
            split.setDividerLocation(at);
        } else {
            divideWhenSized(split, FIRST_PROPORTION);
        }
    }

    /** A proportional divider needs a size: set it once the split pane has one. */
    private static void divideWhenSized(JSplitPane split, double proportion) {
        split.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (split.getWidth() > 0 && split.getHeight() > 0) {
                    split.setDividerLocation(proportion);
                    split.removeComponentListener(this);
                }
            }
        });
    }

    /** A window remembered on a monitor that is gone would open where no one can see it. */
    private static boolean onScreen(Rectangle r) {
        try {
            for (var device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
                if (device.getDefaultConfiguration().getBounds().intersects(r)) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }
}
