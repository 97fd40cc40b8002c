package io.socketmonitor.cli;

import io.socketmonitor.server.BindFailedException;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the server with no window until Ctrl+C or SIGTERM: `--headless`. */
public final class HeadlessRunner {
    private HeadlessRunner() {}

    /** Returns the process exit code: 0 after a normal stop, 1 when the server could not start. */
    public static int run(ServerConfig config, boolean quiet, PrintStream err) {
        // One flush per line would cap the rate at a few thousand lines a second; buffer instead.
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        HeadlessPrinter printer = new HeadlessPrinter(out, err, quiet);
        StopSignal stop = new StopSignal().install();
        MonitorServer server = new MonitorServer(config);
        server.addListener(printer);
        try {
            server.start();
        } catch (BindFailedException e) {
            err.println(e.getMessage());
            return 1;
        }
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "socket-monitor-output");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(printer::flush, 200, 200, TimeUnit.MILLISECONDS);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
            flusher.shutdownNow();
            printer.flush();
        }
        return 0;
    }
}
