package io.socketmonitor.ui;

import java.awt.event.ActionEvent;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.KeyStroke;

/** Swing actions from a name, a mnemonic, a tooltip, an optional accelerator and what they do. */
final class Actions {
    private Actions() {}

    static Action of(String name, char mnemonic, String tip, KeyStroke key, Runnable run) {
        AbstractAction a = new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        };
        a.putValue(Action.MNEMONIC_KEY, (int) Character.toUpperCase(mnemonic));
        a.putValue(Action.SHORT_DESCRIPTION, tip);
        if (key != null) {
            a.putValue(Action.ACCELERATOR_KEY, key);
        }
        return a;
    }
}
