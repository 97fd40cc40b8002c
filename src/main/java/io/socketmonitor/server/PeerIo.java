package io.socketmonitor.server;

import io.socketmonitor.template.Printable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What the loop does for a peer that stays open (keep-open, HTTP, a large greeting, a lingering
 * reader): read, answer, write without blocking, and close for the right reason. Netty would
 * call it the handler; {@link MonitorServer} accepts and owns the threads. Runs on the
 * server's threads, under its lock.
 */
final class PeerIo {
    /** Bytes that may wait for one slow peer before further sends to it are refused. */
    static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;
    /** Above this many unsent bytes a peer's input is not read, so echo and TCP pace each other. */
    static final long READ_PAUSE_BYTES = 256 * 1024;
    /**
     * Above this many unsent echo bytes of every peer together, echo peers are not read: each
     * peer's own bound alone let 10,000 peers that send but never read queue gigabytes, and the
     * heap ran out (the loop and the signal handler with it). Only echo counts: what the user
     * sends (a broadcast shares one array among all peers) is the user's to decide, and each
     * peer's queue has its own cap.
     */
    static final long TOTAL_READ_PAUSE_BYTES = 32L * 1024 * 1024;
    private static final int PREVIEW_CHARS = 60;
    /** How long a greeted peer that already sent data may take to finish before we close. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** What the server decides and PeerIo follows. */
    interface Host {
        ServerConfig config();

        boolean echo();

        byte[] greetingFor(Connection c);
    }

    private final Host host;
    private final PeerRegistry registry;
    private final Tally tally;
    private final EventFanOut events;
    private final DeadlineSchedule deadlines;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] readBytes = new byte[64 * 1024];
    private Selector selector;
    private Thread loopThread;
    /** Unsent echo bytes of every open peer. */
    private long echoPending;
    private long totalReadPause = TOTAL_READ_PAUSE_BYTES;
    /** Echo peers whose reading waits for the server-wide bound to free up, in order. */
    private final java.util.ArrayDeque<Connection> waitingForRoom = new java.util.ArrayDeque<>();
    private final HttpOutsideHttpModeHint httpHint = new HttpOutsideHttpModeHint();

    PeerIo(Host host, PeerRegistry registry, Tally tally, EventFanOut events, DeadlineSchedule deadlines) {
        this.host = host;
        this.registry = registry;
        this.tally = tally;
        this.events = events;
        this.deadlines = deadlines;
    }

    /** A new run's selector, and the thread that selects on it. */
    void newRun(Selector selector, Thread loopThread) {
        this.selector = selector;
        this.loopThread = loopThread;
        echoPending = 0;
        waitingForRoom.clear();
        httpHint.newRun();
    }

    /** For tests: a smaller server-wide bound than {@link #TOTAL_READ_PAUSE_BYTES}. */
    void totalReadPause(long bytes) {
        totalReadPause = bytes;
    }

    /** Unsent echo bytes of every open peer together. */
    long echoPending() {
        return echoPending;
    }

    /** Watches {@code c} for {@code ops}; its first need registers it, from either thread. */
    void interest(Connection c, int ops) {
        if (c.closed) {
            return;
        }
        if (c.key == null) {
            try {
                c.key = c.channel.register(selector, ops, c);
            } catch (IOException e) {
                close(c, CloseReason.ERROR);
                return;
            }
            if (Thread.currentThread() != loopThread) {
                selector.wakeup(); // a select() under way would not watch the new key until it returns
            }
        } else if (c.key.isValid()) {
            c.key.interestOps(ops);
        }
    }

    /** The selector found {@code c} readable. */
    void read(Connection c, long now) {
        if (c.lingering) {
            drainLingering(c);
            return;
        }
        if (host.echo() && c.http == null && echoPending >= totalReadPause) {
            waitForRoom(c, now);
            return;
        }
        readBuffer.clear();
        int n;
        try {
            n = c.channel.read(readBuffer);
        } catch (IOException e) {
            close(c, CloseReason.after(e));
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
        tally.received(n);
        readBuffer.flip();
        if (c.http != null) {
            onHttpBytes(c, now);
            return;
        }
        if (c.closeWhenFlushed != null) {
            return; // greeted and closing: what the peer sends now is dropped (counted above, not logged)
        }
        readBuffer.get(readBytes, 0, n);
        c.lastReceived = Printable.preview(readBytes, 0, n, PREVIEW_CHARS);
        events.emit(new ServerEvent.Received(Instant.now(), c.id, n, c.lastReceived,
                watchCopy(c, readBytes, 0, n, now)));
        if (c.bytesIn == n) { // a keep-open peer's first bytes: curl's request, say
            hintIfHttp(c, n);
        }
        if (host.echo()) {
            queueWrite(c, ByteBuffer.wrap(Arrays.copyOf(readBytes, n)), now, true);
        }
    }

    private void onEndOfInput(Connection c) {
        if (c.http != null) {
            reportRequestHead(c); // the peer gave up half way: what it sent still shows
        }
        if (c.closeWhenFlushed != null && c.pending.isEmpty()) {
            close(c, c.closeWhenFlushed);
        } else if (c.pending.isEmpty()) {
            close(c, CloseReason.BY_PEER);
        } else {
            // The peer half-closed; still deliver what is queued, then close.
            c.closeWhenFlushed = c.closeWhenFlushed != null ? c.closeWhenFlushed : CloseReason.BY_PEER;
            interest(c, SelectionKey.OP_WRITE);
        }
    }

    private void onHttpBytes(Connection c, long now) {
        HttpResponder.Progress p = c.http.accept(readBuffer);
        // Not a switch: javac puts an enum switch's table in a class of its own, loaded on first
        // use, which may be under EMFILE, where the load fails for good (see MonitorServer's preload).
        if (p == HttpResponder.Progress.TOO_LARGE) {
            reportRequestHead(c);
            respondAndClose(c, HttpResponder.error("431 Request Header Fields Too Large"),
                    CloseReason.REQUEST_TOO_LARGE, now);
        } else if (p == HttpResponder.Progress.COMPLETE) {
            reportRequestHead(c);
            if (c.http.isRequest()) {
                respondAndClose(c, HttpResponder.ok(host.greetingFor(c), c.http.isHead()), CloseReason.AFTER_RESPONSE, now);
            } else {
                respondAndClose(c, HttpResponder.badRequest(), CloseReason.BAD_REQUEST, now);
            }
        }
    }

    /** The request head, once, as one Received: whole, cut at the limit, or cut off by the timeout. */
    void reportRequestHead(Connection c) {
        if (c.http.started()) {
            c.lastReceived = c.http.requestLinePreview(PREVIEW_CHARS);
            events.emit(new ServerEvent.Received(Instant.now(), c.id, (int) c.bytesIn, c.lastReceived));
        }
    }

    /** HTTP: sends {@code response}, then closes for {@code reason}. */
    void respondAndClose(Connection c, byte[] response, CloseReason reason, long now) {
        c.http = null;
        c.closeWhenFlushed = reason;
        queueWrite(c, ByteBuffer.wrap(response), now);
    }

    /** Sends {@code data} after what already waits, unless 64 MiB wait already (a peer not reading). */
    void queueWrite(Connection c, ByteBuffer data, long now) {
        queueWrite(c, data, now, false);
    }

    /** {@code echo}: the peer's own bytes sent back, which count toward the server-wide bound. */
    private void queueWrite(Connection c, ByteBuffer data, long now, boolean echo) {
        if (c.closed) {
            return;
        }
        if (c.pendingBytes + data.remaining() > MAX_PENDING_BYTES) {
            tally.error();
            events.error("Not sent to peer #" + c.id + ": " + c.pendingBytes + " bytes are already waiting"
                    + " (the peer is not reading)", now);
            return;
        }
        if (c.pending.isEmpty()) {
            c.writeProgressNanos = now;
            deadlines.at(now + host.config().writeTimeout().toNanos());
        }
        c.pending.add(data);
        c.pendingIsEcho.add(echo);
        c.pendingBytes += data.remaining();
        if (echo) {
            c.echoPendingBytes += data.remaining();
            echoPending += data.remaining();
        }
        flush(c, now);
    }

    /** Writes as much as the socket takes now; the rest waits for OP_WRITE. */
    void flush(Connection c, long now) {
        long written = 0;
        ByteBuffer first = c.pending.peek();
        int firstFrom = first == null ? 0 : first.position();
        java.io.ByteArrayOutputStream watchedBytes = c.watched ? new java.io.ByteArrayOutputStream() : null;
        boolean watchedWhole = true;
        long echoWritten = 0;
        try {
            while (!c.pending.isEmpty()) {
                ByteBuffer head = c.pending.peek();
                int from = head.position();
                int n = c.channel.write(head);
                written += n;
                if (c.pendingIsEcho.peek()) {
                    echoWritten += n;
                }
                if (watchedBytes != null && watchedWhole) {
                    byte[] copy = head.hasArray() ? watchCopy(c, head.array(), head.arrayOffset() + from, n, now) : null;
                    if (copy == null) {
                        watchedWhole = false; // over the watcher's share: this write goes without its bytes
                    } else {
                        watchedBytes.write(copy, 0, copy.length);
                    }
                }
                if (head.hasRemaining()) {
                    break;
                }
                c.pending.poll();
                c.pendingIsEcho.poll();
            }
        } catch (IOException e) {
            echoSent(c, echoWritten, now);
            account(c, written, now, null, null, null);
            close(c, CloseReason.after(e));
            return;
        }
        echoSent(c, echoWritten, now);
        account(c, written, now, null, written > 0 ? sentPreview(first, firstFrom) : null,
                watchedBytes == null || !watchedWhole ? null : watchedBytes.toByteArray());
        if (c.pending.isEmpty()) {
            if (c.closeWhenFlushed != null) {
                finishAfterFlush(c);
            } else if (!c.waitingForRoom) {
                resumeReading(c, now);
            } else {
                interest(c, 0); // nothing to write, and no reading until there is room
            }
        } else {
            boolean keepReading = c.closeWhenFlushed == null && c.pendingBytes < READ_PAUSE_BYTES && !c.waitingForRoom;
            if (!keepReading && c.closeWhenFlushed == null) {
                pauseReading(c, now);
            }
            interest(c, keepReading ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_WRITE);
        }
    }

    /** Most bytes copied for a watched peer's window each tenth of a second (both ways): 640 KB/s, pages a second. */
    static final int WATCH_BYTES_PER_TENTH = 64 * 1024;

    /**
     * A copy of the bytes for the peer's watcher, or null when it is not watched or has had its
     * share of this tenth of a second: a peer sending at full speed would otherwise queue
     * gigabytes of copies for a window that shows a few pages (the window says what it missed).
     */
    private static byte[] watchCopy(Connection c, byte[] from, int offset, int n, long now) {
        if (!c.watched) {
            return null;
        }
        if (now - c.watchPeriodStart >= 100_000_000L) {
            c.watchPeriodStart = now;
            c.watchBytesLeft = WATCH_BYTES_PER_TENTH;
        }
        if (n > c.watchBytesLeft) {
            c.watchBytesLeft = 0;
            return null;
        }
        c.watchBytesLeft -= n;
        return Arrays.copyOfRange(from, offset, offset + n);
    }

    /** {@code bytes} of echo went out: room for the peers waiting, once there is enough. */
    private void echoSent(Connection c, long bytes, long now) {
        if (bytes > 0) {
            c.echoPendingBytes -= bytes;
            echoPending -= bytes;
            makeRoom(now);
        }
    }

    /** The server stops reading {@code c}; the time it is paused does not count as the peer's silence. */
    private static void pauseReading(Connection c, long now) {
        if (!c.readPaused) {
            c.readPaused = true;
            c.pausedAtNanos = now;
        }
    }

    /**
     * Reads {@code c} again. The pause was the server's doing, so the idle clock is moved on by
     * its length: a peer silent before it is as idle after it, a busy one is not idle at all.
     */
    private void resumeReading(Connection c, long now) {
        if (c.readPaused) {
            c.readPaused = false;
            c.lastReadNanos = Math.min(now, c.lastReadNanos + (now - c.pausedAtNanos));
        }
        interest(c, c.pending.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        ServerConfig cfg = host.config();
        if (cfg.mode() == Mode.KEEP_OPEN && !cfg.idleTimeout().isZero()) {
            deadlines.at(c.lastReadNanos + cfg.idleTimeout().toNanos()); // held back while bytes waited
        }
    }

    /** The server-wide bound is reached: {@code c} is not read until there is room again. */
    private void waitForRoom(Connection c, long now) {
        pauseReading(c, now);
        if (!c.waitingForRoom) {
            c.waitingForRoom = true;
            waitingForRoom.add(c);
        }
        interest(c, c.pending.isEmpty() ? 0 : SelectionKey.OP_WRITE);
    }

    /** Once half the server-wide bound is free, the waiting peers are read again, oldest first. */
    private void makeRoom(long now) {
        if (waitingForRoom.isEmpty() || echoPending >= totalReadPause / 2) {
            return;
        }
        Connection c;
        while ((c = waitingForRoom.poll()) != null) {
            c.waitingForRoom = false;
            if (!c.closed && c.pendingBytes < READ_PAUSE_BYTES) {
                resumeReading(c, now);
            } // else its own flush resumes it once its bytes drain
        }
    }

    /**
     * What went out, for the log's S: line as its R: line shows what came in: the start of the
     * first buffer the write took from. Greet and close skips it: its log shows no S: line, and
     * that path runs thousands of times a second.
     */
    private String sentPreview(ByteBuffer first, int from) {
        if (host.config().mode() == Mode.CLOSE || !first.hasArray()) {
            return null;
        }
        return Printable.preview(first.array(), first.arrayOffset() + from, first.position() - from, PREVIEW_CHARS);
    }

    /**
     * Counts {@code written} bytes as sent. {@code at}: when it happens, if already read from
     * the clock; {@code preview}: of the bytes, or null.
     */
    void account(Connection c, long written, long now, Instant at, String preview, byte[] data) {
        if (written > 0) {
            c.bytesOut += written;
            c.pendingBytes -= written;
            c.writeProgressNanos = now;
            tally.sent(written);
            events.emit(new ServerEvent.Sent(at != null ? at : Instant.now(), c.id, (int) written, preview, data));
        }
    }

    /**
     * The lecture's "shutdown (notify connected client), close the connection". A peer that has
     * sent data we never read (curl's request, say) would get an RST instead of our FIN, and may
     * lose the greeting with it; such a peer is drained until it closes too, for 2 s at most.
     */
    void finishAfterFlush(Connection c) {
        finishAfterFlush(c, null);
    }

    /** {@code at}: when it happens, if already read from the clock. */
    void finishAfterFlush(Connection c, Instant at) {
        int unread;
        try {
            c.channel.shutdownOutput(); // no system call when the fast path has sent the FIN already
            c.finSent = true;
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
        if (unread > 0) {
            countDropped(c, unread); // dropped, but it came: the peer's "in" and the totals show it
        }
        boolean served = c.closeWhenFlushed == CloseReason.AFTER_GREETING
                || c.closeWhenFlushed == CloseReason.AFTER_RESPONSE;
        // A 400 or a 431 answers a client that is likely still sending, though its next bytes
        // may not have come yet (RFC 9112 9.6). A head too slow (408) is cut, not held on.
        boolean answeredMidRequest = c.closeWhenFlushed == CloseReason.BAD_REQUEST
                || c.closeWhenFlushed == CloseReason.REQUEST_TOO_LARGE;
        if (unread > 0 && c.closeWhenFlushed == CloseReason.AFTER_GREETING) {
            hintIfHttp(c, unread);
        }
        if (!c.lingering && (unread > 0 && served || unread >= 0 && answeredMidRequest)) {
            c.lingering = true;
            c.lingerDeadlineNanos = System.nanoTime() + LINGER_NANOS;
            deadlines.at(c.lingerDeadlineNanos);
            interest(c, SelectionKey.OP_READ);
            return;
        }
        close(c, c.closeWhenFlushed, at);
    }

    /** A greeted peer's first bytes, still in the read buffer: curl's request, say, told in the log. */
    private void hintIfHttp(Connection c, int unread) {
        String requestLine = httpHint.due(readBuffer, unread, System.nanoTime());
        if (requestLine != null) {
            byte[] line = requestLine.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            events.emit(new ServerEvent.HttpRequestOutsideHttpMode(Instant.now(), c.id, c.remote,
                    Printable.preview(line, 0, line.length, PREVIEW_CHARS)));
        }
    }

    /**
     * A lingering peer's input: dropped until it closes its side, and counted (no Received
     * event: the log shows what the server takes in, not what it throws away).
     */
    private void drainLingering(Connection c) {
        long drained = 0;
        try {
            readBuffer.clear();
            int n;
            while ((n = c.channel.read(readBuffer)) > 0) {
                drained += n;
                readBuffer.clear();
            }
            countDropped(c, drained);
            if (n < 0) {
                close(c, c.closeWhenFlushed);
            }
        } catch (IOException e) {
            countDropped(c, drained);
            close(c, c.closeWhenFlushed);
        }
    }

    /** {@code n} bytes read from {@code c} and dropped: counted as every byte read is. */
    private void countDropped(Connection c, long n) {
        if (n > 0) {
            c.bytesIn += n;
            tally.received(n);
        }
    }

    /** Ends {@code c} once, for {@code reason}, and tells the listeners. */
    void close(Connection c, CloseReason reason) {
        close(c, reason, null);
    }

    /** {@code at}: when it happens, if already read from the clock. */
    void close(Connection c, CloseReason reason, Instant at) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        if (c.key != null) {
            c.key.cancel();
        }
        Closeables.closeQuietly(c.channel);
        c.pending.clear();
        c.pendingIsEcho.clear();
        if (c.echoPendingBytes > 0) { // never sent now: room for the peers waiting (a closed one is skipped there)
            echoPending -= c.echoPendingBytes;
            c.echoPendingBytes = 0;
            makeRoom(System.nanoTime());
        }
        registry.remove(c);
        Instant t = at != null ? at : Instant.now();
        events.emit(new ServerEvent.Closed(t, c.snapshot(reason, t)));
    }
}
