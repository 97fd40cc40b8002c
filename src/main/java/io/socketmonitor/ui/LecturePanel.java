package io.socketmonitor.ui;

import io.socketmonitor.net.AddressKind;
import io.socketmonitor.net.Addresses;
import io.socketmonitor.net.WellKnownPorts;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerEvent;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableModel;
import net.miginfocom.swing.MigLayout;

/**
 * The lecture beside the live server: its steps (create, bind, listen, accept, send, receive,
 * shutdown, close) lighting up for the latest connection, where the chosen address is reachable
 * from, and the table of well-known ports.
 */
public final class LecturePanel extends TabContent {
    public enum Step {
        CREATE("1. Create a server socket", "s = socket.socket(AF_INET, SOCK_STREAM)"),
        BIND("2. Bind to an interface and port", "s.bind((HOST, PORT))"),
        LISTEN("3. Listen for client connections", "s.listen()"),
        ACCEPT("4. Accept an incoming connection (loop)", "conn, addr = s.accept()"),
        SEND("5. Send data", "conn.sendall(greeting)"),
        RECEIVE("6. Receive data", "conn.recv(1024)"),
        // Two steps, as in the lecture: the FIN that tells the client "no more data" is shutdown's.
        SHUTDOWN("7. Shutdown (notify the connected client)", "conn.shutdown(SHUT_WR)"),
        CLOSE("8. Close the connection", "conn.close()");

        final String title;
        final String code;

        Step(String title, String code) {
            this.title = title;
            this.code = code;
        }
    }

    private final Map<Step, StepTitle> titles = new EnumMap<>(Step.class);
    private final Map<Step, JLabel> codes = new EnumMap<>(Step.class);
    private final Map<Step, Boolean> lit = new EnumMap<>(Step.class);
    /** The lecture's line between socket() and bind(): what lets a restart bind the port at once. */
    private final JLabel reuse = new LiveLabel("s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)");
    /** For "::" only: what makes it dual stack (Java clears it; Python on Windows, or Linux with bindv6only=1, would not). */
    private final JLabel v6only = new LiveLabel("s.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)");
    private final JLabel latest = new LiveLabel("No connection yet.");
    /** Never scrolls the lecture pane when its text changes (a new caret after a theme switch would). */
    private final JEditorPane explanation = new JEditorPane("text/html", "") {
        @Override
        public void scrollRectToVisible(java.awt.Rectangle r) {
            // stay where the user scrolled
        }
    };
    private final JTable ports;
    private long latestId = -1;
    /** Step 5 while listening: the greeting, or the HTTP mode's response. */
    private String sendCode = "conn.sendall(greeting)";
    /** Step 6 while listening: greet and close never reads, and says where to see it. */
    private String receiveCode = Step.RECEIVE.code;
    private boolean httpMode;
    /** The latest peer has sent something: what goes back now is an echo or typed text, not the greeting. */
    private boolean latestHasTalked;
    /** Keep-open: the latest peer has had its greeting; what is sent after it is data (Send…, Broadcast…). */
    private boolean latestGreeted;
    private boolean keepOpenMode;
    /** The places of the lecture's steps 5 and 6 on screen; which step each shows depends on the mode. */
    private StepTitle fifthTitle;
    private StepTitle sixthTitle;
    private JLabel fifthCode;
    private JLabel sixthCode;

    public LecturePanel() {
        super(new MigLayout("fillx, wrap 1, insets 8", "[grow,fill]", "[][][]"));
        setName("lecture");
        getAccessibleContext().setAccessibleName("Lecture view");

        JPanel steps = new JPanel(new MigLayout("insets 4, wrap 1, gapy 1", "[grow,fill]"));
        steps.setName("lectureSteps");
        steps.setBorder(BorderFactory.createTitledBorder("The server's steps, live"));
        for (Step s : Step.values()) {
            StepTitle t = new StepTitle(s.title, new Light());
            t.setName("step." + s.name().toLowerCase());
            JLabel c = new LiveLabel(s.code);
            c.setName("code." + s.name().toLowerCase());
            c.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
            c.setBorder(BorderFactory.createEmptyBorder(0, 22, 2, 0));
            titles.put(s, t);
            codes.put(s, c);
            lit.put(s, false);
            // wmin 0: a narrow tab cuts a line (whole on hover) instead of widening the lecture
            // past the tab's edge, which clipped the boxes' borders and the wrapped explanation.
            steps.add(t, "wmin 0");
            steps.add(c, "wmin 0");
            if (s == Step.SEND) {
                fifthTitle = t;
                fifthCode = c;
            } else if (s == Step.RECEIVE) {
                sixthTitle = t;
                sixthCode = c;
            }
            if (s == Step.CREATE) {
                for (JLabel setup : List.of(reuse, v6only)) {
                    setup.putClientProperty(Themes.STYLE_CLASS, Themes.MONOSPACED);
                    setup.setBorder(BorderFactory.createEmptyBorder(0, 22, 2, 0));
                    steps.add(setup, "wmin 0, hidemode 3");
                }
                reuse.setName("code.reuse");
                v6only.setName("code.v6only");
                v6only.setVisible(false);
            }
        }
        latest.setName("lectureLatest");
        steps.add(latest, "gaptop 4, wmin 0");
        add(steps);

        explanation.setName("addressExplanation");
        explanation.setEditable(false);
        ((javax.swing.text.DefaultCaret) explanation.getCaret()).setUpdatePolicy(javax.swing.text.DefaultCaret.NEVER_UPDATE);
        explanation.setOpaque(false);
        explanation.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, true);
        explanation.getAccessibleContext().setAccessibleName("What the chosen address means");
        JPanel where = new JPanel(new MigLayout("insets 4, fill", "[grow,fill]"));
        where.setBorder(BorderFactory.createTitledBorder("Loopback, private, public, all interfaces"));
        where.add(explanation, "wmin 100");
        add(where);

        DefaultTableModel tm = new DefaultTableModel(new Object[] {"Port", "Service"}, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }

            @Override
            public Class<?> getColumnClass(int c) {
                return c == 0 ? Integer.class : String.class;
            }
        };
        WellKnownPorts.table().forEach((p, n) -> tm.addRow(new Object[] {p, n}));
        ports = new JTable(tm);
        ports.setName("wellKnownPorts");
        ports.getAccessibleContext().setAccessibleName("Well-known ports");
        ports.setFocusable(false);
        JScrollPane sp = new JScrollPane(ports);
        NestedScroll.passWheelOn(sp); // the lecture scrolls on past the table's ends
        // The lecture's table lists ports below 1024; the common ones above it are not its own.
        sp.setBorder(BorderFactory.createTitledBorder("Ports: the lecture's well-known ones, then other common ones"));
        ports.setPreferredScrollableViewportSize(new java.awt.Dimension(200, 150));
        add(sp, "hmin 100, growx");
        showAddress(InterfaceChoice.standard().get(0), 8080);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (codes != null) {
            refreshLights(true);
        }
    }

    /** Always its own height: squeezed to a short tab, the explanation would lose lines instead of scrolling. */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }

    /** Explains who can reach a server on this address, and fills it into the bind step. */
    public void showAddress(InterfaceChoice c, int port) {
        if (c == null) {
            return;
        }
        String host = c.literal();
        codes.get(Step.BIND).setText("s.bind((\"" + host + "\", " + (port < 0 ? "PORT" : Integer.toString(port)) + "))");
        codes.get(Step.CREATE).setText(c.address() instanceof Inet6Address
                ? "s = socket.socket(AF_INET6, SOCK_STREAM)" : "s = socket.socket(AF_INET, SOCK_STREAM)");
        v6only.setVisible(c.address() instanceof Inet6Address && c.address().isAnyLocalAddress());
        explanation.setText("<html><body>" + explain(c) + "</body></html>");
        selectPort(port);
    }

    static String explain(InterfaceChoice c) {
        AddressKind k = c.kind();
        String a = "<b>" + c.literal() + "</b>";
        return switch (k) {
            case LOOPBACK -> a + " is <b>loopback</b>: only programs on this machine can connect"
                    + " (listening on the loopback interface only, unless tunneled, e.g. with"
                    + " <code>ssh -L 8080:localhost:8080 host</code>). Inside a Docker container loopback is the"
                    + " container's own: use 0.0.0.0 (or ::) to be reachable from outside.";
            case WILDCARD -> a + " means <b>all interfaces</b>: the server listens on every network this machine"
                    + " is on, so other machines can connect. It is not a resolvable address: clients connect to"
                    + " one of the machine's real addresses (127.0.0.1 from here)."
                    + (c.address() instanceof Inet6Address ? " :: is dual stack here: IPv6 and IPv4 clients both"
                            + " reach it, as IPV6_V6ONLY is off (some systems turn it on by default)."
                            : " 0.0.0.0 takes IPv4 clients only.");
            case PRIVATE -> isSharedAddressSpace(c.address())
                    ? a + " is in the <b>shared address space</b> 100.64/10 (carrier-grade NAT, or a VPN such as"
                            + " Tailscale): machines on the same provider network or VPN can connect; the internet"
                            + " cannot reach it directly."
                    : a + " is a <b>private</b> address (10/8, 172.16/12, 192.168/16): machines on the local"
                            + " network can connect; the internet cannot reach it directly (NAT).";
            case PUBLIC -> a + " is a <b>public</b> address: reachable from the internet unless a firewall blocks it,"
                    + " like the lecture's server 128.82.7.233.";
            case CONTAINER_BRIDGE -> a + " is on a <b>container bridge</b> (e.g. docker0): containers on this machine"
                    + " can connect.";
            case LINK_LOCAL -> a + " is <b>link-local</b>: only machines on the same network segment can connect.";
            case UNIQUE_LOCAL -> a + " is an IPv6 <b>unique local</b> address: reachable within the local network.";
            case DOCUMENTATION -> a + " is in a <b>documentation range</b> (192.0.2/24, 198.51.100/24,"
                    + " 203.0.113/24, 2001:db8::/32), reserved for documentation and examples; on a real interface"
                    + " it means a lab or test setup. The internet never routes it, so at most the local network"
                    + " can connect.";
        };
    }

    /** 100.64/10 (RFC 6598): private in that the internet cannot route it, but not a home or office LAN. */
    private static boolean isSharedAddressSpace(java.net.InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private void selectPort(int port) {
        for (int r = 0; r < ports.getRowCount(); r++) {
            if (Integer.valueOf(port).equals(ports.getValueAt(r, 0))) {
                ports.setRowSelectionInterval(r, r);
                return;
            }
        }
        ports.clearSelection();
    }

    /** Lights the steps as the server takes them; on the EDT. */
    public void onEvents(List<ServerEvent> batch) {
        onEvents(batch, true);
    }

    /**
     * As {@link #onEvents(List)}; {@code lifecycle} false promises the batch holds no Listening or
     * Stopped, so the events before its latest connection need not be looked at.
     */
    void onEvents(List<ServerEvent> batch, boolean lifecycle) {
        boolean changed = false;
        // The texts land once, at the end: a batch holding a whole connection would otherwise set
        // "conn.close()" and then "conn.close()   # closed after greeting" again, and each change
        // relays out and repaints the steps although the batch ends where the last one did.
        Map<Step, String> code = new EnumMap<>(Step.class);
        String latestText = null;
        // Only the latest connection is shown: under a flood, skip the steps of every connection
        // the batch supersedes instead of setting texts thousands of times per batch.
        int latestStart = 0;
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i) instanceof ServerEvent.Connected) {
                latestStart = i;
                break;
            }
        }
        for (int i = lifecycle ? 0 : latestStart; i < batch.size(); i++) {
            ServerEvent e = batch.get(i);
            if (i < latestStart && !(e instanceof ServerEvent.Listening || e instanceof ServerEvent.Stopped)) {
                continue;
            }
            if (e instanceof ServerEvent.Listening l) {
                setAll(false);
                lit.put(Step.CREATE, true);
                lit.put(Step.BIND, true);
                lit.put(Step.LISTEN, true);
                InetSocketAddress at = l.local();
                code.put(Step.BIND, "s.bind((\"" + Addresses.literal(at.getAddress()) + "\", "
                        + at.getPort() + "))");
                boolean http = l.config() != null && l.config().mode() == Mode.HTTP;
                if (http != httpMode) {
                    placeSendAndReceive(http); // HTTP reads the request before it answers
                }
                httpMode = http;
                keepOpenMode = l.config() != null && l.config().mode() == Mode.KEEP_OPEN;
                sendCode = http ? "conn.sendall(b\"HTTP/1.1 200 OK\\r\\n\u2026\")" : "conn.sendall(greeting)";
                boolean greetAndClose = l.config() != null && l.config().mode() == Mode.CLOSE;
                receiveCode = greetAndClose ? Step.RECEIVE.code + "   # in Keep open mode" : Step.RECEIVE.code;
                resetConnectionCode(code);
                latestText = "Waiting for a client: try telnet in a terminal.";
                changed = true;
            } else if (e instanceof ServerEvent.Connected c) {
                latestId = c.peer().id();
                latestHasTalked = false;
                latestGreeted = false;
                lit.put(Step.ACCEPT, true);
                lit.put(Step.SEND, false);
                lit.put(Step.RECEIVE, false);
                lit.put(Step.CLOSE, false);
                String tuple = c.peer().remote() == null ? "?" : Addresses.lectureTuple(c.peer().remote());
                code.put(Step.ACCEPT, "conn, addr = s.accept()   # addr = " + tuple);
                lit.put(Step.SHUTDOWN, false);
                // The steps after accept are this connection's now: no count from the one before.
                resetConnectionCode(code);
                latestText = "Latest connection: #" + latestId + " from " + tuple;
                changed = true;
            } else if (e instanceof ServerEvent.Sent s && s.peerId() == latestId) {
                lit.put(Step.SEND, true);
                boolean data = (latestHasTalked && !httpMode) || (keepOpenMode && latestGreeted);
                code.put(Step.SEND, (data ? "conn.sendall(data)" : sendCode) + "   # " + s.bytes() + " bytes");
                latestGreeted = true;
                changed = true;
            } else if (e instanceof ServerEvent.Received r && r.peerId() == latestId) {
                latestHasTalked = true;
                lit.put(Step.RECEIVE, true);
                // recv(1024) never returns more than 1024: say how a larger read would come in
                code.put(Step.RECEIVE, "conn.recv(1024)   # " + r.bytes() + " bytes"
                        + (r.bytes() > 1024 ? " arrived: 1024 per call" : ""));
                changed = true;
            } else if (e instanceof ServerEvent.Closed c && c.peer().id() == latestId) {
                String status = httpErrorStatus(c.peer().closeReason());
                if (status != null && lit.get(Step.SEND)) { // answered with an error, not the greeting
                    code.put(Step.SEND, "conn.sendall(b\"HTTP/1.1 " + status + "\\r\\n\u2026\")   # "
                            + c.peer().bytesOut() + " bytes");
                }
                if (c.peer().finSent()) {
                    lit.put(Step.SHUTDOWN, true);
                    code.put(Step.SHUTDOWN, Step.SHUTDOWN.code + "   # FIN: no more data from us");
                }
                lit.put(Step.CLOSE, true);
                code.put(Step.CLOSE, "conn.close()   # "
                        + (c.peer().closeReason() == null ? "closed" : c.peer().closeReason().text()));
                changed = true;
            } else if (e instanceof ServerEvent.Stopped) {
                setAll(false);
                resetConnectionCode(code); // no counts of the last run's connection
                code.put(Step.ACCEPT, Step.ACCEPT.code);
                latestId = -1;
                latestText = "The server is stopped: s.close()";
                changed = true;
            }
        }
        if (changed) {
            code.forEach((step, text) -> codes.get(step).setText(text));
            if (latestText != null) {
                latest.setText(latestText);
            }
            refreshLights();
        }
    }

    /**
     * Puts Receive before Send ({@code receiveFirst}, the HTTP mode's order: request, then answer)
     * or after it (the lecture's order: greeting first). The two places keep their components;
     * each takes the other step's title, number, name and light, and the caller sets the code.
     */
    private void placeSendAndReceive(boolean receiveFirst) {
        placeStep(receiveFirst ? Step.RECEIVE : Step.SEND, 5, fifthTitle, fifthCode);
        placeStep(receiveFirst ? Step.SEND : Step.RECEIVE, 6, sixthTitle, sixthCode);
        refreshLights(true);
    }

    private void placeStep(Step step, int number, StepTitle title, JLabel code) {
        titles.put(step, title);
        codes.put(step, code);
        title.setText(number + step.title.substring(step.title.indexOf('.')));
        title.setName("step." + step.name().toLowerCase());
        code.setName("code." + step.name().toLowerCase());
    }

    /** The status line of an HTTP answer that was not the greeting, or null. */
    private static String httpErrorStatus(io.socketmonitor.server.CloseReason r) {
        if (r == null) {
            return null;
        }
        return switch (r) {
            case BAD_REQUEST -> "400 Bad Request";
            case REQUEST_TIMEOUT -> "408 Request Timeout";
            case REQUEST_TOO_LARGE -> "431 Request Header Fields Too Large";
            default -> null;
        };
    }

    /** Steps 5 to 8 as they stand before a connection has done anything. */
    private void resetConnectionCode(Map<Step, String> code) {
        code.put(Step.SEND, sendCode);
        code.put(Step.RECEIVE, receiveCode);
        code.put(Step.SHUTDOWN, Step.SHUTDOWN.code);
        code.put(Step.CLOSE, Step.CLOSE.code);
    }

    private void setAll(boolean on) {
        for (Step s : Step.values()) {
            lit.put(s, on);
        }
    }

    /** The explanation as plain text. */
    public String explanationText() {
        try {
            return explanation.getDocument().getText(0, explanation.getDocument().getLength());
        } catch (javax.swing.text.BadLocationException e) {
            return "";
        }
    }

    public boolean isLit(Step s) {
        return lit.get(s);
    }

    /** The code line the step shows now. */
    public String codeText(Step s) {
        return codes.get(s).getText();
    }

    private void refreshLights() {
        refreshLights(false);
    }

    /**
     * Shows {@link #lit} on the step titles. Only the lights that changed are touched ({@code all}
     * after a look-and-feel change): under a flood the lights change with most batches.
     */
    private void refreshLights(boolean all) {
        for (Step s : Step.values()) {
            StepTitle t = titles.get(s);
            Light light = (Light) t.getIcon();
            boolean on = lit.get(s);
            if (!all && light.shown && light.on == on) {
                continue;
            }
            light.on = on;
            light.shown = true;
            t.setLit(on);
            t.getAccessibleContext().setAccessibleDescription(on ? "done" : "not yet");
            t.repaint();
        }
    }

    /**
     * A step's title, bold while its light is on and plain while off, and as wide lit as not: a
     * light coming on repaints the title and lays nothing out. It keeps the theme's font and only
     * paints it bold or plain, since setting a font invalidates the label's ancestors (under a
     * flood the lights change with most batches, and each layout measured the whole lecture, its
     * HTML included).
     */
    private static final class StepTitle extends CutLabel {
        private static final long serialVersionUID = 1L;
        private boolean lit;
        private Font themeFont; // the font the two below were derived from
        private Font plain;
        private Font bold;

        StepTitle(String text, Icon light) {
            super(text, light);
        }

        void setLit(boolean on) {
            if (lit != on) {
                lit = on;
                repaint();
            }
        }

        @Override
        public Font getFont() {
            Font f = super.getFont();
            if (f == null) {
                return null;
            }
            derive(f);
            return lit ? bold : plain;
        }

        private void derive(Font f) {
            if (f != themeFont) {
                themeFont = f;
                // UI resources, as the theme's own: a look-and-feel or text-size change replaces
                // only such a font, and the title would keep its old size otherwise.
                plain = new javax.swing.plaf.FontUIResource(f.deriveFont(Font.PLAIN));
                bold = new javax.swing.plaf.FontUIResource(f.deriveFont(Font.BOLD));
            }
        }

        @Override
        public java.awt.Dimension getPreferredSize() {
            return isPreferredSizeSet() ? super.getPreferredSize() : asIfBold(super.getPreferredSize());
        }

        @Override
        public java.awt.Dimension getMinimumSize() {
            return isMinimumSizeSet() ? super.getMinimumSize() : asIfBold(super.getMinimumSize());
        }

        /** A size measured unlit, widened to the bold text's. */
        private java.awt.Dimension asIfBold(java.awt.Dimension d) {
            String text = getText();
            Font f = super.getFont();
            if (!lit && text != null && f != null) {
                derive(f);
                d.width += getFontMetrics(bold).stringWidth(text) - getFontMetrics(plain).stringWidth(text);
            }
            return d;
        }
    }

    /** A round lamp: green when the step happened, grey outline when not. */
    private static final class Light implements Icon {
        boolean on;
        boolean shown; // its title's font and description match on

        @Override
        public void paintIcon(Component c, Graphics g0, int x, int y) {
            Graphics2D g = (Graphics2D) g0.create();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (on) {
                g.setColor(new Color(0x22, 0xC5, 0x5E));
                g.fillOval(x + 1, y + 1, 12, 12);
            } else {
                Color off = UIManager.getColor("Label.disabledForeground");
                g.setColor(off != null ? off : Color.GRAY);
                g.drawOval(x + 1, y + 1, 11, 11);
            }
            g.dispose();
        }

        @Override
        public int getIconWidth() {
            return 14;
        }

        @Override
        public int getIconHeight() {
            return 14;
        }
    }
}
