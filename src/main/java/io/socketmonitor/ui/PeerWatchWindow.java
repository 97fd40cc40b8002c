package io.socketmonitor.ui;

import io.socketmonitor.client.LineEnding;
import io.socketmonitor.client.SendText;
import io.socketmonitor.net.Addresses;
import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.template.TemplateException;
import io.socketmonitor.ui.client.VisibleBytes;
import java.awt.Window;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/**
 * One open peer's conversation, whole: every byte it sends and is sent, as it happens, with a
 * field to answer it, as SocketTest and Hercules show a client's data (the log shows the first
 * 60 characters of each read). The server copies the bytes only for a peer someone watches.
 * Not modal: the window goes on while it is open. EDT only.
 */
final class PeerWatchWindow {
    /** The transcript keeps its newest part: a chatty peer must not fill the memory. */
    static final int MAX_CHARS = 500_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final long peerId;
    private final JDialog dialog;
    private final JTextArea transcript = new JTextArea(16, 60);
    private final JLabel status = new JLabel(" ");
    /** Above the transcript once its oldest lines are gone, as the log says of its own. */
    private final JLabel dropped = new RemarkLabel("");
    private long droppedChars;
    /** Bytes the server did not copy (the peer outran the window's share), since the last line that says so. */
    private long missed;
    private java.time.Instant missedFrom;
    /** The first copy has come: before it, events without bytes are from before the watch began. */
    private boolean copying;
    private final JComboBox<LineEnding> lineEnding = new JComboBox<>(LineEnding.values());
    private final JTextField send = LineBreaksAsEscapes.install(new JTextField(30), lineEnding);
    private final JButton sendButton = new JButton("Send");
    private boolean open = true;

    /**
     * {@code sender}: sends bytes to this peer; {@code closed}: the window was closed (stop
     * watching).
     */
    PeerWatchWindow(Window owner, long peerId, InetSocketAddress remote, Consumer<byte[]> sender, Runnable closed) {
        this.peerId = peerId;
        String who = "#" + peerId + " " + (remote == null ? "" : Addresses.hostPort(remote));
        dialog = new JDialog(owner, "Peer " + who, java.awt.Dialog.ModalityType.MODELESS);
        dialog.setName("peerWatch." + peerId);
        dialog.setDefaultCloseOperation(JDialog.DISPOSE_ON_CLOSE);
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                closed.run();
            }
        });
        dialog.getRootPane().registerKeyboardAction(e -> dialog.dispose(),
                javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_ESCAPE, 0),
                javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW);

        transcript.setName("peerTranscript");
        transcript.setEditable(false);
        transcript.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
        transcript.getAccessibleContext().setAccessibleName("Data of peer " + who);
        transcript.setToolTipText("R: what the peer sent, S: what the server sent; each line one read or write "
                + "(TCP is a stream: how it is cut is not how it was sent)");
        Keys.tabMovesFocus(transcript);
        status.setName("peerWatchStatus");
        send.setName("peerWatchSend");
        send.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
        send.getAccessibleContext().setAccessibleName("Text to send to peer " + who);
        send.setToolTipText("Escapes: \\n \\r \\t \\\\ \\0 \\xHH; the line ending is added");
        lineEnding.setName("peerWatchLineEnding");
        lineEnding.setSelectedItem(LineEnding.CRLF); // as telnet sends, and the server's Send…
        lineEnding.getAccessibleContext().setAccessibleName("Line ending");
        sendButton.setName("peerWatchSendButton");
        send.addActionListener(e -> sendTyped(sender));
        sendButton.addActionListener(e -> sendTyped(sender));

        JPanel content = new JPanel(new MigLayout("fill, wrap 1", "[grow,fill]", "[][grow,fill][]"));
        content.add(new JLabel("Everything " + who + " sends and is sent, from now on:"));
        JScrollPane scroll = new JScrollPane(transcript);
        dropped.setName("peerWatchDropped");
        dropped.setVisible(false);
        scroll.setColumnHeaderView(dropped);
        content.add(scroll);
        JPanel sendRow = new JPanel(new MigLayout("insets 0", "[grow,fill][][]"));
        sendRow.add(send, "wmin 100");
        sendRow.add(lineEnding);
        sendRow.add(sendButton);
        content.add(sendRow);
        content.add(status, "wmin 0");
        dialog.setContentPane(content);
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
    }

    /** {@code cascade}: how many data windows are open already, so this one does not hide them. */
    void show(int cascade) {
        java.awt.Point at = dialog.getLocation();
        dialog.setLocation(at.x + 28 * cascade, at.y + 28 * cascade);
        dialog.setVisible(true);
        send.requestFocusInWindow();
    }

    void toFront() {
        dialog.toFront();
        send.requestFocusInWindow();
    }

    void close() {
        dialog.dispose();
    }

    /** The server's events: this peer's data, and its end. */
    void onEvents(List<ServerEvent> batch) {
        StringBuilder added = new StringBuilder();
        for (ServerEvent e : batch) {
            if (e instanceof ServerEvent.Received r && r.peerId() == peerId) {
                data(added, r, "R: ", r.data(), r.bytes());
            } else if (e instanceof ServerEvent.Sent s && s.peerId() == peerId) {
                data(added, s, "S: ", s.data(), s.bytes());
            } else if (e instanceof ServerEvent.Closed c && c.peer().id() == peerId && open) {
                ended(added, c, "Closed: " + c.peer().closeReason().text() + ".");
            } else if (e instanceof ServerEvent.Stopped s && open) {
                ended(added, s, "Closed: the server stopped.");
            }
        }
        sayMissed(added);
        if (added.length() > 0) {
            transcript.append(added.toString());
            trim();
            transcript.setCaretPosition(transcript.getDocument().getLength());
        }
    }

    private void data(StringBuilder out, ServerEvent e, String prefix, byte[] data, int bytes) {
        if (data == null) {
            if (copying) {
                if (missed == 0) {
                    missedFrom = e.time();
                }
                missed += bytes; // the server's copies had reached the window's share
            }
            return;
        }
        copying = true;
        sayMissed(out);
        line(out, e, prefix, data);
    }

    /** "(… bytes not shown …)" where they were left out. */
    private void sayMissed(StringBuilder out) {
        if (missed > 0) {
            out.append(TIME.format(missedFrom)).append(String.format(java.util.Locale.ROOT,
                    "  (%,d bytes not shown here: the peer sends faster than this window shows)%n", missed));
            missed = 0;
        }
    }

    /** Keeps the newest {@link #MAX_CHARS}, cut at a line's start, and says how much went. */
    private void trim() {
        int excess = transcript.getDocument().getLength() - MAX_CHARS;
        if (excess <= 0) {
            return;
        }
        try {
            int line = transcript.getLineOfOffset(excess);
            int cut = line + 1 < transcript.getLineCount() ? transcript.getLineStartOffset(line + 1) : excess;
            transcript.replaceRange("", 0, cut);
            droppedChars += cut;
        } catch (javax.swing.text.BadLocationException impossible) {
            transcript.replaceRange("", 0, excess);
            droppedChars += excess;
        }
        dropped.setText(String.format(java.util.Locale.ROOT,
                "Older lines are not kept (%,d characters): this window keeps the newest %,d.", droppedChars, MAX_CHARS));
        dropped.setVisible(true);
    }

    /** One read or write: its time, R: or S:, its bytes; lines after the first under the first's text. */
    private static void line(StringBuilder out, ServerEvent e, String prefix, byte[] data) {
        String head = TIME.format(e.time()) + "  " + prefix;
        String[] lines = new LongLines().fold(VisibleBytes.text(data)).split("\n", -1);
        int last = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length; // a final break ends it
        for (int i = 0; i < Math.max(last, 1); i++) {
            out.append(i == 0 ? head : " ".repeat(head.length())).append(lines[i]).append('\n');
        }
    }

    private void ended(StringBuilder out, ServerEvent e, String why) {
        open = false;
        out.append(TIME.format(e.time())).append("  ").append(why).append('\n');
        status.setText(why);
        send.setEnabled(false);
        sendButton.setEnabled(false);
        lineEnding.setEnabled(false);
    }

    private void sendTyped(Consumer<byte[]> sender) {
        if (!open) {
            return;
        }
        try {
            byte[] data = SendText.encode(send.getText(), (LineEnding) lineEnding.getSelectedItem());
            sender.accept(data);
            send.setText("");
            status.setText(" ");
        } catch (TemplateException e) {
            status.setText("Cannot send: " + e.getMessage()); // the text stays, to be fixed
        }
    }

    String transcriptText() {
        return transcript.getText();
    }

    /** The remark above the transcript, or null while it keeps every line. */
    String droppedNote() {
        return dropped.isVisible() ? dropped.getText() : null;
    }
}
