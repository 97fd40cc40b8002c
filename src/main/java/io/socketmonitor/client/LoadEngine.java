package io.socketmonitor.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Drives every connection of a load run from one thread with non-blocking channels and one
 * selector, so thousands of short connections cost no threads. Not thread-safe except
 * {@link #cancel()}.
 */
final class LoadEngine {
    /** What the slow sender trickles: an HTTP request head, so an HTTP-mode server shows its head timeout. */
    static final byte[] SLOW_PAYLOAD = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    static {
        // A run that asks for more connections than the descriptor limit reaches EMFILE; the
        // first channel close there would then fail for good (see ChannelWarmUp).
        io.socketmonitor.net.ChannelWarmUp.run();
        // Loading a class needs a descriptor too (a class file, a jar not yet opened): load
        // what the failure path uses now, not when the run has none left.
        IOException emfile = new IOException("Too many open files");
        kind(emfile);
        ConnectErrors.describe(emfile, "localhost", java.net.InetAddress.getLoopbackAddress(), 1,
                java.time.Duration.ofSeconds(1));
    }

    private final LoadTarget target;
    private final LoadMode mode;
    private final LoadOptions options;
    private final LoadListener listener;
    private volatile boolean cancelled;
    private volatile Selector selector;

    /** Connecting, and for burst also reading: what concurrency limits. */
    private final Set<Connection> inFlight = new LinkedHashSet<>();
    /** Connections kept for the duration by the timed modes. */
    private final Set<Connection> held = new LinkedHashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final long[] latencies;
    private final Map<String, Integer> failures = new HashMap<>();
    private int latencyCount;
    private int started;
    private int connected;
    private int completed;
    private int failed;
    private int greeted;
    private int closedByServer;
    private int closedAtOnce;
    /** A greet-and-close server ends a connection this soon; a keep-open one holds it. */
    private static final long AT_ONCE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    /** Burst and reset: in flight when the run was stopped (time limit, cancel), neither served nor failed. */
    private int unfinished;
    /** Burst: connected, then neither a byte nor an end of stream before the timeout or the limit. */
    private int silent;
    private long bytesSent;
    private String firstFailure;
    private long startNanos;
    private long nextProgressNanos;

    private static final class Connection {
        final SocketChannel channel;
        final long startedNanos;
        long deadlineNanos;
        long bytesIn;
        long nextByteNanos;
        int payloadIndex;

        Connection(SocketChannel channel, long startedNanos) {
            this.channel = channel;
            this.startedNanos = startedNanos;
        }
    }

    LoadEngine(LoadTarget target, LoadMode mode, LoadOptions options, LoadListener listener) {
        this.target = target;
        this.mode = mode;
        this.options = options;
        this.listener = listener == null ? LoadListener.NONE : listener;
        this.latencies = new long[mode == LoadMode.BURST ? options.connections() : 0];
    }

    void cancel() {
        cancelled = true;
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    LoadResult run() throws IOException {
        startNanos = System.nanoTime();
        long endNanos = startNanos + options.duration().toNanos();
        boolean timeLimitReached = false;
        try (Selector sel = Selector.open()) {
            selector = sel;
            while (!cancelled) {
                long now = System.nanoTime();
                if (now >= endNanos) {
                    // The timed modes end here by design, once every connection was opened.
                    timeLimitReached = !mode.timed() || started < options.connections() || !inFlight.isEmpty();
                    break;
                }
                startMore(now);
                if (finished()) {
                    break;
                }
                sel.select(Math.max(1, (nextWake(now, endNanos) - now) / 1_000_000L));
                now = System.nanoTime();
                handleReady(sel, now);
                expireDeadlines(now);
                if (mode == LoadMode.SLOW) {
                    trickle(now);
                }
                if (now >= nextProgressNanos) {
                    report(now);
                }
            }
        } finally {
            selector = null;
            closeAll();
        }
        long end = System.nanoTime();
        report(end);
        return result(end, timeLimitReached);
    }

    /** Burst and reset end after N; timed modes end early only when nothing is left to hold. */
    private boolean finished() {
        if (started < options.connections() || !inFlight.isEmpty()) {
            return false;
        }
        return !mode.timed() || held.isEmpty();
    }

    private long nextWake(long now, long endNanos) {
        long wake = Math.min(endNanos, nextProgressNanos);
        for (Connection c : inFlight) {
            wake = Math.min(wake, c.deadlineNanos);
        }
        if (mode == LoadMode.SLOW) {
            for (Connection c : held) {
                wake = Math.min(wake, c.nextByteNanos);
            }
        }
        return Math.max(wake, now);
    }

    private void startMore(long now) {
        while (started < options.connections() && inFlight.size() < options.concurrency() && !cancelled) {
            started++;
            SocketChannel ch;
            try {
                ch = SocketChannel.open();
            } catch (IOException e) {
                // Out of file descriptors, typically: this connection is counted as failed, and
                // each one after it too until a descriptor comes free.
                String kind = kind(e);
                fail(null, e, kind.equals("I/O error") ? "could not open a socket" : kind);
                continue;
            }
            Connection c = new Connection(ch, now);
            c.deadlineNanos = now + options.connectTimeout().toNanos();
            try {
                ch.configureBlocking(false);
                if (mode == LoadMode.RESET) {
                    // Linger 0: close() sends RST instead of FIN and skips TIME_WAIT.
                    ch.setOption(StandardSocketOptions.SO_LINGER, 0);
                }
                if (ch.connect(target.address())) {
                    onConnected(c, now);
                } else {
                    ch.register(selector, SelectionKey.OP_CONNECT, c);
                    inFlight.add(c);
                }
            } catch (IOException e) {
                fail(c, e, kind(e));
            }
        }
    }

    private void handleReady(Selector sel, long now) {
        Iterator<SelectionKey> it = sel.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            Connection c = (Connection) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            if (key.isConnectable()) {
                try {
                    if (c.channel.finishConnect()) {
                        onConnected(c, now);
                    }
                } catch (IOException e) {
                    fail(c, e, kind(e));
                }
            } else if (key.isReadable()) {
                onReadable(c, now);
            }
        }
    }

    private void onConnected(Connection c, long now) throws IOException {
        connected++;
        switch (mode) {
            case BURST -> {
                // Still in flight until end of stream; the read must finish within the timeout too.
                c.deadlineNanos = now + options.connectTimeout().toNanos();
                register(c, SelectionKey.OP_READ);
                inFlight.add(c);
            }
            case RESET -> {
                inFlight.remove(c);
                c.channel.close();
                completed++;
            }
            case HOLD -> hold(c, SelectionKey.OP_READ);
            case NEVER_READ -> hold(c, 0);
            case SLOW -> {
                c.nextByteNanos = now;
                hold(c, SelectionKey.OP_READ);
            }
        }
    }

    private void hold(Connection c, int ops) throws IOException {
        inFlight.remove(c);
        register(c, ops);
        held.add(c);
    }

    private void register(Connection c, int ops) throws IOException {
        SelectionKey key = c.channel.keyFor(selector);
        if (key == null) {
            c.channel.register(selector, ops, c);
        } else {
            key.interestOps(ops);
        }
    }

    private void onReadable(Connection c, long now) {
        int n;
        try {
            readBuffer.clear();
            n = c.channel.read(readBuffer);
        } catch (IOException e) {
            if (mode == LoadMode.BURST) {
                fail(c, e, kind(e));
            } else {
                endHeld(c);
            }
            return;
        }
        if (n > 0) {
            if (c.bytesIn == 0) {
                greeted++; // also in a burst that then times out: a keep-open server greets and holds
            }
            c.bytesIn += n;
            return;
        }
        if (n < 0) {
            if (mode == LoadMode.BURST) {
                inFlight.remove(c);
                closeQuietly(c.channel);
                completed++;
                latencies[latencyCount++] = now - c.startedNanos;
            } else {
                endHeld(c);
            }
        }
    }

    /** The server closed or reset a connection we were holding. */
    private void endHeld(Connection c) {
        held.remove(c);
        closeQuietly(c.channel);
        closedByServer++;
        if (System.nanoTime() - c.startedNanos < AT_ONCE_NANOS) {
            closedAtOnce++;
        }
    }

    private void expireDeadlines(long now) {
        List<Connection> late = null;
        for (Connection c : inFlight) {
            if (now >= c.deadlineNanos) {
                if (late == null) {
                    late = new ArrayList<>();
                }
                late.add(c);
            }
        }
        if (late != null) {
            for (Connection c : late) {
                boolean connecting = c.channel.isConnectionPending();
                if (!connecting && c.bytesIn == 0) {
                    silent++;
                }
                String sentence = connecting
                        ? ConnectErrors.describe(new java.net.SocketTimeoutException("connect timed out"),
                                target.host(), target.address().getAddress(), target.address().getPort(),
                                options.connectTimeout())
                        : noEndOfStream(c);
                failWith(c, connecting ? "timed out connecting" : "timed out reading", sentence);
            }
        }
    }

    /** Why a burst connection may have had no end of stream: greeted and held, or waiting for us to speak. */
    private String noEndOfStream(Connection c) {
        String within = "No end of stream from " + target + " within " + ConnectErrors.seconds(options.connectTimeout());
        return c.bytesIn > 0
                ? within + " (is the server keeping connections open?)."
                : within + ", nor a byte (is the server waiting for the client to speak first, as an HTTP server"
                        + " does? A burst sends nothing).";
    }

    /** Slow mode: one byte per interval on each held connection. */
    private void trickle(long now) {
        List<Connection> gone = null;
        for (Connection c : held) {
            if (now < c.nextByteNanos) {
                continue;
            }
            try {
                ByteBuffer one = ByteBuffer.wrap(SLOW_PAYLOAD, c.payloadIndex % SLOW_PAYLOAD.length, 1);
                if (c.channel.write(one) == 1) {
                    bytesSent++;
                    c.payloadIndex++;
                }
                c.nextByteNanos = now + options.interval().toNanos();
            } catch (IOException e) {
                if (gone == null) {
                    gone = new ArrayList<>();
                }
                gone.add(c);
            }
        }
        if (gone != null) {
            gone.forEach(this::endHeld);
        }
    }

    private void fail(Connection c, IOException e, String kind) {
        String sentence = ConnectErrors.describe(e, target.host(), target.address().getAddress(),
                target.address().getPort(), options.connectTimeout());
        failWith(c, kind, sentence);
    }

    private void failWith(Connection c, String kind, String sentence) {
        failed++;
        failures.merge(kind, 1, Integer::sum);
        if (firstFailure == null) {
            firstFailure = sentence;
        }
        if (c != null) {
            inFlight.remove(c);
            held.remove(c);
            closeQuietly(c.channel);
        }
    }

    private static String kind(IOException e) {
        String os = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (os.contains("refused")) {
            return "refused";
        }
        if (os.contains("reset")) {
            return "reset";
        }
        if (os.contains("unreachable") || os.contains("no route")) {
            return "unreachable";
        }
        if (os.contains("too many open files")) {
            return "out of file descriptors";
        }
        if (e instanceof ConnectException) {
            return "connect failed";
        }
        return "I/O error";
    }

    private void report(long now) {
        nextProgressNanos = now + PROGRESS_EVERY_NANOS;
        int done = mode.timed() ? connected + failed : completed + failed;
        int open = held.size() + (int) inFlight.stream().filter(c -> c.channel.isConnected()).count();
        try {
            listener.onProgress(new LoadProgress(mode, Math.min(done, options.connections()), options.connections(),
                    open, failed, Duration.ofNanos(now - startNanos), options.duration()));
        } catch (RuntimeException ignored) {
            // A broken listener must not stop the run or leave connections open.
        }
    }

    private void closeAll() {
        if (!mode.timed()) {
            unfinished = inFlight.size();
            for (Connection c : inFlight) {
                if (c.channel.isConnected() && c.bytesIn == 0) {
                    silent++;
                }
            }
        }
        inFlight.forEach(c -> closeQuietly(c.channel));
        held.forEach(c -> closeQuietly(c.channel));
        if (mode.timed()) {
            completed = held.size(); // the ones that lasted to the end
        }
        inFlight.clear();
        held.clear();
    }

    private LoadResult result(long endNanos, boolean timeLimitReached) {
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        return new LoadResult(mode, target.toString(), options.connections(), started, connected, completed,
                failed, unfinished, greeted, silent, closedByServer, closedAtOnce, bytesSent, Duration.ofNanos(endNanos - startNanos),
                percentile(sorted, 0.50), percentile(sorted, 0.99), cancelled, timeLimitReached,
                failures, firstFailure);
    }

    /** Nearest-rank percentile; null when there are no samples. */
    static Duration percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Closing is best effort; the count is what matters.
        }
    }
}
