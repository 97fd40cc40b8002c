package io.socketmonitor.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/** The two FlatLaf themes the user picks from. */
public final class Themes {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    /**
     * A component's FlatLaf style class. Code and bytes set in it keep their fixed-width font
     * through a theme switch, which resets any font the LAF itself supplied.
     */
    public static final String STYLE_CLASS = "FlatLaf.styleClass";
    public static final String MONOSPACED = "monospaced";

    private Themes() {}

    /** Installs the theme (before any window exists, or followed by {@link #apply}). Unknown names mean light. */
    public static void install(String theme) {
        if (DARK.equals(theme)) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /** Switches a running app to the theme; on the EDT. */
    public static void apply(String theme) {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("Themes.apply must run on the EDT");
        }
        install(theme);
        FlatLaf.updateUI();
    }

    /** Points the text may grow or shrink by, from the theme's own size. */
    public static final int MIN_TEXT_STEP = -4;
    public static final int MAX_TEXT_STEP = 10; // +10 points: a projector's back row; more pushes controls off a 1280 px window

    /**
     * Makes every text {@code points} larger (smaller when negative) than the theme's, code and
     * bytes too (their style class is relative to it): for a projector, or a small screen. Kept
     * through a theme switch (a value the application puts wins over the theme's). On the EDT;
     * windows already open follow with {@link FlatLaf#updateUI}.
     */
    public static void textSize(int points) {
        UIManager.put("defaultFont", null); // the theme's own again
        if (points != 0) {
            java.awt.Font base = UIManager.getFont("defaultFont");
            if (base != null) {
                UIManager.put("defaultFont", base.deriveFont(Math.max(6f, base.getSize2D() + points)));
            }
        }
    }

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    public static String current() {
        return isDark() ? DARK : LIGHT;
    }

    /** WCAG's minimum contrast for normal text (AA). */
    static final double READABLE_CONTRAST = 4.5;

    /**
     * Red for error text. FlatLaf's error colours are for borders: the dark theme's is #8B3C3C,
     * 1.4:1 on its panels, so the text is lightened (darkened on light) until it reads.
     */
    public static Color errorText() {
        return readable(UIManager.getColor("Component.error.focusedBorderColor"), new Color(0xD0, 0x30, 0x30));
    }

    /** Amber for warnings, made readable as {@link #errorText} is. */
    public static Color warningText() {
        return readable(UIManager.getColor("Component.warning.focusedBorderColor"), new Color(0xC0, 0x80, 0x00));
    }

    /**
     * The quieter colour of hints, remarks and closed peers: the disabled colour read 3.5:1 on
     * the panels (#808080 on #F2F2F2), so it is darkened (lightened on dark) until it reads.
     */
    public static Color secondaryText(Color background) {
        Color disabled = UIManager.getColor("Label.disabledForeground");
        return readableOn(disabled != null ? disabled : Color.GRAY, background);
    }

    private static Color readable(Color wanted, Color fallback) {
        Color c = wanted != null ? wanted : fallback;
        Color background = UIManager.getColor("Panel.background");
        return background == null ? c : readableOn(c, background);
    }

    /** {@code wanted}, moved toward black (white on dark) until it reads on {@code background}. */
    public static Color readableOn(Color wanted, Color background) {
        Color c = wanted;
        Color toward = luminance(background) < 0.18 ? Color.WHITE : Color.BLACK;
        for (int step = 0; step < 20 && contrast(c, background) < READABLE_CONTRAST; step++) {
            c = mix(c, toward, 0.1);
        }
        return new Color(c.getRGB()); // not a UIResource: a theme switch must not reset it unseen
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** The WCAG 2 contrast ratio of two colours, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
