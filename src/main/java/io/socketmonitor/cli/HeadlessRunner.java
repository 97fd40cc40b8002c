package io.socketmonitor.cli;

import io.socketmonitor.server.BindFailedException;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/** Runs the server with no window until Ctrl+C or SIGTERM: `--headless`. */
public final class HeadlessRunner {
    private HeadlessRunner() {}

    /** Returns the process exit code: 0 after a normal stop, 1 when the server could not start. */
    public static int run(ServerConfig config, boolean quiet, PrintStream err) {
        StopSignal stop = new StopSignal().install();
        MonitorServer server = new MonitorServer(config);
        OutputPump pump = new OutputPump(new FileOutputStream(FileDescriptor.out), err);
        HeadlessPrinter printer = new HeadlessPrinter(pump, quiet);
        pump.onWake(() -> printer.printDueReads(java.time.Instant.now()));
        server.addListener(printer);
        try {
            server.start();
        } catch (BindFailedException e) {
            pump.close();
            err.println(e.getMessage());
            return 1;
        }
        try {
            stop.await();
            if (stop.byKeyboard() && System.console() != null) {
                pump.line(""); // the terminal echoed "^C" with no newline: the summary gets a line of its own
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
            pump.close();
        }
        return 0;
    }
}
