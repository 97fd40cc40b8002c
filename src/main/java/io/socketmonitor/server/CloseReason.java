package io.socketmonitor.server;

/** Why a connection ended, in words a student understands. */
public enum CloseReason {
    AFTER_GREETING("closed after greeting"),
    AFTER_RESPONSE("closed after HTTP response"),
    BY_PEER("closed by peer"),
    RESET("reset by peer"),
    IDLE("idle timeout"),
    WRITE_TIMEOUT("write timeout (peer not reading)"),
    REQUEST_TOO_LARGE("HTTP request head too large"),
    REQUEST_TIMEOUT("HTTP request head not finished in time"),
    BAD_REQUEST("not an HTTP request (answered 400)"),
    LIMIT_TOTAL("refused: max connections reached"),
    LIMIT_PER_PEER("refused: max connections per peer reached"),
    DISCONNECTED_BY_USER("disconnected by user"),
    SERVER_STOPPED("server stopped"),
    ERROR("I/O error");

    private final String text;

    CloseReason(String text) {
        this.text = text;
    }

    /** A read or write that failed: the peer's reset, or an error of ours. */
    static CloseReason after(java.io.IOException e) {
        String m = String.valueOf(e.getMessage());
        // Linux and macOS say "reset" or "Broken pipe"; Windows says "forcibly closed" or "aborted".
        boolean reset = m.contains("reset") || m.contains("Broken pipe") || m.contains("forcibly closed")
                || m.contains("aborted");
        return reset ? RESET : ERROR;
    }

    /**
     * Ends in which the server sent all it had, shut its side down (a FIN) and then closed; the
     * others (a reset, a timeout, a stop) close at once. What a {@link PeerSnapshot} says when
     * nobody told it otherwise.
     */
    public boolean endsWithServersFin() {
        return this == AFTER_GREETING || this == AFTER_RESPONSE || this == BAD_REQUEST
                || this == REQUEST_TOO_LARGE || this == REQUEST_TIMEOUT;
    }

    public String text() {
        return text;
    }

    /**
     * For a state column: "closed by peer", "reset by peer" and "refused: …" read well alone;
     * "idle timeout" needs the prefix.
     */
    public String asState() {
        return text.startsWith("closed ") || this == RESET || text.startsWith("refused:") ? text : "closed: " + text;
    }

    @Override
    public String toString() {
        return text;
    }
}
