package io.socketmonitor.server;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.template.GreetingContext;
import io.socketmonitor.template.GreetingTemplate;
import io.socketmonitor.template.Printable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lecture's accept-loop server: create a socket, bind, listen, then accept, send, close,
 * for ever. Two threads, whatever the number of peers: the {@link Acceptor} blocks in accept and
 * greets and closes on the spot (the lecture's loop, and the fastest path there is); the loop
 * thread runs a NIO selector for every peer that stays open (keep-open, HTTP, a lingering or
 * slow reader), so a thousand peers cost a thousand registrations, not a thousand threads.
 * The two share their state under {@link #lock}; other threads talk to the loop through a
 * command queue and read the live registry. Listeners hear every step, one thread at a time.
 */
public final class MonitorServer implements AutoCloseable {
    /** Bytes that may wait for one slow peer before further sends to it are refused. */
    static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;
    /** Greetings up to this size are written on the still-blocking accepted channel. */
    static final int BLOCKING_GREETING_MAX = 1024;
    private static final long TICK_MILLIS = 100;
    private static final long IDLE_TICK_MILLIS = 1000;
    static final Duration HTTP_HEAD_TIMEOUT = Duration.ofSeconds(5);
    private static final int PREVIEW_CHARS = 60;
    /** Above this many unsent bytes a peer's input is not read, so echo and TCP pace each other. */
    static final long READ_PAUSE_BYTES = 1024 * 1024;
    /** How long a greeted peer that already sent data may take to finish before we close. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    static {
        // On JDK 17 the first channel close initialises classes that need a spare descriptor;
        // under EMFILE that fails for ever after. Touch them now, while descriptors are free.
        ChannelWarmUp.run();
        // Loading a class can need a descriptor too (a class file in a directory, a jar not yet
        // opened). Load what the loop touches on its error and close paths now, not under EMFILE.
        preloadLoopClasses();
    }

    private static void preloadLoopClasses() {
        CloseReason.values();
        Mode.values();
        HttpResponder.Progress.values();
        for (Class<?> c : ServerEvent.class.getPermittedSubclasses()) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException | LinkageError ignored) {
                // loaded already by getPermittedSubclasses in practice
            }
        }
        new PeerSnapshot(0, null, null, null, 0, 0, CloseReason.ERROR, null, "").open();
        new ServerStats(0, 0, 0, 0, 0, 0, 0).served();
        HttpResponder.error("408 Request Timeout");
    }

    private final List<ServerListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Connection> registry = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AcceptRate acceptRate = new AcceptRate();

    private volatile ServerConfig config;
    private volatile GreetingTemplate greeting;
    private volatile boolean echo;
    private volatile boolean running;
    private volatile InetSocketAddress localAddress;
    private boolean ipv6Socket; // set by start, before the acceptor runs
    private InetSocketAddress lastLocalV4; // under the lock, as accepted() is
    private InetSocketAddress lastLocalMapped;
    private volatile Thread loopThread;
    private volatile CountDownLatch loopEnded = new CountDownLatch(0);
    private volatile long httpHeadTimeoutNanos = HTTP_HEAD_TIMEOUT.toNanos();

    // Statistics: written by the loop thread only, read by anyone.
    private volatile long served;
    private volatile int peakOpen;
    private volatile long bytesIn;
    private volatile long bytesOut;
    private volatile long errors;

    /**
     * Guards what the acceptor and the loop thread share: the registry's bookkeeping, the
     * statistics' writes, the fields below and every emit. Held for one connection's handling
     * or one selector pass, never while waiting.
     */
    private final ReentrantLock lock = new ReentrantLock(true); // fair: a flood of accepts cannot starve the loop
    private Selector selector;
    private ServerSocketChannel listener;
    private volatile Acceptor acceptor;
    private final Map<InetAddress, Integer> perPeerCounts = new HashMap<>();
    private final RateLimitedLog errorLog = new RateLimitedLog(5);
    private final RateLimitedLog acceptLog = new RateLimitedLog(2); // its own budget: never hidden by others
    private final Backoff crashBackoff = new Backoff();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] readBytes = new byte[64 * 1024];
    private long nextId; // under the lock
    private volatile long firstId = 1;
    private long lastTickNanos;
    /** The earliest moment a peer's deadline can fall due, if any peer has one; see {@link #deadlineAt}. */
    private long nextDeadlineNanos;
    private boolean anyDeadline;
    private long deadlinePasses; // tests: the held-peer walk happens only when something is due

    public MonitorServer(ServerConfig config) {
        reconfigure(config);
    }

    public void addListener(ServerListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(ServerListener l) {
        listeners.remove(l);
    }

    public ServerConfig config() {
        return config;
    }

    /** Replaces every setting; only while stopped. */
    public synchronized void reconfigure(ServerConfig newConfig) {
        if (running) {
            throw new IllegalStateException("Stop the server before changing its address, port or limits.");
        }
        this.config = Objects.requireNonNull(newConfig);
        this.greeting = newConfig.greeting();
        this.echo = newConfig.echo();
    }

    /** Takes effect for the next connection, also while running. */
    public synchronized void setGreeting(GreetingTemplate newGreeting) {
        this.greeting = Objects.requireNonNull(newGreeting);
        this.config = config.withGreeting(newGreeting);
    }

    public synchronized void setEcho(boolean on) {
        this.echo = on;
        this.config = config.withEcho(on);
    }

    /** Tests only: how many times the deadline pass has walked the open peers. */
    long deadlinePasses() {
        lock.lock();
        try {
            return deadlinePasses;
        } finally {
            lock.unlock();
        }
    }

    /** Tests only: how long an HTTP request head may take to arrive (5 s otherwise). */
    void httpHeadTimeout(Duration d) {
        this.httpHeadTimeoutNanos = d.toNanos();
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Numbers connections (the table's # and {count}) from {@code first} on, 1 unless set; call
     * before start. The window's runs continue one count, so no two rows share a number.
     */
    public void numberConnectionsFrom(long first) {
        lock.lock();
        try {
            firstId = first;
            nextId = first - 1;
        } finally {
            lock.unlock();
        }
    }

    /** The number the latest connection got: one less than the first while none has come. */
    public long lastConnectionNumber() {
        lock.lock(); // held by the acceptor only for a connection's bookkeeping; not for the EDT to wait on
        try {
            return nextId;
        } finally {
            lock.unlock();
        }
    }

    /** The bound address while running (with the real port when 0 was asked), else null. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * Binds and listens, then starts the loop thread. Returns once the socket is listening, so a
     * client may connect at once.
     */
    public InetSocketAddress start() throws BindFailedException {
        if (lock.isHeldByCurrentThread()) {
            // A listener, on one of this server's threads: the run it belongs to cannot end
            // while we wait in it.
            throw new IllegalStateException("start() cannot be called from a server listener");
        }
        synchronized (this) {
            if (running) {
                return localAddress;
            }
        }
        // A previous run may still be closing (a stop() from another thread): its loop owns the
        // selector and listener fields until it ends, so wait for it before binding anew.
        awaitLoopEnd(loopThread, loopEnded, null);
        synchronized (this) {
            return startNewRun();
        }
    }

    private InetSocketAddress startNewRun() throws BindFailedException {
        if (running) {
            return localAddress;
        }
        ServerConfig c = config;
        try {
            openListener(c);
        } catch (IOException e) {
            closeQuietly(listener);
            closeQuietly(selector);
            throw BindErrors.explain(c.bindAddress(), c.port(), e);
        }
        served = 0;
        peakOpen = 0;
        bytesIn = 0;
        bytesOut = 0;
        errors = 0;
        nextId = firstId - 1;
        perPeerCounts.clear();
        commands.clear();
        running = true;
        loopEnded = new CountDownLatch(1);
        Thread t = new Thread(this::loop, "socket-monitor-server");
        t.setDaemon(true);
        loopThread = t;
        t.start();
        return localAddress;
    }

    private void openListener(ServerConfig c) throws IOException {
        // An IPv4 address gets an IPv4 socket, the lecture's AF_INET. The default channel is
        // IPv6: it would listen on [::ffff:127.0.0.1] (as ss and netstat then show it) and take
        // 0.0.0.0 as the dual-stack wildcard, where the lecture means IPv4 only.
        ipv6Socket = !(c.bindAddress() instanceof Inet4Address);
        listener = ipv6Socket ? ServerSocketChannel.open() : ServerSocketChannel.open(StandardProtocolFamily.INET);
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress(c.bindAddress(), c.port()), c.backlog());
        selector = Selector.open();
        localAddress = (InetSocketAddress) listener.getLocalAddress();
    }

    /**
     * Closes the listener and every peer and joins the loop thread. On return the port is free
     * to bind again. Safe to call from any thread, any number of times.
     */
    public void stop() {
        Thread t;
        CountDownLatch ended;
        synchronized (this) {
            running = false;
            t = loopThread;
            ended = loopEnded;
        }
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
        if (lock.isHeldByCurrentThread()) {
            return; // a listener on a server thread: the loop ends once it returns
        }
        Acceptor a = acceptor;
        awaitLoopEnd(t, ended, a == null ? null : a::interrupt);
    }

    /**
     * Waits until a loop thread has closed everything; never from that thread itself. Every 5 s
     * it interrupts the loop and, with {@code rescue}, the acceptor: a listener stuck on either
     * must still let the loop close the port.
     */
    private static void awaitLoopEnd(Thread t, CountDownLatch ended, Runnable rescue) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (ended.await(5, TimeUnit.SECONDS)) {
                        break;
                    }
                    t.interrupt(); // a listener is stuck; the loop must still get to close the port
                    if (rescue != null) {
                        rescue.run();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            t.join(1000); // the latch opens in the loop's last finally; the thread ends right after
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Snapshots of the open peers, oldest first. */
    public List<PeerSnapshot> peers() {
        List<PeerSnapshot> out = new ArrayList<>(registry.size());
        for (Connection c : registry.values()) {
            out.add(c.snapshot(null, null));
        }
        out.sort(Comparator.comparingLong(PeerSnapshot::id));
        return out;
    }

    public ServerStats stats() {
        return new ServerStats(served, registry.size(), peakOpen, acceptRate.lastSecond(System.nanoTime()),
                bytesIn, bytesOut, errors);
    }

    /** Queues bytes to one open peer; false when it is gone or the server is stopped. */
    public boolean send(long peerId, byte[] data) {
        if (!running || !registry.containsKey(peerId)) {
            return false;
        }
        byte[] copy = data.clone();
        return submit(() -> {
            Connection c = registry.get(peerId);
            if (c != null) {
                queueWrite(c, ByteBuffer.wrap(copy), System.nanoTime());
            }
        });
    }

    /** Queues the same bytes to every open peer (shared, not copied per peer); returns how many. */
    public int sendToAll(byte[] data) {
        if (!running) {
            return 0;
        }
        byte[] copy = data.clone();
        int n = registry.size();
        submit(() -> {
            long now = System.nanoTime();
            for (Connection c : new ArrayList<>(registry.values())) {
                queueWrite(c, ByteBuffer.wrap(copy), now);
            }
        });
        return n;
    }

    /** Closes one peer with the reason "disconnected by user"; false when it is gone. */
    public boolean disconnect(long peerId) {
        if (!running || !registry.containsKey(peerId)) {
            return false;
        }
        return submit(() -> {
            Connection c = registry.get(peerId);
            if (c != null) {
                closeConnection(c, CloseReason.DISCONNECTED_BY_USER);
            }
        });
    }

    private boolean submit(Runnable command) {
        commands.add(command);
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
        return true;
    }

    // ---------------------------------------------------------------- the loop thread

    private void loop() {
        try {
            lastTickNanos = System.nanoTime();
            anyDeadline = false;
            withLock(() -> emit(new ServerEvent.Listening(Instant.now(), localAddress, config)));
            // Started only now, so no Connected can come before Listening.
            acceptor = new Acceptor(listener, new AcceptHandler(), "socket-monitor-server-accept");
            acceptor.start();
            while (running) {
                try {
                    selectOnce();
                    crashBackoff.succeeded();
                } catch (ClosedSelectorException e) {
                    break; // nothing left to serve with; shut down and say so
                } catch (Throwable t) { // the loop must never die silently
                    try {
                        withLock(() -> {
                            errors++;
                            logError("Server loop error: " + t, System.nanoTime());
                        });
                    } catch (Throwable again) {
                        // reporting failed too (a listener, or out of memory): keep the loop alive
                    }
                    // The same ready key would fail again at once, and select() returns at once
                    // while keys are ready: pause the thread itself so a repeating failure cannot spin.
                    LockSupport.parkNanos(crashBackoff.fail());
                }
            }
        } finally {
            running = false;
            try {
                shutdown();
            } finally {
                loopEnded.countDown();
            }
        }
    }

    private void selectOnce() throws IOException {
        // Deadlines only exist while peers are connected: with none, wake up once a second.
        selector.select(registry.isEmpty() ? IDLE_TICK_MILLIS : TICK_MILLIS);
        lock.lock();
        try {
            serveReady(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    private void serveReady(long now) {
        runCommands();
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (!key.isValid()) {
                continue;
            }
            Connection c = (Connection) key.attachment();
            if (key.isReadable()) {
                read(c, now);
            }
            if (!c.closed && key.isValid() && key.isWritable()) {
                flush(c, now);
            }
        }
        if (now - lastTickNanos >= TICK_MILLIS * 1_000_000L) {
            lastTickNanos = now;
            enforceDeadlines(now);
        }
    }

    private void withLock(Runnable r) {
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

    private void runCommands() {
        Runnable r;
        while ((r = commands.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                errors++;
                logError("Command failed: " + e.getMessage(), System.nanoTime());
            }
        }
    }

    // ---------------------------------------------------------------- the acceptor thread

    /** The acceptor's calls, each under {@link #lock}. */
    private final class AcceptHandler implements Acceptor.Handler {
        @Override
        public void accepted(SocketChannel ch, long now) {
            lock.lock();
            try {
                if (!running) {
                    closeQuietly(ch); // stop() is under way; the peer sees its connection end
                    return;
                }
                MonitorServer.this.accepted(ch, now);
            } catch (IOException | RuntimeException e) {
                errors++;
                logError("Could not set up a new connection: " + e.getMessage(), now);
                closeQuietly(ch);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void acceptFailed(IOException e, long pause, long now) {
            withLock(() -> {
                errors++;
                String why = String.valueOf(e.getMessage());
                if (why.contains("Too many open files")) {
                    why = "out of file descriptors (too many open files)";
                }
                String admitted = acceptLog.admit("Accept failed: " + why + "; pausing accepts for " + pause
                        + " ms", now);
                if (admitted != null) {
                    emit(new ServerEvent.Error(Instant.now(), admitted));
                }
            });
        }

        @Override
        public void crashed(Throwable t) {
            withLock(() -> {
                errors++;
                logError("Accept loop error: " + t, System.nanoTime());
            });
        }
    }

    /** Acceptor thread, under the lock. */
    private void accepted(SocketChannel ch, long now) throws IOException {
        ServerConfig c = config;
        InetSocketAddress remote = (InetSocketAddress) ch.getRemoteAddress();
        InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
        if (ipv6Socket && remote.getAddress() instanceof Inet4Address) {
            // A dual-stack listener's IPv4 peer, named as the socket names it. Its local end is
            // nearly always the same address: mapped once, not per connection.
            remote = Addresses.asSeenByIpv6Socket(remote);
            if (!local.equals(lastLocalV4)) {
                lastLocalV4 = local;
                lastLocalMapped = Addresses.asSeenByIpv6Socket(local);
            }
            local = lastLocalMapped;
        }
        // A greet-and-close connection's events all happen within microseconds: they share
        // this one timestamp (reading the wall clock is a native call).
        Instant at = Instant.now();
        Connection conn = new Connection(++nextId, ch, remote, local, at, now);
        acceptRate.record(now);

        CloseReason refusal = refusal(c, remote.getAddress());
        // Greet and close: the peer is waiting for the greeting and the FIN, so send both before
        // any bookkeeping or event (the printer, the window); the events follow, in their order.
        ByteBuffer greetingNow = null;
        IOException greetFailed = null;
        if (refusal == null && c.mode() == Mode.CLOSE) {
            greetingNow = ByteBuffer.wrap(render(conn));
            // An accepted channel starts out blocking. A greeting of at most 1 KiB goes into a
            // fresh socket's empty send buffer (4 KiB at the very least, on every system) at
            // once, so such a connection never needs the selector and stays blocking: two
            // fcntl calls fewer per connection. finishAfterFlush drains without blocking.
            if (greetingNow.remaining() > BLOCKING_GREETING_MAX) {
                ch.configureBlocking(false);
            }
            try {
                ch.write(greetingNow);
                if (!greetingNow.hasRemaining()) {
                    ch.shutdownOutput(); // the FIN, before any event: the peer waits for it
                }
            } catch (IOException e) {
                greetFailed = e;
            }
        }
        if (greetingNow == null) {
            ch.configureBlocking(false);
            if (c.mode() == Mode.KEEP_OPEN) {
                // Only a conversation needs small writes sent at once; greet-and-close and HTTP
                // send one buffer on a fresh connection, which Nagle never delays.
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
        }
        if (refusal != null) {
            emit(new ServerEvent.Connected(at, conn.snapshot(null, null)));
            closeQuietly(ch);
            conn.closed = true;
            emit(new ServerEvent.Closed(at, conn.snapshot(refusal, at)));
            return;
        }
        served++;
        registry.put(conn.id, conn);
        perPeerCounts.merge(remote.getAddress(), 1, Integer::sum);
        if (registry.size() > peakOpen) {
            peakOpen = registry.size();
        }
        emit(new ServerEvent.Connected(conn.connectedAt, conn.snapshot(null, null)));

        try {
            startServing(conn, c.mode(), greetingNow, greetFailed, now, at);
        } catch (RuntimeException e) {
            closeConnection(conn, CloseReason.ERROR); // never left in the registry, counting against the limits
            throw e;
        }
    }

    private void startServing(Connection conn, Mode mode, ByteBuffer greetingNow, IOException greetFailed,
            long now, Instant at) {
        // Greet-and-close usually finishes in one write, so the channel is registered with
        // the selector only when it has to wait for something.
        switch (mode) {
            case CLOSE -> {
                conn.closeWhenFlushed = CloseReason.AFTER_GREETING;
                conn.writeProgressNanos = now;
                conn.pendingBytes = greetingNow.limit();
                if (greetingNow.hasRemaining() && greetFailed == null) {
                    conn.pending.add(greetingNow); // a large greeting: the rest waits for OP_WRITE
                    deadlineAt(now + config.writeTimeout().toNanos());
                }
                account(conn, greetingNow.position(), now, at, null);
                if (greetFailed != null) {
                    closeConnection(conn, isReset(greetFailed) ? CloseReason.RESET : CloseReason.ERROR);
                } else if (conn.pending.isEmpty()) {
                    finishAfterFlush(conn, at);
                } else {
                    interest(conn, SelectionKey.OP_WRITE);
                }
            }
            case KEEP_OPEN -> {
                if (!config.idleTimeout().isZero()) {
                    deadlineAt(now + config.idleTimeout().toNanos());
                }
                interest(conn, SelectionKey.OP_READ);
                queueWrite(conn, ByteBuffer.wrap(render(conn)), now);
            }
            case HTTP -> {
                conn.http = new HttpResponder();
                conn.httpDeadlineNanos = now + httpHeadTimeoutNanos;
                deadlineAt(conn.httpDeadlineNanos);
                interest(conn, SelectionKey.OP_READ);
            }
        }
    }

    private void interest(Connection c, int ops) {
        if (c.closed) {
            return;
        }
        if (c.key == null) {
            try {
                c.key = c.channel.register(selector, ops, c);
            } catch (IOException e) {
                closeConnection(c, CloseReason.ERROR);
                return;
            }
            if (Thread.currentThread() != loopThread) {
                selector.wakeup(); // a select() under way would not watch the new key until it returns
            }
        } else if (c.key.isValid()) {
            c.key.interestOps(ops);
        }
    }

    private CloseReason refusal(ServerConfig c, InetAddress peer) {
        if (registry.size() >= c.maxConnections()) {
            return CloseReason.LIMIT_TOTAL;
        }
        if (c.maxPerPeer() > 0 && perPeerCounts.getOrDefault(peer, 0) >= c.maxPerPeer()) {
            return CloseReason.LIMIT_PER_PEER;
        }
        return null;
    }

    private byte[] render(Connection conn) {
        return greeting.render(new GreetingContext(conn.remote, conn.local, conn.connectedAt, conn.id));
    }

    private void read(Connection c, long now) {
        if (c.lingering) {
            drainLingering(c);
            return;
        }
        readBuffer.clear();
        int n;
        try {
            n = c.channel.read(readBuffer);
        } catch (IOException e) {
            closeConnection(c, isReset(e) ? CloseReason.RESET : CloseReason.ERROR);
            return;
        }
        if (n < 0) {
            onEndOfInput(c);
            return;
        }
        if (n == 0) {
            return;
        }
        c.lastReadNanos = now;
        c.bytesIn += n;
        bytesIn += n;
        readBuffer.flip();
        if (c.http != null) {
            onHttpBytes(c, now);
            return;
        }
        if (c.closeWhenFlushed != null) {
            return; // greeted and closing: what the peer sends now is drained and dropped
        }
        readBuffer.get(readBytes, 0, n);
        c.lastReceived = Printable.preview(readBytes, 0, n, PREVIEW_CHARS);
        emit(new ServerEvent.Received(Instant.now(), c.id, n, c.lastReceived));
        if (echo) {
            queueWrite(c, ByteBuffer.wrap(Arrays.copyOf(readBytes, n)), now);
        }
    }

    private void onEndOfInput(Connection c) {
        if (c.http != null) {
            reportRequestHead(c); // the peer gave up half way: what it sent still shows
        }
        if (c.closeWhenFlushed != null && c.pending.isEmpty()) {
            closeConnection(c, c.closeWhenFlushed);
        } else if (c.pending.isEmpty()) {
            closeConnection(c, CloseReason.BY_PEER);
        } else {
            // The peer half-closed; still deliver what is queued, then close.
            c.closeWhenFlushed = c.closeWhenFlushed != null ? c.closeWhenFlushed : CloseReason.BY_PEER;
            interest(c, SelectionKey.OP_WRITE);
        }
    }

    private void onHttpBytes(Connection c, long now) {
        HttpResponder.Progress p = c.http.accept(readBuffer);
        switch (p) {
            case NEED_MORE -> { }
            case TOO_LARGE -> {
                reportRequestHead(c);
                respondAndClose(c, HttpResponder.error("431 Request Header Fields Too Large"),
                        CloseReason.REQUEST_TOO_LARGE, now);
            }
            case COMPLETE -> {
                reportRequestHead(c);
                if (c.http.isRequest()) {
                    respondAndClose(c, HttpResponder.ok(render(c), c.http.isHead()), CloseReason.AFTER_RESPONSE, now);
                } else {
                    respondAndClose(c, HttpResponder.badRequest(), CloseReason.BAD_REQUEST, now);
                }
            }
        }
    }

    /** The request head, once, as one Received: whole, cut at the limit, or cut off by the timeout. */
    private void reportRequestHead(Connection c) {
        if (c.http.started()) {
            c.lastReceived = c.http.requestLinePreview(PREVIEW_CHARS);
            emit(new ServerEvent.Received(Instant.now(), c.id, (int) c.bytesIn, c.lastReceived));
        }
    }

    private void respondAndClose(Connection c, byte[] response, CloseReason reason, long now) {
        c.http = null;
        c.closeWhenFlushed = reason;
        queueWrite(c, ByteBuffer.wrap(response), now);
    }

    private void queueWrite(Connection c, ByteBuffer data, long now) {
        if (c.closed) {
            return;
        }
        if (c.pendingBytes + data.remaining() > MAX_PENDING_BYTES) {
            errors++;
            logError("Not sent to peer #" + c.id + ": " + c.pendingBytes + " bytes are already waiting"
                    + " (the peer is not reading)", now);
            return;
        }
        if (c.pending.isEmpty()) {
            c.writeProgressNanos = now;
            deadlineAt(now + config.writeTimeout().toNanos());
        }
        c.pending.add(data);
        c.pendingBytes += data.remaining();
        flush(c, now);
    }

    /** Writes as much as the socket takes now; the rest waits for OP_WRITE. */
    private void flush(Connection c, long now) {
        long written = 0;
        ByteBuffer first = c.pending.peek();
        int firstFrom = first == null ? 0 : first.position();
        try {
            while (!c.pending.isEmpty()) {
                ByteBuffer head = c.pending.peek();
                int n = c.channel.write(head);
                written += n;
                if (head.hasRemaining()) {
                    break;
                }
                c.pending.poll();
            }
        } catch (IOException e) {
            account(c, written, now, null, null);
            closeConnection(c, isReset(e) ? CloseReason.RESET : CloseReason.ERROR);
            return;
        }
        account(c, written, now, null, written > 0 ? sentPreview(first, firstFrom) : null);
        if (c.pending.isEmpty()) {
            if (c.closeWhenFlushed != null) {
                finishAfterFlush(c);
            } else {
                interest(c, SelectionKey.OP_READ);
                ServerConfig cfg = config;
                if (cfg.mode() == Mode.KEEP_OPEN && !cfg.idleTimeout().isZero()) {
                    deadlineAt(c.lastReadNanos + cfg.idleTimeout().toNanos()); // held back while bytes waited
                }
            }
        } else {
            boolean keepReading = c.closeWhenFlushed == null && c.pendingBytes < READ_PAUSE_BYTES;
            interest(c, keepReading ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_WRITE);
        }
    }

    /**
     * What went out, for the log's S: line as its R: line shows what came in: the start of the
     * first buffer the write took from. Greet and close skips it: its log shows no S: line, and
     * that path runs thousands of times a second.
     */
    private String sentPreview(ByteBuffer first, int from) {
        if (config.mode() == Mode.CLOSE || !first.hasArray()) {
            return null;
        }
        return Printable.preview(first.array(), first.arrayOffset() + from, first.position() - from, PREVIEW_CHARS);
    }

    /** {@code at}: when it happens, if already read from the clock; {@code preview}: of the bytes, or null. */
    private void account(Connection c, long written, long now, Instant at, String preview) {
        if (written > 0) {
            c.bytesOut += written;
            c.pendingBytes -= written;
            c.writeProgressNanos = now;
            bytesOut += written;
            emit(new ServerEvent.Sent(at != null ? at : Instant.now(), c.id, (int) written, preview));
        }
    }

    /**
     * The lecture's "shutdown (notify connected client), close the connection". A peer that has
     * sent data we never read (curl's request, say) would get an RST instead of our FIN, and may
     * lose the greeting with it; such a peer is drained until it closes too, for 2 s at most.
     */
    private void finishAfterFlush(Connection c) {
        finishAfterFlush(c, null);
    }

    /** {@code at}: when it happens, if already read from the clock. */
    private void finishAfterFlush(Connection c, Instant at) {
        int unread;
        try {
            c.channel.shutdownOutput(); // no system call when the fast path has sent the FIN already
            // A blocking channel (the greet-and-close fast path) is asked first (FIONREAD), so
            // the read below never blocks; most peers have sent nothing and skip it.
            if (c.channel.isBlocking() && c.channel.socket().getInputStream().available() == 0) {
                unread = 0;
            } else {
                c.channel.configureBlocking(false); // no system call when it already is
                readBuffer.clear();
                unread = c.channel.read(readBuffer);
            }
        } catch (IOException e) {
            unread = -1; // the peer is gone already; closing is all that is left
        }
        boolean served = c.closeWhenFlushed == CloseReason.AFTER_GREETING
                || c.closeWhenFlushed == CloseReason.AFTER_RESPONSE;
        // Peers cut for misbehaving (a head too large or too slow) get no such courtesy.
        if (unread > 0 && served && !c.lingering) {
            c.lingering = true;
            c.lingerDeadlineNanos = System.nanoTime() + LINGER_NANOS;
            deadlineAt(c.lingerDeadlineNanos);
            interest(c, SelectionKey.OP_READ);
            return;
        }
        closeConnection(c, c.closeWhenFlushed, at);
    }

    /** A lingering peer's input: dropped until it closes its side. */
    private void drainLingering(Connection c) {
        try {
            readBuffer.clear();
            int n;
            while ((n = c.channel.read(readBuffer)) > 0) {
                readBuffer.clear();
            }
            if (n < 0) {
                closeConnection(c, c.closeWhenFlushed);
            }
        } catch (IOException e) {
            closeConnection(c, c.closeWhenFlushed);
        }
    }

    private void enforceDeadlines(long now) {
        ServerConfig cfg = config;
        long idleNanos = cfg.idleTimeout().toNanos();
        long writeNanos = cfg.writeTimeout().toNanos();
        reportSuppressed(errorLog, now);
        reportSuppressed(acceptLog, now);
        boolean idleApplies = idleNanos > 0 && cfg.mode() == Mode.KEEP_OPEN;
        if (!anyDeadline || now - nextDeadlineNanos < 0) {
            return; // 10,000 held peers with nothing due cost nothing here
        }
        anyDeadline = false;
        deadlinePasses++;
        boolean walkedAll = false;
        try {
            // One pass over the open peers: no copy of the registry (its iterator allows the
            // removals closing makes) and only Connection's own fields are read (pendingBytes,
            // not the pending queue). The pass also finds when the next one is needed.
            for (Connection c : registry.values()) {
                if (c.lingering && now - c.lingerDeadlineNanos >= 0) {
                    closeConnection(c, c.closeWhenFlushed);
                } else if (c.pendingBytes > 0 && now - c.writeProgressNanos >= writeNanos) {
                    closeConnection(c, CloseReason.WRITE_TIMEOUT);
                } else if (c.http != null && now - c.httpDeadlineNanos >= 0) {
                    reportRequestHead(c);
                    respondAndClose(c, HttpResponder.error("408 Request Timeout"), CloseReason.REQUEST_TIMEOUT, now);
                } else if (idleApplies && c.pendingBytes == 0 && now - c.lastReadNanos >= idleNanos) {
                    closeConnection(c, CloseReason.IDLE);
                }
                if (!c.closed) {
                    rememberDeadlines(c, idleApplies ? idleNanos : 0, writeNanos);
                }
            }
            walkedAll = true;
        } finally {
            if (!walkedAll) {
                deadlineAt(now); // a listener's Error cut the pass short: the peers not reached yet get the next tick
            }
        }
    }

    /**
     * Every deadline {@code c} has now. While bytes wait the idle close waits too, so their
     * write deadline stands in for it (a past idle deadline would bring a pass every tick until
     * they drained); {@link #flush} gives it back once they are gone.
     */
    private void rememberDeadlines(Connection c, long idleNanos, long writeNanos) {
        if (c.lingering) {
            deadlineAt(c.lingerDeadlineNanos);
        }
        if (c.pendingBytes > 0) {
            deadlineAt(c.writeProgressNanos + writeNanos);
        }
        if (c.http != null) {
            deadlineAt(c.httpDeadlineNanos);
        }
        if (idleNanos > 0 && c.pendingBytes == 0) {
            deadlineAt(c.lastReadNanos + idleNanos);
        }
    }

    /**
     * A peer may need closing at {@code nanos}: the deadline pass runs on the first tick from
     * then. Every place that gives a peer a deadline, or brings one closer, calls this; a
     * deadline that moves later (a read, a write's progress) needs nothing, the pass finds it.
     */
    private void deadlineAt(long nanos) {
        if (!anyDeadline || nanos - nextDeadlineNanos < 0) {
            nextDeadlineNanos = nanos;
            anyDeadline = true;
        }
    }

    private void closeConnection(Connection c, CloseReason reason) {
        closeConnection(c, reason, null);
    }

    private void closeConnection(Connection c, CloseReason reason, Instant at) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        if (c.key != null) {
            c.key.cancel();
        }
        closeQuietly(c.channel);
        c.pending.clear();
        registry.remove(c.id);
        perPeerCounts.computeIfPresent(c.remote.getAddress(), (a, n) -> n > 1 ? n - 1 : null);
        Instant t = at != null ? at : Instant.now();
        emit(new ServerEvent.Closed(t, c.snapshot(reason, t)));
    }

    private void shutdown() {
        // First the acceptor, outside the lock (it may be waiting for it): once it has returned,
        // the listening socket is closed and no new peer can arrive.
        if (acceptor != null) {
            acceptor.stop();
            acceptor = null;
        }
        lock.lock();
        try {
            closeEverything();
        } finally {
            lock.unlock();
        }
    }

    private void closeEverything() {
        try {
            for (Connection c : new ArrayList<>(registry.values())) {
                try {
                    closeConnection(c, CloseReason.SERVER_STOPPED);
                } catch (Throwable t) { // whatever a listener does, every channel gets closed
                    closeQuietly(c.channel);
                    registry.remove(c.id);
                }
            }
        } finally {
            closeQuietly(listener);
            closeQuietly(selector); // deregisters, which completes the deferred channel closes
            perPeerCounts.clear();
            localAddress = null;
        }
        emit(new ServerEvent.Stopped(Instant.now(), stats()));
    }

    private void reportSuppressed(RateLimitedLog log, long now) {
        String note = log.pendingSummary(now);
        if (note != null) {
            emit(new ServerEvent.Error(Instant.now(), note));
        }
    }

    private void logError(String message, long now) {
        String admitted = errorLog.admit(message, now);
        if (admitted != null) {
            emit(new ServerEvent.Error(Instant.now(), admitted));
        }
    }

    private void emit(ServerEvent e) {
        for (ServerListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable ex) {
                // A faulty listener must not take the server down with it.
                errors++;
            }
        }
    }

    private static boolean isReset(IOException e) {
        String m = String.valueOf(e.getMessage());
        // Linux and macOS say "reset" or "Broken pipe"; Windows says "forcibly closed" or "aborted".
        return m.contains("reset") || m.contains("Broken pipe") || m.contains("forcibly closed")
                || m.contains("aborted");
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // closing is best effort; the descriptor is released either way
            }
        }
    }

    /** For the log and headless output: "127.0.0.1:8080". */
    public static String describe(InetSocketAddress a) {
        return Addresses.hostPort(a);
    }
}
