package io.socketmonitor.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A load run in progress on its own thread: bounded by {@link LoadOptions} in count and time, and
 * cancellable. Aimed only at a {@link LoadTarget}, which is always an address of this machine.
 */
public final class LoadRun {
    private final LoadEngine engine;
    private final CompletableFuture<LoadResult> result = new CompletableFuture<>();

    private LoadRun(LoadEngine engine) {
        this.engine = engine;
    }

    /** Starts the run and returns at once; {@link #result()} completes when it ends. */
    public static LoadRun start(LoadTarget target, LoadMode mode, LoadOptions options, LoadListener listener) {
        Objects.requireNonNull(target, "target");
        LoadRun run = new LoadRun(new LoadEngine(target, mode, options, listener));
        Thread t = new Thread(run::runEngine, "load " + mode.cliName() + " " + target);
        t.setDaemon(true);
        t.start();
        return run;
    }

    private void runEngine() {
        try {
            result.complete(engine.run());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    public CompletableFuture<LoadResult> result() {
        return result;
    }

    /** Stops the run soon: open connections are closed and the result says "Cancelled". */
    public void cancel() {
        engine.cancel();
    }

    public boolean isDone() {
        return result.isDone();
    }
}
