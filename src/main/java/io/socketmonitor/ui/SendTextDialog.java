package io.socketmonitor.ui;

import io.socketmonitor.client.LineEnding;
import io.socketmonitor.client.SendText;
import io.socketmonitor.template.TemplateException;
import java.awt.Component;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/**
 * Asks for text to send to peers from the table, read as the test client's send field reads it:
 * escapes, and a line ending chosen beside it (CRLF at first, as telnet; then the last one used).
 */
final class SendTextDialog {
    private LineEnding ending = LineEnding.CRLF;
    /** What was last sent or refused: the next Send… or Broadcast… starts from it, selected. */
    private String lastText = "";

    /**
     * The bytes to send; null when cancelled. Text that cannot be sent (a bad escape) is said
     * why, and the dialog opens again with it, to be corrected rather than typed again.
     */
    byte[] ask(Component parent, String title) {
        TemplateException refused = null; // why the text last typed here could not be sent
        while (true) {
            JComboBox<LineEnding> endings = new JComboBox<>(LineEnding.values());
            endings.setName("sendLineEnding");
            endings.setSelectedItem(ending);
            endings.getAccessibleContext().setAccessibleName("Line ending");
            JTextField text = LineBreaksAsEscapes.install(new JTextField(lastText, 30), endings);
            text.setName("sendText");
            text.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
            if (refused == null) {
                text.selectAll(); // the last text sent: typing replaces it, an arrow key keeps it to edit
            } else {
                text.setCaretPosition(Math.max(0, Math.min(refused.position(), lastText.length()))); // at the mistake
            }
            JPanel panel = new JPanel(new MigLayout("insets 0, wrap 2", "[grow,fill][]"));
            JLabel label = new JLabel("Text to send (escapes \\n \\r \\t \\\\ \\0 \\xHH \\uXXXX work):");
            label.setLabelFor(text);
            panel.add(label, "span 2");
            panel.add(text);
            panel.add(endings);
            // The cursor waits in the field, not on OK: JOptionPane puts it on its initial value
            // when its dialog first gets the focus.
            JOptionPane pane = new JOptionPane(panel, JOptionPane.PLAIN_MESSAGE, JOptionPane.OK_CANCEL_OPTION) {
                @Override
                public void selectInitialValue() {
                    text.requestFocusInWindow();
                }
            };
            JDialog dialog = pane.createDialog(parent, title);
            dialog.setVisible(true); // modal: returns once OK, Cancel or Escape closed it
            dialog.dispose();
            if (!Integer.valueOf(JOptionPane.OK_OPTION).equals(pane.getValue())) {
                return null;
            }
            ending = (LineEnding) endings.getSelectedItem();
            lastText = text.getText();
            try {
                return SendText.encode(lastText, ending);
            } catch (TemplateException e) {
                refused = e;
                JOptionPane.showMessageDialog(parent, e.getMessage(), title, JOptionPane.WARNING_MESSAGE);
            }
        }
    }
}
