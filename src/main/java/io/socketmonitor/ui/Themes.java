package io.socketmonitor.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.SwingUtilities;

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

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    public static String current() {
        return isDark() ? DARK : LIGHT;
    }
}
