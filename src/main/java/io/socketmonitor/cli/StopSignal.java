package io.socketmonitor.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for Ctrl+C, SIGTERM or SIGHUP (the terminal closed, an ssh session dropped). Handling
 * the signals ourselves (rather than only a shutdown hook) lets the program stop the server,
 * print its summary and exit 0, as a user expects. A second signal while that is under way ends
 * the program at once, unless it comes within a second of the first: {@code timeout} and a
 * closing terminal signal the process and its group, so one stop request arrives twice.
 */
final class StopSignal {
    private static final long SAME_REQUEST_NANOS = 1_000_000_000L;

    private final CountDownLatch fired = new CountDownLatch(1);
    private volatile boolean byKeyboard;
    private volatile long firstAt;

    StopSignal install() {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), this::received);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // This platform lacks the signal; the JVM's default handling still ends the program.
            }
        }
        return this;
    }

    private void received(sun.misc.Signal s) {
        long now = System.nanoTime();
        if (fired.getCount() == 0) {
            if (now - firstAt >= SAME_REQUEST_NANOS) {
                Runtime.getRuntime().halt(128 + s.getNumber()); // asked again: the user means it
            }
            return;
        }
        firstAt = now;
        byKeyboard = "INT".equals(s.getName());
        fired.countDown();
    }

    void await() throws InterruptedException {
        fired.await();
    }

    /** Whether it was Ctrl+C (SIGINT) rather than SIGTERM or SIGHUP. */
    boolean byKeyboard() {
        return byKeyboard;
    }
}
