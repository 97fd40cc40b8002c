package io.socketmonitor.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import javax.swing.JComponent;
import javax.swing.UIManager;

/** Connections per second and open connections over the last minute, one sample a second. */
public final class ActivityChart extends JComponent {
    public static final int SECONDS = 60;
    private final long[] rate = new long[SECONDS];
    private final long[] open = new long[SECONDS];
    private int next; // ring index of the next sample
    private int count;

    public ActivityChart() {
        setName("activityChart");
        getAccessibleContext().setAccessibleName("Activity chart: connections per second and open connections");
        setToolTipText("Last minute: connections accepted per second (blue) and open connections (orange)");
        setPreferredSize(new Dimension(400, 140));
        setOpaque(true);
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }

    /** Adds one second's sample. */
    public void sample(long connectionsPerSecond, long openNow) {
        // A full minute of nothing looks the same one second later: an idle window need not paint.
        boolean sameFlatLine = count == SECONDS && connectionsPerSecond == 0 && openNow == 0 && allZero();
        rate[next] = connectionsPerSecond;
        open[next] = openNow;
        next = (next + 1) % SECONDS;
        count = Math.min(SECONDS, count + 1);
        if (!sameFlatLine) {
            repaint();
        }
    }

    private boolean allZero() {
        for (int i = 0; i < SECONDS; i++) {
            if (rate[i] != 0 || open[i] != 0) {
                return false;
            }
        }
        return true;
    }

    public int samples() {
        return count;
    }

    public long latestRate() {
        return count == 0 ? 0 : rate[(next - 1 + SECONDS) % SECONDS];
    }

    public void reset() {
        java.util.Arrays.fill(rate, 0);
        java.util.Arrays.fill(open, 0);
        next = 0;
        count = 0;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color bg = UIManager.getColor("Panel.background");
            Color fg = UIManager.getColor("Label.foreground");
            Color grid = UIManager.getColor("Separator.foreground");
            g.setColor(bg != null ? bg : getBackground());
            g.fillRect(0, 0, getWidth(), getHeight());
            int left = 44;
            int right = 10;
            int top = 22;
            int bottom = 18;
            int w = getWidth() - left - right;
            int h = getHeight() - top - bottom;
            if (w < 20 || h < 20) {
                return;
            }
            long max = 1;
            for (int i = 0; i < SECONDS; i++) {
                max = Math.max(max, Math.max(rate[i], open[i]));
            }
            max = niceCeiling(max);
            g.setColor(grid != null ? grid : Color.LIGHT_GRAY);
            for (int k = 0; k <= 4; k++) {
                int y = top + h - h * k / 4;
                g.drawLine(left, y, left + w, y);
            }
            g.setColor(fg != null ? fg : Color.DARK_GRAY);
            g.setFont(getFont() != null ? getFont().deriveFont(Math.max(8f, getFont().getSize2D() - 2)) : g.getFont());
            for (int k = 0; k <= 4; k += 2) {
                int y = top + h - h * k / 4;
                String label = Long.toString(max * k / 4);
                g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), y + 4);
            }
            g.drawString("\u221260 s", left, top + h + 14);
            g.drawString("now", left + w - g.getFontMetrics().stringWidth("now"), top + h + 14);
            Color blue = new Color(0x3B, 0x82, 0xF6);
            Color orange = new Color(0xF5, 0x9E, 0x0B);
            g.setColor(blue);
            g.fillRect(left, 6, 10, 10);
            g.setColor(fg != null ? fg : Color.DARK_GRAY);
            g.drawString("connections/s  " + latestRate(), left + 14, 15);
            int x2 = left + 14 + g.getFontMetrics().stringWidth("connections/s  " + latestRate()) + 16;
            g.setColor(orange);
            g.fillRect(x2, 6, 10, 10);
            g.setColor(fg != null ? fg : Color.DARK_GRAY);
            g.drawString("open  " + (count == 0 ? 0 : open[(next - 1 + SECONDS) % SECONDS]), x2 + 14, 15);
            g.setStroke(new BasicStroke(2f));
            plot(g, rate, blue, left, top, w, h, max);
            plot(g, open, orange, left, top, w, h, max);
        } finally {
            g.dispose();
        }
    }

    private void plot(Graphics2D g, long[] data, Color color, int left, int top, int w, int h, long max) {
        if (count == 0) {
            return;
        }
        Path2D path = new Path2D.Double();
        for (int i = 0; i < count; i++) {
            int idx = (next - count + i + SECONDS) % SECONDS;
            double x = left + w * (double) (SECONDS - count + i) / (SECONDS - 1);
            double y = top + h - h * (double) data[idx] / max;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(color);
        g.draw(path);
        if (count == 1) {
            java.awt.geom.Point2D p = path.getCurrentPoint();
            g.fill(new java.awt.geom.Ellipse2D.Double(p.getX() - 3, p.getY() - 3, 6, 6));
        }
    }

    static long niceCeiling(long v) {
        long p = 1;
        while (p * 10 <= v) {
            p *= 10;
        }
        for (long m : new long[] {1, 2, 4, 6, 8, 10}) { // even, so the middle label is whole
            if (m * p >= v) {
                return Math.max(4, m * p);
            }
        }
        return 10 * p;
    }
}
