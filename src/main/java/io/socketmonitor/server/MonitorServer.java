package io.socketmonitor.server;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.net.ChannelWarmUp;
import io.socketmonitor.template.GreetingContext;
import io.socketmonitor.template.GreetingTemplate;
import io.socketmonitor.template.Printable;
import java.io.IOException;
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
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lecture's accept-loop server: create a socket, bind, listen, then accept, send, close,
 * for ever. Two threads, whatever the number of peers: the {@link Acceptor} blocks in accept and
 * greets and closes on the spot (the lecture's loop, and the fastest path there is); the loop
 * thread runs a NIO selector for every peer that stays open (keep-open, HTTP, a lingering or
 * slow reader), so a thousand peers cost a thousand registrations, not a thousand threads;
 * {@link PeerIo} does the reading and writing for those. The two threads share their state
 * ({@link PeerRegistry}, {@link Tally}, {@link DeadlineSchedule}) under {@link #lock}; other
 * threads talk to the loop through a command queue and read the live registry. Listeners hear
 * every step, one thread at a time ({@link EventFanOut}).
 */
public final class MonitorServer implements AutoCloseable {
    /** Greetings up to this size are written on the still-blocking accepted channel. */
    static final int BLOCKING_GREETING_MAX = 1024;
    private static final long TICK_MILLIS = 100;
    private static final long IDLE_TICK_MILLIS = 1000;
    /**
     * How long an HTTP request head may take from connecting: long enough to type one in telnet
     * (nginx's client_header_timeout is 60 s), short enough to cut a head that never ends.
     */
    static final Duration HTTP_HEAD_TIMEOUT = Duration.ofSeconds(30);

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
        HttpResponder.requestTimeout(HTTP_HEAD_TIMEOUT);
        HttpResponder.badRequest();
        Closeables.closeQuietly(null);
        // What reading a peer's bytes and an HTTP head uses, first needed long after start; and
        // every placeholder once (the greeting is rendered for each peer, HTTP ones included).
        Printable.preview(new byte[] {'x'}, 0, 1, 1);
        try {
            GreetingTemplate.parse("{peer}{peerAddress}{peerPort}{local}{time}{count}").render(GreetingTemplate.SAMPLE);
        } catch (io.socketmonitor.template.TemplateException impossible) {
            throw new AssertionError(impossible);
        }
        new HttpResponder().accept(java.nio.ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private final PeerRegistry registry = new PeerRegistry();
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
    private volatile Duration httpHeadTimeout = HTTP_HEAD_TIMEOUT;

    private final Tally tally = new Tally();
    private final EventFanOut events = new EventFanOut(tally);

    /**
     * Guards what the acceptor and the loop thread share: the registry's bookkeeping, the
     * statistics' writes, the fields below and every emit. Held for one connection's handling
     * or one selector pass, never while waiting.
     */
    private final ReentrantLock lock = new ReentrantLock(true); // fair: a flood of accepts cannot starve the loop
    private Selector selector;
    private ServerSocketChannel listener;
    private volatile Acceptor acceptor;
    private final Backoff crashBackoff = new Backoff();
    private long nextId; // under the lock
    private volatile long firstId = 1;
    private long lastTickNanos;
    private final DeadlineSchedule deadlines = new DeadlineSchedule();
    private final PeerIo peerIo = new PeerIo(new IoHost(), registry, tally, events, deadlines);

    public MonitorServer(ServerConfig config) {
        reconfigure(config);
    }

    public void addListener(ServerListener l) {
        events.add(l);
    }

    public void removeListener(ServerListener l) {
        events.remove(l);
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
            return deadlines.passes();
        } finally {
            lock.unlock();
        }
    }

    /** Tests only: how long an HTTP request head may take to arrive ({@link #HTTP_HEAD_TIMEOUT} otherwise). */
    void httpHeadTimeout(Duration d) {
        this.httpHeadTimeout = d;
    }

    /** For tests: a smaller server-wide bound on unsent bytes before echo peers stop being read. */
    void totalReadPause(long bytes) {
        withLock(() -> peerIo.totalReadPause(bytes));
    }

    /** Unsent echo bytes of every open peer together. */
    long queuedBytes() {
        lock.lock();
        try {
            return peerIo.echoPending();
        } finally {
            lock.unlock();
        }
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
            Closeables.closeQuietly(listener);
            Closeables.closeQuietly(selector);
            throw BindErrors.explain(c.bindAddress(), c.port(), e);
        }
        tally.reset();
        registry.reset();
        nextId = firstId - 1;
        commands.clear();
        running = true;
        loopEnded = new CountDownLatch(1);
        Thread t = new Thread(this::loop, "socket-monitor-server");
        t.setDaemon(true);
        loopThread = t;
        peerIo.newRun(selector, t);
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
        return registry.snapshots();
    }

    public ServerStats stats() {
        return tally.stats(registry.size(), registry.peakOpen(), acceptRate.lastSecond(System.nanoTime()));
    }

    /** Queues bytes to one open peer; false when it is gone or the server is stopped. */
    public boolean send(long peerId, byte[] data) {
        if (!running || !registry.contains(peerId)) {
            return false;
        }
        byte[] copy = data.clone();
        return submit(() -> {
            Connection c = registry.get(peerId);
            if (c != null) {
                peerIo.queueWrite(c, ByteBuffer.wrap(copy), System.nanoTime());
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
            for (Connection c : registry.copy()) {
                peerIo.queueWrite(c, ByteBuffer.wrap(copy), now);
            }
        });
        return n;
    }

    /**
     * Starts or stops watching one open peer's data: while watched, its Received and Sent
     * events carry the bytes themselves. False when it is gone or the server is stopped.
     */
    public boolean watch(long peerId, boolean on) {
        if (!running || !registry.contains(peerId)) {
            return false;
        }
        return submit(() -> {
            Connection c = registry.get(peerId);
            if (c != null) {
                c.watched = on;
            }
        });
    }

    /** Closes one peer with the reason "disconnected by user"; false when it is gone. */
    public boolean disconnect(long peerId) {
        if (!running || !registry.contains(peerId)) {
            return false;
        }
        return submit(() -> {
            Connection c = registry.get(peerId);
            if (c != null) {
                peerIo.close(c, CloseReason.DISCONNECTED_BY_USER);
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
            deadlines.reset();
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
                            tally.error();
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
                peerIo.read(c, now);
            }
            if (!c.closed && key.isValid() && key.isWritable()) {
                peerIo.flush(c, now);
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
                tally.error();
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
                    Closeables.closeQuietly(ch); // stop() is under way; the peer sees its connection end
                    return;
                }
                MonitorServer.this.accepted(ch, now);
            } catch (IOException | RuntimeException e) {
                tally.error();
                logError("Could not set up a new connection: " + e.getMessage(), now);
                Closeables.closeQuietly(ch);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void acceptFailed(IOException e, long pause, long now) {
            withLock(() -> {
                tally.error();
                String why = String.valueOf(e.getMessage());
                if (why.contains("Too many open files")) {
                    why = "out of file descriptors (too many open files)";
                }
                events.acceptError("Accept failed: " + why + "; pausing accepts for " + pause + " ms", now);
            });
        }

        @Override
        public void crashed(Throwable t) {
            withLock(() -> {
                tally.error();
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

        CloseReason refusal = registry.refusal(c, remote.getAddress());
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
                    conn.finSent = true;
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
            Closeables.closeQuietly(ch);
            conn.closed = true;
            emit(new ServerEvent.Closed(at, conn.snapshot(refusal, at)));
            return;
        }
        tally.served();
        registry.add(conn);
        emit(new ServerEvent.Connected(conn.connectedAt, conn.snapshot(null, null)));

        try {
            startServing(conn, c.mode(), greetingNow, greetFailed, now, at);
        } catch (RuntimeException e) {
            peerIo.close(conn, CloseReason.ERROR); // never left in the registry, counting against the limits
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
                    conn.pendingIsEcho.add(false);
                    deadlines.at(now + config.writeTimeout().toNanos());
                }
                peerIo.account(conn, greetingNow.position(), now, at, null, null);
                if (greetFailed != null) {
                    peerIo.close(conn, CloseReason.after(greetFailed));
                } else if (conn.pending.isEmpty()) {
                    peerIo.finishAfterFlush(conn, at);
                } else {
                    peerIo.interest(conn, SelectionKey.OP_WRITE);
                }
            }
            case KEEP_OPEN -> {
                if (!config.idleTimeout().isZero()) {
                    deadlines.at(now + config.idleTimeout().toNanos());
                }
                peerIo.interest(conn, SelectionKey.OP_READ);
                peerIo.queueWrite(conn, ByteBuffer.wrap(render(conn)), now);
            }
            case HTTP -> {
                conn.http = new HttpResponder();
                conn.httpDeadlineNanos = now + httpHeadTimeout.toNanos();
                deadlines.at(conn.httpDeadlineNanos);
                peerIo.interest(conn, SelectionKey.OP_READ);
            }
        }
    }

    private void enforceDeadlines(long now) {
        ServerConfig cfg = config;
        long idleNanos = cfg.idleTimeout().toNanos();
        long writeNanos = cfg.writeTimeout().toNanos();
        events.reportSuppressed(now);
        boolean idleApplies = idleNanos > 0 && cfg.mode() == Mode.KEEP_OPEN;
        if (!deadlines.startPassIfDue(now)) {
            return; // 10,000 held peers with nothing due cost nothing here
        }
        boolean walkedAll = false;
        try {
            // One pass over the open peers: no copy of the registry (its iterator allows the
            // removals closing makes) and only Connection's own fields are read (pendingBytes,
            // not the pending queue). The pass also finds when the next one is needed.
            for (Connection c : registry.live()) {
                if (c.lingering && now - c.lingerDeadlineNanos >= 0) {
                    peerIo.close(c, c.closeWhenFlushed);
                } else if (c.pendingBytes > 0 && now - c.writeProgressNanos >= writeNanos) {
                    peerIo.close(c, CloseReason.WRITE_TIMEOUT);
                } else if (c.http != null && now - c.httpDeadlineNanos >= 0) {
                    peerIo.reportRequestHead(c);
                    peerIo.respondAndClose(c, HttpResponder.requestTimeout(httpHeadTimeout), CloseReason.REQUEST_TIMEOUT,
                            now);
                } else if (idleApplies && c.pendingBytes == 0 && !c.readPaused && now - c.lastReadNanos >= idleNanos) {
                    peerIo.close(c, CloseReason.IDLE);
                }
                if (!c.closed) {
                    deadlines.remember(c, idleApplies ? idleNanos : 0, writeNanos);
                }
            }
            walkedAll = true;
        } finally {
            if (!walkedAll) {
                deadlines.at(now); // a listener's Error cut the pass short: the peers not reached yet get the next tick
            }
        }
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
            for (Connection c : registry.copy()) {
                try {
                    peerIo.close(c, CloseReason.SERVER_STOPPED);
                } catch (Throwable t) { // whatever a listener does, every channel gets closed
                    Closeables.closeQuietly(c.channel);
                    registry.remove(c);
                }
            }
        } finally {
            Closeables.closeQuietly(listener);
            Closeables.closeQuietly(selector); // deregisters, which completes the deferred channel closes
            localAddress = null;
        }
        emit(new ServerEvent.Stopped(Instant.now(), stats()));
    }

    /** The greeting for {@code conn}, rendered as the template stands now. */
    private byte[] render(Connection conn) {
        return greeting.render(new GreetingContext(conn.remote, conn.local, conn.connectedAt, conn.id));
    }

    /** PeerIo's view of the settings, which may change while running. */
    private final class IoHost implements PeerIo.Host {
        @Override
        public ServerConfig config() {
            return config;
        }

        @Override
        public boolean echo() {
            return echo;
        }

        @Override
        public byte[] greetingFor(Connection c) {
            return render(c);
        }
    }

    private void logError(String message, long now) {
        events.error(message, now);
    }

    private void emit(ServerEvent e) {
        events.emit(e);
    }

    /** For the log and headless output: "127.0.0.1:8080". */
    public static String describe(InetSocketAddress a) {
        return Addresses.hostPort(a);
    }
}
