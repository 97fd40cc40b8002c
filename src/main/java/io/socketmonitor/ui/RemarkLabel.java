package io.socketmonitor.ui;

import java.awt.Color;
import java.awt.Component;

/**
 * A hint or remark, quieter than the text around it yet readable (WCAG AA) on whatever is behind
 * it, in either theme: the disabled colour these used read 3.5:1. Worked out as it paints, so a
 * theme switch needs nothing more.
 */
public class RemarkLabel extends SteadyLabel {
    private static final long serialVersionUID = 1L;

    public RemarkLabel(String text) {
        super(text);
    }

    @Override
    public Color getForeground() {
        Color behind = behind();
        return behind == null ? super.getForeground() : Themes.secondaryText(behind);
    }

    /** The background of the nearest opaque component under this one, itself included. */
    private Color behind() {
        for (Component c = this; c != null; c = c.getParent()) {
            if (c.isOpaque() && c.getBackground() != null) {
                return c.getBackground();
            }
        }
        return null;
    }
}
