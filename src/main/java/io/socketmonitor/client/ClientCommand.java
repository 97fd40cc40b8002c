package io.socketmonitor.client;

import io.socketmonitor.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The command-line face of the test client: {@code --connect HOST:PORT [--send TEXT]} and
 * {@code --connect HOST:PORT --load MODE ...}. Every method returns the process exit code and
 * prints sentences, never stack traces.
 */
public final class ClientCommand {
    /** The server closed the connection normally, or the load run did everything it was asked. */
    public static final int EXIT_OK = 0;
    /** Connecting failed, the connection was reset, or a load run had failures, was cut or cancelled. */
    public static final int EXIT_FAILED = 1;
    /** The command line itself was wrong (HOST:PORT, mode, counts, escapes, or a non-local load target). */
    public static final int EXIT_USAGE = 2;

    private ClientCommand() {}

    /**
     * Connects and runs a telnet-like session: {@code sendText} (escapes decoded, no line ending
     * added; may be null) is sent first, then standard input is forwarded byte for byte; when
     * standard input ends our side is shut down (half-close) and the session waits for the server
     * to close.
     */
    public static int runInteractive(String hostPort, String sendText, InputStream in, PrintStream out,
                                     PrintStream err) {
        return runInteractive(hostPort, sendText, LineEnding.NONE, TestClient.DEFAULT_CONNECT_TIMEOUT, in, out, err);
    }

    /** As above, with the line ending added to {@code sendText} and the connect timeout chosen. */
    public static int runInteractive(String hostPort, String sendText, LineEnding ending, Duration connectTimeout,
                                     InputStream in, PrintStream out, PrintStream err) {
        HostPort target;
        byte[] first = null;
        try {
            target = HostPort.parse(hostPort);
            if (sendText != null) {
                first = SendText.encode(sendText, ending);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (TemplateException e) {
            err.println("Cannot send that text: " + e.getMessage());
            return EXIT_USAGE;
        }

        CompletableFuture<Boolean> connected = new CompletableFuture<>();
        TestClient[] session = new TestClient[1];
        boolean[] outputGone = new boolean[1];
        SessionPrinter printer = new SessionPrinter(out, err, () -> {
            outputGone[0] = true;
            err.println("Standard output could not be written (a closed pipe, or a full disk): disconnecting.");
            session[0].close(); // as ncat does: nothing would read what comes next
        });
        TestClient client = new TestClient(event -> {
            printer.onEvent(event);
            if (event instanceof ClientEvent.Connected) {
                connected.complete(true);
            } else if (event instanceof ClientEvent.Closed) {
                connected.complete(false);
            }
        });
        session[0] = client;
        // The text goes out from the session itself, the moment it connects (see TestClient.connect).
        CompletableFuture<SessionSummary> finished = client.connect(target.host(), target.port(), connectTimeout, first);
        if (connected.join()) {
            startStdinPump(client, in, err);
        }
        SessionSummary summary = join(finished);
        if (summary.end() != SessionEnd.FAILED) {
            err.println("(" + summary.timings() + ")");
        }
        return summary.closedNormally() && !outputGone[0] ? EXIT_OK : EXIT_FAILED;
    }

    /**
     * Runs a load or fault mode against this machine and prints the plan and the summary; blocks
     * until it ends. Everything is parsed and checked first, counts as typed on the command line
     * (null or blank: the default of {@link LoadOptions}).
     */
    public static int runLoad(String hostPort, String mode, String connections, String concurrency,
                              String durationSeconds, String intervalMillis, PrintStream out, PrintStream err) {
        LoadMode loadMode;
        LoadOptions options;
        try {
            loadMode = LoadMode.parse(mode);
            options = LoadOptions.parse(connections, concurrency, durationSeconds, intervalMillis);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        }
        return runLoad(hostPort, loadMode, options, out, err);
    }

    /** Runs a load or fault mode against this machine and prints the summary; blocks until it ends. */
    public static int runLoad(String hostPort, LoadMode mode, LoadOptions options, PrintStream out,
                              PrintStream err) {
        LoadTarget target;
        try {
            target = LoadTarget.resolve(HostPort.parse(hostPort));
        } catch (IllegalArgumentException | NotLocalTargetException e) {
            err.println(e.getMessage());
            // A name that does not resolve fails as --connect's does (1); another machine is a mistake (2).
            return e instanceof NotLocalTargetException n && n.unresolved() ? EXIT_FAILED : EXIT_USAGE;
        }
        out.println(plan(target, mode, options));
        if (target.choice() != null) {
            out.println(target.choice());
        }
        out.flush();
        LoadRun run = LoadRun.start(target, mode, options, LoadListener.NONE);
        // Ctrl+C cancels the run, which still closes every connection it opened, and the JVM
        // waits (briefly) for the summary of what was done until then.
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.cancel();
            try {
                reported.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel load run");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LoadResult result = run.result().get();
            if (result.cancelled() && System.console() != null) {
                out.println(); // the terminal echoed "^C" with no newline
            }
            out.println(result.summary());
            out.flush();
            reported.countDown();
            return result.clean() ? EXIT_OK : EXIT_FAILED;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            err.println("The load run stopped with an error: " + (cause.getMessage() != null ? cause.getMessage()
                    : cause.getClass().getSimpleName()));
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
            return EXIT_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // Already shutting down: the hook is running.
            }
        }
    }

    /** "Burst: 2000 connections to 127.0.0.1:8080, 8 at a time, at most 10.00 s." */
    static String plan(LoadTarget target, LoadMode mode, LoadOptions o) {
        String head = mode.label() + " on " + target + ": ";
        return switch (mode) {
            case BURST, RESET -> head + o.connections() + " connections, "
                    + Math.min(o.concurrency(), o.connections()) // "5 connections, 8 at a time" cannot be
                    + " at a time, at most " + Durations.seconds(o.duration()) + ".";
            case HOLD, NEVER_READ -> head + o.connections() + " connections for " + Durations.seconds(o.duration())
                    + ".";
            case SLOW -> head + o.connections() + " connections, one byte every " + o.interval().toMillis()
                    + " ms for " + Durations.seconds(o.duration()) + ".";
        };
    }

    /** Forwards standard input on a daemon thread (a blocked read of System.in cannot be interrupted). */
    private static void startStdinPump(TestClient client, InputStream in, PrintStream err) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0 && client.isConnected()) {
                    if (n > 0) {
                        client.send(java.util.Arrays.copyOf(buffer, n));
                    }
                }
                if (client.isConnected()) {
                    client.shutdownOutput(); // like nc -N: end of input tells the server we are done
                }
            } catch (IOException e) {
                if (client.isConnected()) {
                    err.println("Could not send: " + e.getMessage());
                }
            }
        }, "stdin to " + "test client");
        pump.setDaemon(true);
        pump.start();
    }

    private static SessionSummary join(CompletableFuture<SessionSummary> f) {
        return f.join(); // never completes exceptionally: TestClient always reports an end
    }
}
