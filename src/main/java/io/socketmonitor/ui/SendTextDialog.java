package io.socketmonitor.ui;

import io.socketmonitor.client.LineEnding;
import io.socketmonitor.client.SendText;
import io.socketmonitor.template.TemplateException;
import java.awt.Component;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.AncestorEvent;
import javax.swing.event.AncestorListener;
import net.miginfocom.swing.MigLayout;

/**
 * Asks for text to send to peers from the table, read as the test client's send field reads it:
 * escapes, and a line ending chosen beside it (CRLF at first, as telnet; then the last one used).
 */
final class SendTextDialog {
    private LineEnding ending = LineEnding.CRLF;

    /** The bytes to send; null when cancelled, or invalid after saying why. */
    byte[] ask(Component parent, String title) {
        JTextField text = new JTextField(30);
        text.setName("sendText");
        text.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
        JComboBox<LineEnding> endings = new JComboBox<>(LineEnding.values());
        endings.setName("sendLineEnding");
        endings.setSelectedItem(ending);
        endings.getAccessibleContext().setAccessibleName("Line ending");
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 2", "[grow,fill][]"));
        JLabel label = new JLabel("Text to send (escapes \\n \\r \\t \\\\ \\0 \\xHH work):");
        label.setLabelFor(text);
        panel.add(label, "span 2");
        panel.add(text);
        panel.add(endings);
        text.addAncestorListener(new AncestorListener() { // the cursor waits in the field, not on OK
            @Override public void ancestorAdded(AncestorEvent e) {
                SwingUtilities.invokeLater(text::requestFocusInWindow);
            }

            @Override public void ancestorRemoved(AncestorEvent e) { }

            @Override public void ancestorMoved(AncestorEvent e) { }
        });
        int answer = JOptionPane.showConfirmDialog(parent, panel, title, JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) {
            return null;
        }
        ending = (LineEnding) endings.getSelectedItem();
        try {
            return SendText.encode(text.getText(), ending);
        } catch (TemplateException e) {
            JOptionPane.showMessageDialog(parent, e.getMessage(), title, JOptionPane.WARNING_MESSAGE);
            return null;
        }
    }
}
