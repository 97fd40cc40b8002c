package io.socketmonitor;

import io.socketmonitor.cli.HeadlessRunner;
import io.socketmonitor.client.ClientCommand;
import io.socketmonitor.client.LineEnding;
import io.socketmonitor.client.TestClient;
import io.socketmonitor.cli.Options;
import io.socketmonitor.cli.ParserMessages;
import io.socketmonitor.cli.UsageException;
import io.socketmonitor.net.InterfaceDiscovery;
import io.socketmonitor.net.InterfaceReport;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.ui.MainWindow;
import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine;

/** Entry point: reads the options, then runs the window, the headless server or a one-off command. */
public final class SocketMonitor {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    /** Not an exit code: the window is open and ends the program when it closes. */
    static final int WINDOW_OPEN = -1;

    private SocketMonitor() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
        // A negative code means the window is open and owns the program's lifetime.
    }

    /** Returns the exit code, or -1 when a window was opened. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            // A double-click, or a launcher: the window with its remembered settings. Nothing to parse,
            // and picocli's reflection would cost a tenth of the start (docs/performance.md, section 4).
            try {
                return openWindow(ServerConfig.defaults(), Set.of(), false, err);
            } catch (RuntimeException e) {
                err.println("Socket Monitor failed: " + e.getMessage());
                return EXIT_FAILED;
            }
        }
        Options options = new Options();
        if (System.getProperty(Options.RUN_PROPERTY) == null) {
            System.setProperty(Options.RUN_PROPERTY, Options.howToRun());
        }
        CommandLine cl = new CommandLine(options);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(ParserMessages.sentence(e) + " Try --help for the list of options.");
            return EXIT_USAGE;
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(out);
            return EXIT_OK;
        }
        if (cl.isVersionHelpRequested()) {
            out.println("Socket Monitor " + Version.get());
            return EXIT_OK;
        }
        try {
            Set<String> given = new HashSet<>();
            cl.getParseResult().matchedOptions().forEach(o -> given.add(o.longestName()));
            return dispatch(options, given, out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            err.println("Socket Monitor failed: " + e.getMessage());
            if (options.debug()) {
                e.printStackTrace(err);
            }
            return EXIT_FAILED;
        }
    }

    private static int runClient(Options options, PrintStream out, PrintStream err) throws UsageException {
        if (options.load() != null) {
            return ClientCommand.runLoad(options.connect(), options.load(), options.connections(),
                    options.concurrency(), options.duration(), options.interval(), out, err);
        }
        LineEnding ending;
        try {
            ending = LineEnding.parse(options.lineEnding());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return ClientCommand.runInteractive(options.connect(), options.send(), ending,
                TestClient.DEFAULT_CONNECT_TIMEOUT, io.socketmonitor.client.StandardInput.get(), out, err);
    }

    private static int dispatch(Options options, Set<String> givenOptions, PrintStream out, PrintStream err)
            throws UsageException {
        options.checkEachApplies(givenOptions);
        if (options.listInterfaces()) {
            out.print(InterfaceReport.format(InterfaceDiscovery.discover()));
            out.flush();
            return EXIT_OK;
        }
        if (options.connect() != null) {
            return runClient(options, out, err);
        }
        ServerConfig config = options.serverConfig();
        if (options.headless()) {
            return HeadlessRunner.run(config, options.quiet(), err);
        }
        return openWindow(config, givenOptions, options.startNow(), err);
    }

    /** Opens the window, or says why it cannot; {@code givenOptions} are the ones typed, which beat remembered ones. */
    private static int openWindow(ServerConfig config, Set<String> givenOptions, boolean startNow, PrintStream err) {
        if (GraphicsEnvironment.isHeadless()) {
            err.println("No display is available, so the window cannot open. Run the server on the terminal"
                    + " with --headless (see --help).");
            return EXIT_USAGE;
        }
        try {
            MainWindow.open(config, givenOptions, startNow);
        } catch (AWTError | HeadlessException e) {
            // DISPLAY is set but no X server answers there, or the toolkit cannot start.
            String why = String.valueOf(e.getMessage()).replaceAll("\\.+$", "");
            err.println("The window cannot open: " + why + ". Run the server on the terminal with --headless"
                    + " (see --help).");
            return EXIT_USAGE;
        }
        return WINDOW_OPEN;
    }
}
