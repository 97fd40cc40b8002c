package io.socketmonitor.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for Ctrl+C or SIGTERM. Handling the signals ourselves (rather than only a shutdown
 * hook) lets the program stop the server, print its summary and exit 0, as a user expects; a
 * second signal while that is under way ends the program at once.
 */
final class StopSignal {
    private final CountDownLatch fired = new CountDownLatch(1);
    private volatile boolean byKeyboard;

    StopSignal install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
                    if (fired.getCount() == 0) {
                        Runtime.getRuntime().halt(130); // a second Ctrl+C: the user means it
                    }
                    byKeyboard = "INT".equals(s.getName());
                    fired.countDown();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // This platform lacks the signal; the JVM's default handling still ends the program.
            }
        }
        return this;
    }

    void await() throws InterruptedException {
        fired.await();
    }

    /** Whether it was Ctrl+C (SIGINT) rather than SIGTERM. */
    boolean byKeyboard() {
        return byKeyboard;
    }
}
