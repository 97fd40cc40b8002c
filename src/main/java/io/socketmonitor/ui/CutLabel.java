package io.socketmonitor.ui;

import javax.swing.Icon;
import javax.swing.JLabel;

/** A label that shows its whole text on hover when its panel cuts it (a long peer address, an error). */
public class CutLabel extends SteadyLabel {
    private static final long serialVersionUID = 1L;

    public CutLabel(String text, Icon icon) {
        super(text, icon, JLabel.LEADING);
        javax.swing.ToolTipManager.sharedInstance().registerComponent(this);
    }

    @Override
    public String getToolTipText() {
        return getVisibleRect().width < getPreferredSize().width ? getText() : null;
    }
}
