package io.socketmonitor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Carries text from the server thread to stdout and stderr without ever making the server
 * wait: lines go into a memory buffer under a short lock, and a thread of its own writes them
 * out every 200 ms or when asked. A terminal that stops reading (a paused pipe, Ctrl+S) costs
 * lines, counted and reported, never a stalled server.
 */
final class OutputPump implements AutoCloseable {
    static final int MAX_BUFFERED = 8 * 1024 * 1024;
    private static final byte[] EOL = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final OutputStream err;
    private final Thread thread;
    private final Object lock = new Object();
    private Buffer outBuffer = new Buffer();
    private Buffer errBuffer = new Buffer();
    private Buffer spareOut = new Buffer();
    private Buffer spareErr = new Buffer();
    private long droppedLines;
    private boolean flushRequested;
    private boolean closed;
    /** Run on the pump's thread each time it wakes, before it writes: lines that wait on time. */
    private volatile Runnable onWake = () -> {};

    OutputPump(OutputStream out, OutputStream err) {
        this.out = out;
        this.err = err;
        this.thread = new Thread(this::run, "socket-monitor-output");
        thread.setDaemon(true);
        thread.start();
    }

    /** Appends bytes that already end in a line separator. */
    void write(byte[] bytes, int offset, int length) {
        synchronized (lock) {
            if (outBuffer.size + length > MAX_BUFFERED) {
                droppedLines++;
                return;
            }
            outBuffer.append(bytes, offset, length);
        }
    }

    void line(String text) {
        byte[] b = (text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        write(b, 0, b.length);
    }

    /** Errors go to stderr; they are rare (rate-limited by the server) and written out at once. */
    void errorLine(String text) {
        byte[] b = (text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (errBuffer.size + b.length <= MAX_BUFFERED) {
                errBuffer.append(b, 0, b.length);
            }
            requestFlushLocked();
        }
    }

    /** {@code task} runs each time the pump wakes (at least every 200 ms), before it writes. */
    void onWake(Runnable task) {
        onWake = task;
    }

    void requestFlush() {
        synchronized (lock) {
            requestFlushLocked();
        }
    }

    private final Object drainLock = new Object();

    private void requestFlushLocked() {
        flushRequested = true;
        lock.notifyAll();
    }

    private void run() {
        while (true) {
            synchronized (lock) {
                if (!flushRequested && !closed) {
                    try {
                        lock.wait(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                flushRequested = false;
            }
            onWake.run(); // outside the lock: it may add lines
            drain();
        }
    }

    /**
     * Swaps the buffers under the lock and writes outside it. One drain at a time: close() may
     * drain while the pump thread is still writing to a slow stdout, and two would swap the same
     * spare buffer in.
     */
    private void drain() {
        synchronized (drainLock) {
            drainOnce();
        }
    }

    private void drainOnce() {
        Buffer o;
        Buffer e;
        long dropped;
        synchronized (lock) {
            o = outBuffer;
            e = errBuffer;
            outBuffer = spareOut;
            errBuffer = spareErr;
            dropped = droppedLines;
            droppedLines = 0;
        }
        try {
            o.writeTo(out);
            if (dropped > 0) {
                out.write(("(" + dropped + " lines not printed: the terminal did not keep up)")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(EOL);
            }
            out.flush();
            e.writeTo(err);
            err.flush();
        } catch (IOException ignored) {
            // stdout closed (a pipe whose reader left): nothing useful to do but keep serving
        }
        synchronized (lock) {
            o.size = 0;
            e.size = 0;
            spareOut = o;
            spareErr = e;
        }
    }

    /** Stops the pump thread and writes what is left, on the calling thread. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }

    private static final class Buffer {
        byte[] bytes = new byte[64 * 1024];
        int size;

        void append(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void writeTo(OutputStream s) throws IOException {
            if (size > 0) {
                s.write(bytes, 0, size);
            }
        }
    }
}
