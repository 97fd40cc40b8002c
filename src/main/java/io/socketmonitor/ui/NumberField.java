package io.socketmonitor.ui;

import java.util.function.IntFunction;
import javax.swing.JFormattedTextField;
import javax.swing.JSpinner;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * A number spinner that validates what is typed at once (not only on commit): the text is read
 * as the user types, a bad value gets a red outline and a message, and {@link #value()} is null.
 */
final class NumberField {
    final JSpinner spinner;
    private final String what;
    private final int min;
    private final int max;
    private final IntFunction<String> extraCheck;
    private Runnable onChange = () -> {};
    private String error;
    private Integer value;
    private boolean checkScheduled;

    NumberField(String name, String what, int min, int max, int initial, String tooltip) {
        this(name, what, min, max, initial, tooltip, v -> null);
    }

    NumberField(String name, String what, int min, int max, int initial, String tooltip, IntFunction<String> extraCheck) {
        this.what = what;
        this.min = min;
        this.max = max;
        this.extraCheck = extraCheck;
        spinner = new PlainSpinner(initial, min, max);
        spinner.setName(name);
        JFormattedTextField field = ((JSpinner.NumberEditor) spinner.getEditor()).getTextField();
        field.setName(name + "Text");
        field.setColumns(Math.max(3, Integer.toString(max).length()));
        field.setFocusLostBehavior(JFormattedTextField.COMMIT);
        field.getAccessibleContext().setAccessibleName(what);
        spinner.getAccessibleContext().setAccessibleName(what);
        spinner.setToolTipText(tooltip);
        field.setToolTipText(tooltip);
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { scheduleCheck(); }
            @Override public void removeUpdate(DocumentEvent e) { scheduleCheck(); }
            @Override public void changedUpdate(DocumentEvent e) { scheduleCheck(); }
        });
        check();
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    JFormattedTextField textField() {
        return ((JSpinner.DefaultEditor) spinner.getEditor()).getTextField();
    }

    /**
     * Checks after the current event: a reformat (remove, then insert) must not flash an error or
     * disable Start for a moment, which would swallow a click on it.
     */
    private void scheduleCheck() {
        if (!checkScheduled) {
            checkScheduled = true;
            javax.swing.SwingUtilities.invokeLater(() -> {
                checkScheduled = false;
                check();
            });
        }
    }

    private void check() {
        String text = textField().getText().strip();
        String problem = null;
        Integer v = null;
        if (text.isEmpty()) {
            problem = what + " is empty: type a number from " + min + " to " + max + ".";
        } else {
            try {
                long n = Long.parseLong(text);
                if (n < min || n > max) {
                    problem = what + " " + text + " is out of range: use a number from " + min + " to " + max + ".";
                } else {
                    v = (int) n;
                    problem = extraCheck.apply(v);
                    if (problem != null) {
                        v = null;
                    }
                }
            } catch (NumberFormatException e) {
                problem = what + " must be a whole number from " + min + " to " + max + ", not \"" + text + "\".";
            }
        }
        error = problem;
        value = v;
        spinner.putClientProperty("JComponent.outline", problem == null ? null : "error");
        spinner.repaint();
        onChange.run();
    }

    /** The typed number, or null while the text is not a valid value. */
    Integer value() {
        return value;
    }

    String error() {
        return error;
    }

    void set(int v) {
        spinner.setValue(v);
        textField().setText(Integer.toString(v));
        check();
    }

    void setEnabled(boolean on) {
        spinner.setEnabled(on);
    }
}
