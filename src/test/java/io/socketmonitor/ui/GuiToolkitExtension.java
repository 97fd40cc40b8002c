package io.socketmonitor.ui;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Chooses the AWT toolkit before any window exists: Cacio (exactly what {@code @CacioTest}'s
 * {@code CacioExtension} does, by loading that class) by default, or the real display when the
 * system property {@code gui.real.display} is true. The first toolkit loaded in a JVM wins, so
 * GUI tests run in a fork of their own.
 */
public final class GuiToolkitExtension implements BeforeAllCallback {
    public static final boolean REAL_DISPLAY = Boolean.getBoolean("gui.real.display");

    static {
        if (!REAL_DISPLAY) {
            try {
                Class.forName("com.github.caciocavallosilano.cacio.ctc.junit.CacioExtension", true,
                        GuiToolkitExtension.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private static boolean reported;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!reported) {
            reported = true;
            System.out.println("GUI tests on " + java.awt.Toolkit.getDefaultToolkit().getClass().getName()
                    + (REAL_DISPLAY ? " (real display " + System.getenv("DISPLAY") + ")" : " (Cacio)"));
        }
    }
}
