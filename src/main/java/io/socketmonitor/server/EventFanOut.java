package io.socketmonitor.server;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands every event to every listener, one server thread at a time (the caller holds the
 * server's lock), and lets error messages through at a rate a log can bear. A listener that
 * throws is counted as an error and does not stop the others, nor the server.
 */
final class EventFanOut {
    private final List<ServerListener> listeners = new CopyOnWriteArrayList<>();
    private final Tally tally;
    private final RateLimitedLog errorLog = new RateLimitedLog(5);
    private final RateLimitedLog acceptLog = new RateLimitedLog(2); // its own budget: never hidden by others

    EventFanOut(Tally tally) {
        this.tally = tally;
    }

    void add(ServerListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    void remove(ServerListener l) {
        listeners.remove(l);
    }

    void emit(ServerEvent e) {
        for (ServerListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable ex) {
                // A faulty listener must not take the server down with it.
                tally.error();
            }
        }
    }

    /** An error, said unless too many came this second. */
    void error(String message, long now) {
        emitAdmitted(errorLog, message, now);
    }

    /** A failed accept: repeated thousands of times a second under EMFILE, so it has its own budget. */
    void acceptError(String message, long now) {
        emitAdmitted(acceptLog, message, now);
    }

    /** Once a second is over, says how many messages it held back. */
    void reportSuppressed(long now) {
        reportSuppressed(errorLog, now);
        reportSuppressed(acceptLog, now);
    }

    private void emitAdmitted(RateLimitedLog log, String message, long now) {
        String admitted = log.admit(message, now);
        if (admitted != null) {
            emit(new ServerEvent.Error(Instant.now(), admitted));
        }
    }

    private void reportSuppressed(RateLimitedLog log, long now) {
        String note = log.pendingSummary(now);
        if (note != null) {
            emit(new ServerEvent.Error(Instant.now(), note));
        }
    }
}
