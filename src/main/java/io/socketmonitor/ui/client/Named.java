package io.socketmonitor.ui.client;

import javax.swing.JComponent;

/** Gives a control the name tests find it by and the name screen readers say. */
final class Named {
    private Named() {}

    static <T extends JComponent> T name(T component, String name, String accessibleName) {
        component.setName(name);
        component.getAccessibleContext().setAccessibleName(accessibleName);
        return component;
    }

    static <T extends JComponent> T name(T component, String name, String accessibleName, String tooltip) {
        component.setToolTipText(tooltip);
        return name(component, name, accessibleName);
    }
}
