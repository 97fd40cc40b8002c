package io.socketmonitor.ui;

import io.socketmonitor.template.GreetingContext;
import io.socketmonitor.template.GreetingTemplate;
import io.socketmonitor.template.Printable;
import io.socketmonitor.template.TemplateException;
import java.awt.event.ActionEvent;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;

/**
 * The greeting: a multi-line editor with escapes and placeholders, a menu that inserts them, a live
 * preview of the exact bytes a client receives, and errors inline. Tells its listener about every
 * valid template (null while the text is invalid).
 */
public final class GreetingEditor extends JPanel {
    static final int PREVIEW_BYTES = 200;

    private final JTextArea text = new JTextArea(2, 30); // two rows: at 900 x 600 with larger text the table needs the third
    private final javax.swing.undo.UndoManager undo = Keys.undoable(text);
    private final JScrollPane scroll = new JScrollPane(text);
    private final JTextArea preview = new JTextArea(1, 30); // a long greeting's preview wraps to more
    /** Insert's menu: in no window while hidden, so a theme or text size change reaches it here. */
    private JPopupMenu menu;
    private final JLabel error = new JLabel();
    private final JButton insert = new JButton("Insert \u25BE");
    private GreetingTemplate template = GreetingTemplate.DEFAULT;
    private boolean live; // the server runs: a valid edit reaches the next client
    /** What placeholders are filled from in the preview: a sample peer, and this server's address. */
    private GreetingContext sample = GreetingTemplate.SAMPLE;
    private Consumer<GreetingTemplate> listener = t -> {};

    public GreetingEditor() {
        super(new MigLayout("insets 0, fillx, wrap 2", "[grow,fill][]", "[]2[]2[]"));
        text.setName("greeting");
        text.getAccessibleContext().setAccessibleName("Greeting");
        text.setToolTipText("<html>What each client receives on connect. Escapes: \\n \\r \\t \\\\ \\0 \\xHH \\uXXXX.<br>"
                + "Placeholders: " + String.join(" ", GreetingTemplate.PLACEHOLDERS)
                + ".<br>Edits apply to the next connection, also while the server runs.</html>");
        QuickWrap.install(text); // wrapped, except a long line of complex text, which would freeze the window
        Keys.tabMovesFocus(text); // a tab in the greeting is typed as \t, as the tooltip says
        text.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
        text.setText(GreetingTemplate.DEFAULT_SOURCE);
        undo.discardAllEdits();
        scroll.setName("greetingScroll");
        insert.setName("placeholders");
        insert.setToolTipText("Insert a placeholder or an escape at the cursor");
        insert.getAccessibleContext().setAccessibleName("Insert placeholder");
        insert.setMnemonic('I');
        menu = new JPopupMenu();
        menu.setName("placeholderMenu");
        for (String p : GreetingTemplate.PLACEHOLDERS) {
            menu.add(item(p, p, describe(p)));
        }
        menu.addSeparator();
        menu.add(item("\\n", "\\n", "Line feed (LF, 0x0A)"));
        menu.add(item("\\r\\n", "\\r\\n", "Carriage return + line feed (CRLF), what telnet and HTTP use"));
        menu.add(item("\\t", "\\t", "Tab"));
        menu.add(item("\\xHH", "\\x41", "One byte by its hex value (\\xff is 0xFF)"));
        insert.addActionListener(e -> menu.show(insert, 0, insert.getHeight()));

        preview.setName("greetingPreview");
        preview.getAccessibleContext().setAccessibleName("Greeting bytes preview");
        preview.setEditable(false);
        preview.setFocusable(true);
        preview.setLineWrap(true);
        preview.setOpaque(false);
        preview.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
        preview.setBorder(null);
        preview.setToolTipText("The exact bytes a client receives (placeholders filled with sample values);"
                + " control characters are shown as symbols: \u240A LF, \u240D CR, \u2409 TAB, \u2400 NUL");
        error.setName("greetingError");
        error.setForeground(Themes.errorText());
        error.setVisible(false);

        // wmin/w keep the wrapping text areas from forcing the window wider than it is.
        add(scroll, "growx, hmin 50, wmin 100, w 100::");
        add(insert, "top");
        add(preview, "span 2, growx, wmin 100, w 100::");
        add(error, "span 2, growx, hidemode 3");

        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { reparse(); }
            @Override public void removeUpdate(DocumentEvent e) { reparse(); }
            @Override public void changedUpdate(DocumentEvent e) { reparse(); }
        });
        reparse();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (error != null) {
            error.setForeground(Themes.errorText());
        }
        if (menu != null) {
            javax.swing.SwingUtilities.updateComponentTreeUI(menu);
        }
    }

    private static String describe(String placeholder) {
        return switch (placeholder) {
            case "{peer}" -> "The client's address and port, e.g. 127.0.0.1:46930";
            case "{peerAddress}" -> "The client's address";
            case "{peerPort}" -> "The client's port";
            case "{local}" -> "The server's address and port";
            case "{time}" -> "The time of the connection (UTC, ISO 8601)";
            case "{count}" -> "The connection's number, as in the table's # column (runs number on)";
            default -> placeholder;
        };
    }

    private JMenuItem item(String label, String insertText, String tooltip) {
        JMenuItem item = new JMenuItem(new AbstractAction(label) {
            @Override
            public void actionPerformed(ActionEvent e) {
                text.replaceSelection(insertText);
                text.requestFocusInWindow();
            }
        });
        item.setName("insert" + label);
        item.setToolTipText(tooltip);
        return item;
    }

    private void reparse() {
        try {
            GreetingTemplate t = GreetingTemplate.parse(text.getText());
            template = t;
            byte[] bytes = t.render(sample);
            preview.setText(describeBytes(bytes, t.hasPlaceholders(), preview.getFont().canDisplay('\u240A')));
            error.setVisible(false);
            error.setText("");
            scroll.putClientProperty("JComponent.outline", null);
            listener.accept(t);
        } catch (TemplateException e) {
            template = null;
            error.setText(e.getMessage());
            error.setVisible(true);
            scroll.putClientProperty("JComponent.outline", "error");
            preview.setText(invalidNote());
            listener.accept(null);
        }
        revalidate();
        repaint();
    }

    /**
     * {local} in the preview is where the server listens, or will (a sample until the port is
     * known); {peer} a client of the same family: an IPv6 socket has no 127.0.0.1 peers.
     */
    void sampleLocal(java.net.InetAddress bound, int port) {
        GreetingContext s = GreetingTemplate.SAMPLE;
        boolean v6 = bound instanceof java.net.Inet6Address;
        java.net.InetSocketAddress peer = v6 ? new java.net.InetSocketAddress(IPV6_LOOPBACK, s.peer().getPort()) : s.peer();
        // A wildcard listener's {local} is the address the client reached: loopback, from here.
        java.net.InetAddress at = !bound.isAnyLocalAddress() ? bound : v6 ? IPV6_LOOPBACK : s.local().getAddress();
        java.net.InetSocketAddress local = new java.net.InetSocketAddress(at, port > 0 ? port : s.local().getPort());
        sample = new GreetingContext(peer, local, s.time(), s.count());
        reparse();
    }

    private static final java.net.InetAddress IPV6_LOOPBACK = ipv6Loopback();

    private static java.net.InetAddress ipv6Loopback() {
        try {
            return java.net.InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        } catch (java.net.UnknownHostException impossible) { // only for a length other than 4 or 16
            throw new AssertionError(impossible);
        }
    }

    /**
     * While the server runs, edits go live; one that does not parse does not, and the user must
     * not think the server now sends nothing, or this.
     */
    void setLive(boolean live) {
        this.live = live;
        if (template == null) {
            preview.setText(invalidNote());
        }
    }

    private String invalidNote() {
        return live ? "Clients still get the last valid greeting until this one is fixed."
                : "No bytes: fix the greeting first.";
    }

    /** "18 bytes: Hello from server␊" with control characters made visible; long text is cut. */
    static String describeBytes(byte[] bytes, boolean sample, boolean symbols) {
        StringBuilder sb = new StringBuilder();
        sb.append(bytes.length).append(bytes.length == 1 ? " byte" : " bytes");
        if (sample) {
            sb.append(" for a sample client");
        }
        sb.append(": ");
        int limit = Math.min(bytes.length, PREVIEW_BYTES);
        int n = Printable.read(bytes, 0, limit, limit < bytes.length, new Printable.Reader() {
            @Override public void text(int c) {
                // A backslash is escaped in both forms, so "\\xFF" typed never reads as the byte \xFF.
                if (!symbols && (c < 0x20 || c == 0x7f) || c == '\\' || c >= 0x80 && Printable.isInvisible(c)) {
                    Printable.appendVisible(sb, c);
                } else if (c < 0x20) {
                    sb.append((char) (0x2400 + c));
                } else if (c == 0x7f) {
                    sb.append('\u2421');
                } else {
                    sb.appendCodePoint(c);
                }
            }

            @Override public void strayByte(int b) {
                Printable.appendByte(sb, b); // \xFF, as typed: no symbol stands for a byte
            }
        });
        if (bytes.length > n) {
            sb.append(" \u2026 (").append(bytes.length - n).append(" more)");
        }
        return sb.toString();
    }

    /** The valid template, or null while the text has an error. */
    public GreetingTemplate template() {
        return template;
    }

    public String source() {
        return text.getText();
    }

    public void setSource(String source) {
        text.setText(source);
        text.setCaretPosition(0);
        undo.discardAllEdits(); // the remembered greeting is where undo stops
    }

    public void onChange(Consumer<GreetingTemplate> l) {
        listener = l;
    }

    public JComponent textComponent() {
        return text;
    }
}
