package io.socketmonitor.ui;

import javax.swing.JLabel;
import javax.swing.Timer;

/**
 * A label that answers what the user just did ("Disconnected 3 peers.", "Saved 5,000 lines…")
 * and clears itself a while later: such a note left standing for minutes read as news about
 * whatever came after. EDT only.
 */
final class ActionNote {
    /** How long a note stands: long enough to read twice. */
    static final int MILLIS = 10_000;
    private final JLabel label;
    private final String resting;
    private final Timer clear;

    /** {@code resting}: the text between notes (" " keeps a label's height). */
    ActionNote(JLabel label, String resting, int millis) {
        this.label = label;
        this.resting = resting;
        this.clear = new Timer(millis, e -> label.setText(resting));
        clear.setRepeats(false);
    }

    ActionNote(JLabel label, String resting) {
        this(label, resting, MILLIS);
    }

    void say(String text) {
        label.setText(text);
        clear.restart();
    }

    /** Work under way ("Saving…"): it stands until the outcome replaces it, however long that takes. */
    void working(String text) {
        clear.stop();
        label.setText(text);
    }

    /** Back to the resting text at once (a new run starts). */
    void clear() {
        clear.stop();
        label.setText(resting);
    }
}
