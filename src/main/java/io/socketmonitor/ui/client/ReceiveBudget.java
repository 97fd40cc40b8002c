package io.socketmonitor.ui.client;

/**
 * Bytes received but not yet shown. Past the limit the client's reader waits for the window, so
 * a server that sends faster than the window can draw is slowed by TCP itself (its send buffer
 * fills) instead of filling this process's memory and the event thread's queue; Disconnect
 * stays clickable. One per connection; cancelled when it closes, which lets a waiting reader go.
 */
final class ReceiveBudget {
    private final long limit;
    private long queued; // guarded by this
    private boolean cancelled; // guarded by this

    ReceiveBudget(long limit) {
        this.limit = limit;
    }

    /** On the reader's thread: counts {@code bytes} in, first waiting while the window is behind. */
    synchronized void take(int bytes) {
        // One chunk always passes: a chunk larger than the limit must not wait forever.
        while (!cancelled && queued > 0 && queued + bytes > limit) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        queued += bytes;
    }

    /** On the EDT, once {@code bytes} are shown. */
    synchronized void shown(long bytes) {
        queued -= bytes;
        notifyAll();
    }

    /** The connection is closing: nobody waits any more. */
    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    synchronized long queued() {
        return queued;
    }
}
