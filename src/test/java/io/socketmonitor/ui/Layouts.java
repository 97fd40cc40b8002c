package io.socketmonitor.ui;

import java.awt.Component;
import java.awt.Container;

/** Lays out a component tree that is not in a shown window (validate() does nothing there). */
public final class Layouts {
    private Layouts() {
    }

    /** What validate() does in a shown window: each container lays out its children, top down. */
    public static void layOut(Component c) {
        if (c instanceof Container k) {
            k.doLayout();
            for (Component child : k.getComponents()) {
                layOut(child);
            }
        }
    }
}
