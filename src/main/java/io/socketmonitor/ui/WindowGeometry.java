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
    /**
     * Without remembered positions: the table and the lecture get this share of the height (the
     * lecture's eight steps fit at the default size), and the table this share of the width.
     */
    private static final double FIRST_HEIGHT_SHARE = 0.70;
    private static final double FIRST_WIDTH_SHARE = 0.64;

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
        Rectangle screen = r == null ? null : usableScreenUnder(r);
        if (screen != null) {
            // Remembered on a larger screen, or at another scale: shrunk and moved onto this one.
            frame.setBounds(fit(r, screen));
        } else {
            // A 1366 x 768 laptop has less height than the default.
            screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
            frame.setSize(new Dimension(Math.min(DEFAULT_SIZE.width, screen.width),
                    Math.min(DEFAULT_SIZE.height, screen.height)));
            frame.setLocationByPlatform(true);
        }
        // At 200 % a 1920 x 1080 screen is 960 x 540 for Swing: a larger minimum would cut the window.
        frame.setMinimumSize(new Dimension(Math.min(MINIMUM_SIZE.width, screen.width),
                Math.min(MINIMUM_SIZE.height, screen.height)));
        if (prefs.maximized()) {
            frame.setExtendedState(Frame.MAXIMIZED_BOTH);
        }
        restore(mainSplit, "main", FIRST_HEIGHT_SHARE);
        restore(peerSplit, "peers", FIRST_WIDTH_SHARE);
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

    private void restore(JSplitPane split, String name, double firstShare) {
        int at = prefs.split(name, -1);
        if (at > 0) {
            split.setDividerLocation(at);
        } else {
            divideWhenSized(split, firstShare);
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

    /** {@code r} made to fit inside {@code screen}: no larger, and moved in where it sticks out. */
    static Rectangle fit(Rectangle r, Rectangle screen) {
        int w = Math.min(r.width, screen.width);
        int h = Math.min(r.height, screen.height);
        int x = Math.max(screen.x, Math.min(r.x, screen.x + screen.width - w));
        int y = Math.max(screen.y, Math.min(r.y, screen.y + screen.height - h));
        return new Rectangle(x, y, w, h);
    }

    /**
     * The usable part (without panels and docks) of the screen {@code r} mostly lies on, or null
     * when it lies on none: a window remembered on a monitor that is gone would open where no
     * one can see it.
     */
    private static Rectangle usableScreenUnder(Rectangle r) {
        Rectangle best = null;
        long bestArea = 0;
        try {
            for (var device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
                var config = device.getDefaultConfiguration();
                Rectangle overlap = config.getBounds().intersection(r);
                long area = overlap.isEmpty() ? 0 : (long) overlap.width * overlap.height;
                if (area > bestArea) {
                    bestArea = area;
                    Rectangle b = config.getBounds();
                    java.awt.Insets in = java.awt.Toolkit.getDefaultToolkit().getScreenInsets(config);
                    best = new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right,
                            b.height - in.top - in.bottom);
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return best;
    }
}
