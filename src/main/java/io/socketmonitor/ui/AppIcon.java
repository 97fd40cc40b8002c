package io.socketmonitor.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** The window icon: the packaged PNGs (from icons/socket-monitor.svg), or a small one drawn here. */
public final class AppIcon {
    static final String BASE = "/io/socketmonitor/icons/socket-monitor-";
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    /** Decoded once: the window and its About box share them. */
    private static volatile List<Image> images;

    private AppIcon() {}

    /**
     * Every size found on the class path; drawn fallbacks when none is there. Any thread: the
     * window decodes them off the EDT while its theme installs.
     */
    public static List<Image> images() {
        List<Image> decoded = images;
        if (decoded == null) {
            decoded = List.copyOf(load());
            images = decoded;
        }
        return decoded;
    }

    private static List<Image> load() {
        List<Image> out = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream(BASE + size + ".png")) {
                if (in != null) {
                    BufferedImage img = ImageIO.read(in);
                    if (img != null) {
                        out.add(img);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // try the next size
            }
        }
        if (out.isEmpty()) {
            for (int size : new int[] {16, 32, 64, 128}) {
                out.add(draw(size));
            }
        }
        return out;
    }

    /** Two endpoints joined by a signal on a blue rounded tile, like the SVG master. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float s = size / 16f;
            g.setColor(new Color(0x25, 0x63, 0xEB));
            g.fillRoundRect(0, 0, size, size, Math.round(5 * s), Math.round(5 * s));
            g.setColor(Color.WHITE);
            int d = Math.max(3, Math.round(4 * s));
            g.fillOval(Math.round(2 * s), size / 2 - d / 2, d, d);
            g.fillOval(size - Math.round(2 * s) - d, size / 2 - d / 2, d, d);
            g.setStroke(new BasicStroke(Math.max(1f, 1.2f * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int y = size / 2;
            int x0 = Math.round(2 * s) + d;
            int x1 = size - Math.round(2 * s) - d;
            int step = Math.max(1, (x1 - x0) / 4);
            int amp = Math.max(1, Math.round(2 * s));
            int[] xs = {x0, x0 + step, x0 + 2 * step, x0 + 3 * step, x1};
            int[] ys = {y, y - amp, y + amp, y - amp, y};
            g.drawPolyline(xs, ys, xs.length);
        } finally {
            g.dispose();
        }
        return img;
    }
}
