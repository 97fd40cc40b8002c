package io.socketmonitor.client;

/** A load run was refused before any connect; the message says why in one sentence. */
public final class NotLocalTargetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean unresolved;

    public NotLocalTargetException(String message) {
        this(message, false);
    }

    /** {@code unresolved}: the name found no address at all (not a mistake in the options, as for telnet). */
    NotLocalTargetException(String message, boolean unresolved) {
        super(message);
        this.unresolved = unresolved;
    }

    public boolean unresolved() {
        return unresolved;
    }
}
