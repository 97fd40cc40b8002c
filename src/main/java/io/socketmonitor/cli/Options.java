package io.socketmonitor.cli;

import io.socketmonitor.net.BindTarget;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.template.GreetingTemplate;
import io.socketmonitor.template.Printable;
import io.socketmonitor.template.TemplateException;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line's options, as picocli fills them; {@link #serverConfig()} checks them. */
@Command(name = "socket-monitor", sortOptions = false, usageHelpAutoWidth = true,
        description = "Watch and teach TCP sockets: the socket-programming lecture's accept-loop server, "
            + "in a window or on the terminal.",
        footer = {"", "Examples:",
            "  The lecture's server on 127.0.0.1:8080, its lines on the terminal:",
            "    ${sys:socketmonitor.run:-java -jar socket-monitor.jar} --headless",
            "  On every IPv4 interface, on a free port (printed):",
            "    ${sys:socketmonitor.run:-java -jar socket-monitor.jar} --headless --bind all --port 0",
            "  Answer curl and browsers, greeting each by address:",
            "    ${sys:socketmonitor.run:-java -jar socket-monitor.jar} --headless --mode http --greeting 'Hi {peer}\\n'",
            "  Open the window and start at once:",
            "    ${sys:socketmonitor.run:-java -jar socket-monitor.jar} --start",
            "  What telnet does in the lecture:",
            "    ${sys:socketmonitor.run:-java -jar socket-monitor.jar} --connect localhost:8080",
            "  A burst of 100 connections, 8 at a time, against the server above:",
            "    ${sys:socketmonitor.run:-java -jar socket-monitor.jar} --connect localhost:8080 --load burst"})
public final class Options {
    /** The system property the help's examples start with (picocli fills it in). */
    public static final String RUN_PROPERTY = "socketmonitor.run";

    /**
     * How this program is started, for the help's examples: the installed command (the
     * installers bundle their own Java, so "java -jar" may not work there), or the jar.
     */
    public static String howToRun() {
        return howToRun(System.getProperty("jpackage.app-path"), // set by jpackage's launchers
                java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/socket-monitor")));
    }

    /** {@code onPath}: the .deb and .rpm link the launcher into /usr/bin. */
    static String howToRun(String launcher, boolean onPath) {
        if (launcher == null || launcher.isBlank()) {
            return "java -jar socket-monitor.jar";
        }
        if (onPath) {
            return "socket-monitor";
        }
        return launcher.contains(" ") ? "\"" + launcher + "\"" : launcher;
    }

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "loopback",
            description = "loopback (default, 127.0.0.1), loopback6 (::1), all (0.0.0.0, IPv4 only), "
                + "all6 (::, dual stack), or any address of this machine, IPv4 or IPv6")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "0..65535, default 8080; 0 picks a free port and prints it")
    String port;

    @Option(names = "--greeting", paramLabel = "TEXT", defaultValue = GreetingTemplate.DEFAULT_SOURCE,
            description = "default \"Hello from server\\n\"; escapes \\n \\r \\t \\\\ \\0 \\uXXXX, and \\xHH for one byte; "
                + "placeholders {peer} {peerAddress} {peerPort} {local} {time} {count}")
    String greeting;

    @Option(names = "--mode", paramLabel = "M", defaultValue = "close",
            description = "close (default: greet then close, as in the lecture) | keep-open | http"
                + " (curl and browsers need http: they expect an HTTP response)")
    String mode;

    @Option(names = "--echo", description = "with --mode keep-open: send back what each peer sends")
    boolean echo;

    @Option(names = "--backlog", paramLabel = "N", defaultValue = "511", description = "listen backlog, default 511")
    String backlog;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
            description = "open connections at most, default 10000")
    String maxConnections;

    @Option(names = "--max-per-peer", paramLabel = "N", defaultValue = "0",
            description = "open connections per peer address, default 0 (no limit)")
    String maxPerPeer;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "keep-open: close peers silent this long, default 0 (never)")
    String idleTimeout;

    @Option(names = "--write-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "cut a peer that has not read what it was sent for this long, default 10")
    String writeTimeout;

    @Option(names = "--headless", description = "no window: the lecture's lines on stdout until Ctrl+C or SIGTERM")
    boolean headless;

    @Option(names = "--quiet", description = "with --headless: no line per connection, only start, stop and errors")
    boolean quiet;

    @Option(names = "--start", description = "with the window: start the server at once with these settings")
    boolean start;

    @Option(names = "--list-interfaces", description = "print this machine's interfaces and addresses, each with who can reach it")
    boolean listInterfaces;

    @Option(names = "--connect", paramLabel = "HOST:PORT",
            description = "be the client instead, like telnet in the lecture: standard input is sent, "
                + "what the server sends is printed ([::1]:8080 for IPv6)")
    String connect;

    @Option(names = "--send", paramLabel = "TEXT", description = "with --connect: send this text first (same escapes as the greeting)")
    String send;

    @Option(names = "--line-ending", paramLabel = "E", defaultValue = "none",
            description = "with --send: lf, crlf, cr or none (default) added after the text")
    String lineEnding;

    @Option(names = "--load", paramLabel = "MODE",
            description = {"with --connect: burst | hold | reset | never-read | slow, against this machine only"})
    String load;

    @Option(names = "--connections", paramLabel = "N", description = "load: connections in all (default 100)")
    String connections;

    @Option(names = "--concurrency", paramLabel = "C", description = "load: connections at a time (default 8)")
    String concurrency;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "load: how long to hold, or the time limit (default 10)")
    String duration;

    @Option(names = "--interval", paramLabel = "MILLIS", description = "load slow: one byte per interval (default 1000)")
    String interval;

    @Option(names = "--debug", description = "print stack traces with errors")
    boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and exit")
    boolean version;

    private static final List<String> SERVER_ONLY = List.of("--bind", "--port", "--greeting", "--mode", "--echo",
            "--backlog", "--max-connections", "--max-per-peer", "--idle-timeout", "--write-timeout", "--headless",
            "--quiet", "--start");
    private static final List<String> CLIENT_ONLY = List.of("--send", "--line-ending", "--load", "--connections",
            "--concurrency", "--duration", "--interval");
    private static final List<String> LOAD_ONLY = List.of("--connections", "--concurrency", "--duration", "--interval");

    /**
     * Says which typed option would do nothing where it stands (a client option without
     * {@code --connect}, {@code --echo} outside keep-open mode...), rather than ignore it.
     *
     * @param given the long names of the options typed
     */
    public void checkEachApplies(Set<String> given) throws UsageException {
        if (listInterfaces && given.size() > 1) {
            String other = given.stream().filter(o -> !o.equals("--list-interfaces")).sorted().findFirst().orElse("");
            throw new UsageException("--list-interfaces prints this machine's addresses and exits: leave out "
                    + other + ".");
        }
        if (connect != null) {
            String server = firstOf(given, SERVER_ONLY);
            if (server != null) {
                throw new UsageException(server + " sets up the server, but with --connect this program is the"
                        + " client: leave out one or the other.");
            }
        } else {
            String client = firstOf(given, CLIENT_ONLY);
            if (client != null) {
                throw new UsageException(client + " is the test client's: add --connect HOST:PORT"
                        + " (e.g. --connect localhost:8080 " + client + " ...).");
            }
        }
        String loadOnly = firstOf(given, LOAD_ONLY);
        if (load == null && loadOnly != null) {
            throw new UsageException(loadOnly + " sets up a load run: add --load MODE (e.g. --load burst).");
        }
        if (given.contains("--interval") && load != null && loadModeOtherThan(io.socketmonitor.client.LoadMode.SLOW)) {
            throw new UsageException("--interval paces the slow mode's bytes: use it with --load slow.");
        }
        if (given.contains("--quiet") && !headless) {
            throw new UsageException("--quiet quiets the terminal's lines: add --headless (the window has its own log).");
        }
        if (load != null && (given.contains("--send") || given.contains("--line-ending"))) {
            throw new UsageException("--load sends nothing of its own choosing: leave out --send and --line-ending"
                    + " (they are for a session like telnet's).");
        }
        if (given.contains("--line-ending") && send == null) {
            throw new UsageException("--line-ending is added after --send's text: add --send TEXT.");
        }
        // The window may take keep-open from its remembered settings; an unknown mode is said below.
        Mode m = Mode.fromCliName(mode);
        boolean modeKnown = headless || given.contains("--mode");
        if (echo && m != null && m != Mode.KEEP_OPEN && modeKnown) {
            throw new UsageException("--echo answers peers that stay connected: add --mode keep-open.");
        }
        if (given.contains("--idle-timeout") && m != null && m != Mode.KEEP_OPEN && modeKnown) {
            throw new UsageException("--idle-timeout closes keep-open peers that stay silent: add --mode keep-open"
                    + " (HTTP mode has its own 30 s limit for a request).");
        }
        if (start && headless) {
            throw new UsageException("--start starts the window's server at once; --headless always does:"
                    + " leave out --start.");
        }
        if (given.contains("--bind") && (bind == null || bind.isBlank())) {
            throw new UsageException("--bind needs an address: loopback, loopback6, all, all6 or one of this"
                    + " machine's (see --list-interfaces).");
        }
    }

    /** A known load mode that is not {@code m}; an unknown one is named where it is parsed. */
    private boolean loadModeOtherThan(io.socketmonitor.client.LoadMode m) {
        try {
            return io.socketmonitor.client.LoadMode.parse(load) != m;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static String firstOf(Set<String> given, List<String> names) {
        return names.stream().filter(given::contains).findFirst().orElse(null);
    }

    /** Turns the option text into a checked configuration, or a sentence saying what is wrong. */
    public ServerConfig serverConfig() throws UsageException {
        int p = OptionValues.port(port);
        Mode m = Mode.fromCliName(mode);
        if (m == null) {
            throw new UsageException("Mode '" + Printable.visible(mode)
                    + "' is unknown: use close, keep-open or http.");
        }
        GreetingTemplate g;
        try {
            g = GreetingTemplate.parse(OptionValues.text("--greeting", greeting));
        } catch (TemplateException e) {
            String why = e.getMessage();
            // "Greeting: Unknown escape \q…" says which text is wrong; "The greeting is 70000 bytes" says so itself.
            throw new UsageException(why.startsWith("The greeting ") ? why : "Greeting: " + why);
        }
        BindTarget target;
        try {
            target = BindTarget.parse(bind);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new ServerConfig(target.address(), p, g, m,
                OptionValues.integer("--backlog", backlog, 1, 65_535),
                OptionValues.integer("--max-connections", maxConnections, 1, 1_000_000),
                OptionValues.integer("--max-per-peer", maxPerPeer, 0, 1_000_000),
                OptionValues.seconds("--idle-timeout", idleTimeout, 0, 86_400),
                OptionValues.seconds("--write-timeout", writeTimeout, 1, 86_400),
                echo);
    }

    public boolean headless() {
        return headless;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean startNow() {
        return start;
    }

    public boolean listInterfaces() {
        return listInterfaces;
    }

    /** The HOST:PORT to connect to as a client, or null to run the server. */
    public String connect() {
        return connect;
    }

    public String send() throws UsageException {
        return OptionValues.text("--send", send);
    }

    public String lineEnding() {
        return lineEnding;
    }

    public String load() {
        return load;
    }

    public String connections() {
        return connections;
    }

    public String concurrency() {
        return concurrency;
    }

    public String duration() {
        return duration;
    }

    public String interval() {
        return interval;
    }

    public boolean debug() {
        return debug;
    }
}
