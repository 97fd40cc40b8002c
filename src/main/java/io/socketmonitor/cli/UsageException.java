package io.socketmonitor.cli;

/** A command-line mistake; the message is the sentence printed on stderr (exit code 2). */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
