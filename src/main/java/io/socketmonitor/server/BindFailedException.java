package io.socketmonitor.server;

/** The server could not start listening; the message is a sentence for the user. */
public final class BindFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public BindFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
