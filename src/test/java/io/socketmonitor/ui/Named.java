package io.socketmonitor.ui;

import java.awt.Component;
import java.awt.Container;

/** Finds a component by name in a tree not shown in a window (where AssertJ's finders look). */
final class Named {
    private Named() {}

    /** The first component below {@code root} named {@code name}, depth first; null if none. */
    @SuppressWarnings("unchecked")
    static <T extends Component> T find(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName())) {
                return (T) child;
            }
            if (child instanceof Container c) {
                T found = find(c, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
