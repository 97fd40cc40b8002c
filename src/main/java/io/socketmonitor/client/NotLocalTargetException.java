package io.socketmonitor.client;

/** A load run was refused before any connect; the message says why in one sentence. */
public final class NotLocalTargetException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotLocalTargetException(String message) {
        super(message);
    }
}
