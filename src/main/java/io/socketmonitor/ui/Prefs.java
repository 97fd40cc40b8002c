package io.socketmonitor.ui;

import io.socketmonitor.client.LoadMode;
import io.socketmonitor.client.LoadOptions;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.template.GreetingTemplate;
import io.socketmonitor.template.TemplateException;
import java.awt.Rectangle;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javax.swing.RowSorter;
import javax.swing.SortOrder;

/**
 * Everything the window remembers, in one {@link Preferences} node. Tests pass a throwaway node.
 * Reads never throw: a missing or damaged value falls back to the default. A greeting the store
 * refuses is not remembered; the window guards its other writes (Start and Quit go on).
 */
public final class Prefs {
    static final String THEME = "theme";
    static final String BOUNDS = "window.bounds";
    static final String MAXIMIZED = "window.maximized";
    static final String AUTO_SCROLL = "log.autoScroll";
    static final String BIND = "server.bind";
    static final String PORT = "server.port";
    static final String MODE = "server.mode";
    static final String GREETING = "server.greeting";
    static final String BACKLOG = "server.backlog";
    static final String MAX_CONN = "server.maxConnections";
    static final String MAX_PER_PEER = "server.maxPerPeer";
    static final String IDLE = "server.idleSeconds";
    static final String WRITE = "server.writeTimeoutSeconds";
    static final String ECHO = "server.echo";
    static final String HISTORY = "table.closedHistory";
    static final String ADVANCED_OPEN = "server.advancedOpen";
    static final String CLIENT_HOST = "client.host";
    static final String CLIENT_PORT = "client.port";
    static final String CLIENT_LINE_ENDING = "client.lineEnding";
    static final String CLIENT_RECENT = "client.recent";
    static final String LOAD_OPEN = "client.load.open";
    static final String LOAD_MODE = "client.load.mode";
    static final String LOAD_CONNECTIONS = "client.load.connections";
    static final String LOAD_CONCURRENCY = "client.load.concurrency";
    static final String LOAD_DURATION = "client.load.durationSeconds";
    static final String LOAD_INTERVAL = "client.load.intervalMillis";
    static final String CLIENT_HEX_VIEW = "client.hexView";
    static final String TABLE_SORT = "table.sort";

    /**
     * On a first launch java.util.prefs logs "Created user preferences directory." at INFO,
     * which lands on the console as two lines a user cannot act on; its warnings still show.
     * Held in a field because the logging framework keeps loggers weakly, level and all.
     */
    private static final Logger PREFS_LOG = Logger.getLogger("java.util.prefs");

    private final Preferences node;
    /** A remembered bind address this machine no longer has, as read last; null when none. */
    private String forgottenBind;

    public Prefs(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The user's real preferences for the app. */
    public static Prefs user() {
        PREFS_LOG.setLevel(Level.WARNING);
        return new Prefs(Preferences.userRoot().node("io/socketmonitor/ui"));
    }

    public Preferences node() {
        return node;
    }

    public String theme() {
        return node.get(THEME, Themes.LIGHT);
    }

    public void theme(String theme) {
        node.put(THEME, theme);
    }

    public Rectangle bounds() {
        String s = node.get(BOUNDS, "");
        String[] p = s.split(",");
        if (p.length != 4) {
            return null;
        }
        try {
            Rectangle r = new Rectangle(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                    Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
            return r.width >= 200 && r.height >= 150 ? r : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void bounds(Rectangle r) {
        node.put(BOUNDS, r.x + "," + r.y + "," + r.width + "," + r.height);
    }

    public boolean maximized() {
        return node.getBoolean(MAXIMIZED, false);
    }

    public void maximized(boolean m) {
        node.putBoolean(MAXIMIZED, m);
    }

    public int split(String name, int fallback) {
        return node.getInt("split." + name, fallback);
    }

    public void saveSplit(String name, int location) {
        node.putInt("split." + name, location);
    }

    public boolean autoScroll() {
        return node.getBoolean(AUTO_SCROLL, true);
    }

    public void autoScroll(boolean on) {
        node.putBoolean(AUTO_SCROLL, on);
    }

    /**
     * Said when the remembered address was not restored because this machine no longer has
     * it; null otherwise. Valid after {@link #serverConfig} (and so {@link #merge}).
     */
    public String forgottenBindNote() {
        return forgottenBind == null ? null : forgottenBind + ", where the server listened last time, is no longer"
                + " an address of this machine: Start listens on loopback instead.";
    }

    /** Points added to the theme's text size (View > Larger text), 0 for its own. */
    public int textSize() {
        return Math.max(Themes.MIN_TEXT_STEP, Math.min(Themes.MAX_TEXT_STEP, node.getInt("view.textSize", 0)));
    }

    public void textSize(int points) {
        node.putInt("view.textSize", points);
    }

    /** The selected tab of a tab strip ("side", "bottom"), or -1. */
    public int tab(String strip) {
        return node.getInt("tab." + strip, -1);
    }

    public void tab(String strip, int index) {
        node.putInt("tab." + strip, index);
    }

    public boolean advancedOpen() {
        return node.getBoolean(ADVANCED_OPEN, false);
    }

    public void advancedOpen(boolean open) {
        node.putBoolean(ADVANCED_OPEN, open);
    }

    /** The test client's own target, {host, port}, or null while it follows the server. */
    public String[] clientTarget() {
        String host = node.get(CLIENT_HOST, null);
        String port = node.get(CLIENT_PORT, null);
        return host == null || port == null ? null : new String[] {host, port};
    }

    public void clientTarget(String host, String port) {
        if (host == null || port == null) {
            node.remove(CLIENT_HOST);
            node.remove(CLIENT_PORT);
        } else {
            node.put(CLIENT_HOST, host);
            node.put(CLIENT_PORT, port);
        }
    }

    /** The test client's line ending by its command-line name ("crlf"), or null. */
    public String clientLineEnding() {
        return node.get(CLIENT_LINE_ENDING, null);
    }

    public void clientLineEnding(String name) {
        node.put(CLIENT_LINE_ENDING, name);
    }

    /** The servers the test client reached, one HOST:PORT a line, newest first; null when none. */
    public String clientRecent() {
        return longText(CLIENT_RECENT);
    }

    public void clientRecent(String lines) {
        putLongText(CLIENT_RECENT, lines);
    }

    public boolean loadOpen() {
        return node.getBoolean(LOAD_OPEN, false);
    }

    public void loadOpen(boolean open) {
        node.putBoolean(LOAD_OPEN, open);
    }

    /** The test client's load mode, or null when none is remembered (or the name is unknown). */
    public LoadMode loadMode() {
        String name = node.get(LOAD_MODE, null);
        try {
            return name == null ? null : LoadMode.parse(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The load section's numbers; each one absent or out of range is the default. */
    public LoadOptions loadOptions() {
        LoadOptions o = LoadOptions.defaults();
        o = safely(o, x -> x.withConnections(node.getInt(LOAD_CONNECTIONS, x.connections())));
        o = safely(o, x -> x.withConcurrency(node.getInt(LOAD_CONCURRENCY, x.concurrency())));
        o = safely(o, x -> x.withDuration(Duration.ofSeconds(node.getInt(LOAD_DURATION, (int) x.duration().toSeconds()))));
        return safely(o, x -> x.withInterval(Duration.ofMillis(node.getInt(LOAD_INTERVAL, (int) x.interval().toMillis()))));
    }

    public void saveLoad(LoadMode mode, LoadOptions o) {
        node.put(LOAD_MODE, mode.cliName());
        node.putInt(LOAD_CONNECTIONS, o.connections());
        node.putInt(LOAD_CONCURRENCY, o.concurrency());
        node.putInt(LOAD_DURATION, (int) o.duration().toSeconds());
        node.putInt(LOAD_INTERVAL, (int) o.interval().toMillis());
    }

    /** Whether the test client showed what it received in hex rather than as text. */
    public boolean clientHexView() {
        return node.getBoolean(CLIENT_HEX_VIEW, false);
    }

    public void clientHexView(boolean hex) {
        node.putBoolean(CLIENT_HEX_VIEW, hex);
    }

    /**
     * The peer table's sort, as "COLUMN,ASCENDING" (a model column), or null when unsorted or
     * when the column is not one of the table's {@code columns} any more.
     */
    public RowSorter.SortKey tableSort(int columns) {
        String[] p = node.get(TABLE_SORT, "").split(",");
        if (p.length != 2) {
            return null;
        }
        try {
            int column = Integer.parseInt(p[0].trim());
            SortOrder order = SortOrder.valueOf(p[1].trim());
            return column >= 0 && column < columns && order != SortOrder.UNSORTED
                    ? new RowSorter.SortKey(column, order) : null;
        } catch (IllegalArgumentException damaged) { // NumberFormatException too
            return null;
        }
    }

    public void tableSort(RowSorter.SortKey key) {
        if (key == null || key.getSortOrder() == SortOrder.UNSORTED) {
            node.remove(TABLE_SORT);
        } else {
            node.put(TABLE_SORT, key.getColumn() + "," + key.getSortOrder().name());
        }
    }

    public int closedHistory() {
        return Math.max(10, node.getInt(HISTORY, PeerTableModel.DEFAULT_HISTORY));
    }

    /** The remembered server settings, each falling back to {@code base} when absent or invalid. */
    public ServerConfig serverConfig(ServerConfig base) {
        ServerConfig c = base;
        String bind = node.get(BIND, null);
        forgottenBind = null;
        if (bind != null && !bind.isBlank()) {
            try {
                InetAddress a = InetAddress.getByName(bind);
                if (io.socketmonitor.net.InterfaceDiscovery.isLocalAddress(a)) {
                    c = c.withBindAddress(a);
                } else {
                    forgottenBind = bind; // a laptop on another network, a container gone: the default instead
                }
            } catch (UnknownHostException | SecurityException e) {
                // keep the default
            }
        }
        c = safely(c, x -> x.withPort(node.getInt(PORT, base.port())));
        Mode mode = Mode.fromCliName(node.get(MODE, base.mode().cliName()));
        if (mode != null) {
            c = c.withMode(mode);
        }
        String greeting = longText(GREETING);
        if (greeting != null) {
            try {
                c = c.withGreeting(GreetingTemplate.parse(greeting));
            } catch (TemplateException e) {
                // keep the default
            }
        }
        c = safely(c, x -> x.withBacklog(node.getInt(BACKLOG, base.backlog())));
        c = safely(c, x -> x.withMaxConnections(node.getInt(MAX_CONN, base.maxConnections())));
        c = safely(c, x -> x.withMaxPerPeer(node.getInt(MAX_PER_PEER, base.maxPerPeer())));
        long idle = node.getLong(IDLE, base.idleTimeout().toSeconds());
        if (idle >= 0) {
            c = c.withIdleTimeout(Duration.ofSeconds(idle));
        }
        long write = node.getLong(WRITE, base.writeTimeout().toSeconds());
        if (write >= 1) {
            c = c.withWriteTimeout(Duration.ofSeconds(write));
        }
        return c.withEcho(node.getBoolean(ECHO, base.echo()));
    }

    /** Applies one remembered field if the result validates; otherwise keeps {@code c}. */
    private static ServerConfig safely(ServerConfig c, java.util.function.UnaryOperator<ServerConfig> change) {
        try {
            return change.apply(c);
        } catch (IllegalArgumentException e) {
            return c;
        }
    }

    /** As {@link #safely(ServerConfig, java.util.function.UnaryOperator)}, for the load options. */
    private static LoadOptions safely(LoadOptions o, java.util.function.UnaryOperator<LoadOptions> change) {
        try {
            return change.apply(o);
        } catch (IllegalArgumentException e) {
            return o;
        }
    }

    public void saveServerConfig(ServerConfig c) {
        node.put(BIND, io.socketmonitor.net.Addresses.literal(c.bindAddress()));
        node.putInt(PORT, c.port());
        node.put(MODE, c.mode().cliName());
        try {
            putLongText(GREETING, c.greeting().source());
        } catch (IllegalArgumentException e) {
            removeLongText(GREETING); // a NUL character, which the store refuses: the default comes back
        }
        node.putInt(BACKLOG, c.backlog());
        node.putInt(MAX_CONN, c.maxConnections());
        node.putInt(MAX_PER_PEER, c.maxPerPeer());
        node.putLong(IDLE, c.idleTimeout().toSeconds());
        node.putLong(WRITE, c.writeTimeout().toSeconds());
        node.putBoolean(ECHO, c.echo());
    }

    /**
     * Stores text of any length: a greeting may be 64 KiB and more as typed, a preference value
     * at most {@link Preferences#MAX_VALUE_LENGTH} characters. Longer text goes in numbered parts.
     */
    void putLongText(String key, String text) {
        int max = Preferences.MAX_VALUE_LENGTH;
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The preferences store refuses the NUL character.");
        }
        removeLongText(key);
        if (text.length() <= max) {
            node.put(key, text);
            return;
        }
        int parts = 0;
        for (int from = 0; from < text.length(); parts++) {
            int to = Math.min(text.length(), from + max);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--; // a pair stays whole: half of one is not text the store can keep
            }
            node.put(key + "." + parts, text.substring(from, to));
            from = to;
        }
        node.putInt(key + ".parts", parts);
    }

    /** What {@link #putLongText} stored, or null when nothing (or not every part) is there. */
    String longText(String key) {
        String whole = node.get(key, null);
        int parts = node.getInt(key + ".parts", 0);
        if (whole != null || parts <= 0) {
            return whole; // writing parts removes the whole value: one there is the newer
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            String part = node.get(key + "." + i, null);
            if (part == null) {
                return null;
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** Removes the value and every part, also parts a crash left uncounted. */
    private void removeLongText(String key) {
        node.remove(key + ".parts");
        node.remove(key);
        try {
            for (String k : node.keys()) {
                if (k.startsWith(key + ".") && k.substring(key.length() + 1).chars().allMatch(Character::isDigit)) {
                    node.remove(k);
                }
            }
        } catch (java.util.prefs.BackingStoreException e) {
            // parts left behind stay unread: with ".parts" and the whole value gone, nothing reads them
        }
    }

    /** Remembered settings, overridden by those in {@code initial} that differ from the defaults. */
    public ServerConfig merge(ServerConfig initial) {
        return initial == null ? serverConfig(ServerConfig.defaults()) : merge(initial, differingOptions(initial));
    }

    /**
     * Remembered settings, overridden by the command-line options named in {@code given}
     * (e.g. "--port"): an option the user typed wins even when it equals the default.
     */
    public ServerConfig merge(ServerConfig initial, Set<String> given) {
        ServerConfig c = serverConfig(ServerConfig.defaults());
        if (given.contains("--bind")) {
            c = c.withBindAddress(initial.bindAddress());
            forgottenBind = null; // the address typed wins over the one remembered, gone or not
        }
        if (given.contains("--port")) c = c.withPort(initial.port());
        if (given.contains("--greeting")) c = c.withGreeting(initial.greeting());
        if (given.contains("--mode")) c = c.withMode(initial.mode());
        if (given.contains("--backlog")) c = c.withBacklog(initial.backlog());
        if (given.contains("--max-connections")) c = c.withMaxConnections(initial.maxConnections());
        if (given.contains("--max-per-peer")) c = c.withMaxPerPeer(initial.maxPerPeer());
        if (given.contains("--idle-timeout")) c = c.withIdleTimeout(initial.idleTimeout());
        if (given.contains("--write-timeout")) c = c.withWriteTimeout(initial.writeTimeout());
        if (given.contains("--echo")) c = c.withEcho(initial.echo());
        return c;
    }

    private static Set<String> differingOptions(ServerConfig initial) {
        ServerConfig d = ServerConfig.defaults();
        Set<String> given = new HashSet<>();
        if (!initial.bindAddress().equals(d.bindAddress())) given.add("--bind");
        if (initial.port() != d.port()) given.add("--port");
        if (!initial.greeting().source().equals(d.greeting().source())) given.add("--greeting");
        if (initial.mode() != d.mode()) given.add("--mode");
        if (initial.backlog() != d.backlog()) given.add("--backlog");
        if (initial.maxConnections() != d.maxConnections()) given.add("--max-connections");
        if (initial.maxPerPeer() != d.maxPerPeer()) given.add("--max-per-peer");
        if (!initial.idleTimeout().equals(d.idleTimeout())) given.add("--idle-timeout");
        if (!initial.writeTimeout().equals(d.writeTimeout())) given.add("--write-timeout");
        if (initial.echo() != d.echo()) given.add("--echo");
        return given;
    }

    /**
     * Writes the settings to the store; off the EDT, as it is file I/O and may wait: Java's
     * file-based store retries a lock it cannot take for 1.5 s before it gives up.
     *
     * @return why the store refused them (the settings stay for this session), or null
     */
    public String flush() {
        try {
            node.flush();
            return null;
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            String why = String.valueOf(e.getMessage()).strip();
            return why.endsWith(".") ? why.substring(0, why.length() - 1) : why;
        }
    }

    /** What the user reads when the store refuses the settings ({@code why}, from {@link #flush}). */
    static String refusedMessage(String why) {
        return "Settings will not be saved (" + why + "). Check that " + storeLocation() + " can be written.";
    }

    /** Where Java keeps a user's preferences on this system. */
    private static String storeLocation() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            return "the registry key HKEY_CURRENT_USER\\Software\\JavaSoft\\Prefs";
        }
        String home = System.getProperty("user.home");
        if (os.startsWith("mac")) {
            return java.nio.file.Path.of(home, "Library", "Preferences", "com.apple.java.util.prefs.plist").toString();
        }
        String root = System.getProperty("java.util.prefs.userRoot", home);
        return java.nio.file.Path.of(root, ".java", ".userPrefs").toString();
    }

    /**
     * Once the user has been told the store refuses settings, Java's own warning every 30 s
     * ("Couldn't flush user prefs") says nothing new.
     */
    static void quietStoreWarnings() {
        PREFS_LOG.setLevel(Level.SEVERE);
    }
}
