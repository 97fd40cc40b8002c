package io.socketmonitor.ui;

import io.socketmonitor.server.BindFailedException;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.server.ServerListener;
import io.socketmonitor.server.ServerStats;
import io.socketmonitor.template.GreetingTemplate;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Runs the server's blocking work (start, stop, commands) on one background thread so the window
 * never freezes; results come back on the EDT. State fields are touched on the EDT only.
 */
public final class ServerController {
    public enum State { STOPPED, STARTING, RUNNING, STOPPING }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "socket-monitor-control");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "socket-monitor-io");
        t.setDaemon(true);
        return t;
    });
    /**
     * Host lookups, apart from the jobs whose end matters: a name server that never answers
     * (Java's resolver waits 5 s and more) must not hold Quit, nor a save behind it.
     */
    private final ExecutorService lookups = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "socket-monitor-lookup");
        t.setDaemon(true);
        return t;
    });
    private final ServerListener listener;
    private volatile MonitorServer server;
    /** What the last server counted, shown once it has stopped (until the next one runs). */
    private volatile ServerStats lastRun;
    /** Connections numbered in the runs so far: the next run goes on from there. */
    private volatile long numbered;
    private State state = State.STOPPED;
    private InetSocketAddress bound;

    public ServerController(ServerListener listener) {
        this.listener = listener;
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public InetSocketAddress bound() {
        return bound;
    }

    /** Starts a new server with {@code config}; exactly one callback runs, on the EDT. */
    public void start(ServerConfig config, Consumer<InetSocketAddress> started, Consumer<String> failed) {
        if (state != State.STOPPED) {
            return;
        }
        state = State.STARTING;
        worker.execute(() -> {
            MonitorServer s = null;
            try {
                s = new MonitorServer(config);
                s.numberConnectionsFrom(numbered + 1);
                s.addListener(listener);
                InetSocketAddress at = s.start();
                server = s; // set here, on the worker, so a shutdown queued behind this start closes it
                lastRun = null;
                SwingUtilities.invokeLater(() -> {
                    bound = at;
                    state = State.RUNNING;
                    started.accept(at);
                });
            } catch (BindFailedException e) {
                String message = e.getMessage();
                closeQuietly(s);
                SwingUtilities.invokeLater(() -> {
                    state = State.STOPPED;
                    failed.accept(message);
                });
            } catch (RuntimeException | Error e) {
                closeQuietly(s);
                String message = "The server could not start: " + (e.getMessage() == null ? e.toString() : e.getMessage());
                SwingUtilities.invokeLater(() -> {
                    state = State.STOPPED;
                    failed.accept(message);
                });
            }
        });
    }

    /** Stops the server; {@code stopped} runs on the EDT when the port is free again. */
    public void stop(Runnable stopped) {
        if (state != State.RUNNING) {
            return;
        }
        state = State.STOPPING;
        MonitorServer s = server;
        worker.execute(() -> {
            closeQuietly(s);
            remember(s);
            numberedBy(s);
            server = null;
            SwingUtilities.invokeLater(() -> {
                bound = null;
                state = State.STOPPED;
                stopped.run();
            });
        });
    }

    /** The server stopped by itself (a Stopped event while running): forget it. On the EDT. */
    void stoppedByItself() {
        if (state == State.RUNNING) {
            MonitorServer s = server;
            remember(s);
            server = null;
            bound = null;
            state = State.STOPPED;
            worker.execute(() -> {
                closeQuietly(s);
                numberedBy(s); // here, not on the EDT: it takes the server's lock; before any next start
            });
        }
    }

    private static void closeQuietly(MonitorServer s) {
        if (s != null) {
            try {
                s.stop();
            } catch (RuntimeException e) {
                // stopping is best effort; the log shows server errors
            }
        }
    }

    /** The running server's counters; stopped, the last run's (nothing open, no rate); null before any. */
    public ServerStats stats() {
        MonitorServer s = server;
        return s == null ? lastRun : s.stats();
    }

    /** The next run numbers on from the last of {@code s}'s connections. On the worker. */
    private void numberedBy(MonitorServer s) {
        if (s != null) {
            numbered = s.lastConnectionNumber();
        }
    }

    private void remember(MonitorServer s) {
        if (s != null) {
            ServerStats t = s.stats();
            lastRun = new ServerStats(t.served(), 0, t.peakOpen(), 0, t.bytesIn(), t.bytesOut(), t.errors());
        }
    }

    public void setGreeting(GreetingTemplate g) {
        MonitorServer s = server;
        if (s != null) {
            onWorker(() -> s.setGreeting(g));
        }
    }

    public void setEcho(boolean echo) {
        MonitorServer s = server;
        if (s != null) {
            onWorker(() -> s.setEcho(echo));
        }
    }

    public void send(List<Long> ids, byte[] data) {
        MonitorServer s = server;
        if (s != null) {
            onWorker(() -> ids.forEach(id -> s.send(id, data)));
        }
    }

    public void sendToAll(byte[] data, Consumer<Integer> done) {
        MonitorServer s = server;
        if (s != null) {
            onWorker(() -> {
                int n = s.sendToAll(data);
                SwingUtilities.invokeLater(() -> done.accept(n));
            });
        }
    }

    /** Starts or stops copying one peer's bytes into its events (see MonitorServer.watch). */
    public void watch(long id, boolean on) {
        MonitorServer s = server;
        if (s != null) {
            onWorker(() -> s.watch(id, on));
        }
    }

    public void disconnect(List<Long> ids) {
        MonitorServer s = server;
        if (s != null) {
            onWorker(() -> ids.forEach(s::disconnect));
        }
    }

    /** Runs a slow job whose end matters (a file save) off the EDT; {@link #shutdown} waits for it. */
    public void background(Runnable job) {
        try {
            io.execute(job);
        } catch (RejectedExecutionException closing) {
            // The window is closing: no one is left to see the result.
        }
    }

    /** Runs a host lookup off the EDT; {@link #shutdown} does not wait for it. */
    public void lookup(Runnable job) {
        try {
            lookups.execute(job);
        } catch (RejectedExecutionException closing) {
            // The window is closing: no one is left to see the name.
        }
    }

    /**
     * Runs a user's action on the running server, on the worker. A Swing timer or a late click
     * can still ask while the window closes; the worker is gone then, and so is the server.
     */
    private void onWorker(Runnable job) {
        try {
            worker.execute(job);
        } catch (RejectedExecutionException closing) {
            // Nothing to act on any more.
        }
    }

    /**
     * Stops the server and waits (bounded) for the port to be free and for the background jobs
     * under way (a log or CSV being saved) to finish, not for host lookups; for window close,
     * after which the program ends. Any thread.
     */
    public void shutdown(long timeoutMillis) {
        // runs after any start still queued, so a server started at the last moment is stopped too
        worker.execute(() -> {
            closeQuietly(server);
            server = null;
        });
        worker.shutdown();
        io.shutdown(); // no new job; the ones under way finish (a file half written would be lost)
        lookups.shutdownNow(); // a name no one will see: its daemon thread ends with the program
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            worker.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
            io.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
