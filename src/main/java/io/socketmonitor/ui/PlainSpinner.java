package io.socketmonitor.ui;

import javax.swing.JComponent;
import javax.swing.JSpinner;
import javax.swing.SpinnerModel;
import javax.swing.SpinnerNumberModel;

/**
 * A whole-number spinner that shows 8080, not the locale's "8,080". Its editor is made once: the
 * default one, made and then replaced, was most of each spinner's cost while the window opens
 * (docs/performance.md, section 4).
 */
public final class PlainSpinner extends JSpinner {
    public PlainSpinner(int value, int min, int max) {
        super(new SpinnerNumberModel(value, min, max, 1));
    }

    /**
     * Also called by {@code setModel}, which would then replace the editor and what callers set on
     * its field (name, columns, listeners): give a spinner its model once, here.
     */
    @Override
    protected JComponent createEditor(SpinnerModel model) {
        return new NumberEditor(this, "#");
    }
}
