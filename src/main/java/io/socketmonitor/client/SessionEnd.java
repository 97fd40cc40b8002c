package io.socketmonitor.client;

/** How a test-client session ended. */
public enum SessionEnd {
    /** The server closed its side (read returned end of stream): telnet's last line. */
    BY_PEER("Connection closed by foreign host."),
    /** The user closed the connection. */
    BY_USER("Connection closed."),
    /** The server aborted the connection with a TCP reset. */
    RESET("Connection reset by foreign host."),
    /** Reading or writing failed for another reason; the summary carries the sentence. */
    ERROR("Connection lost."),
    /** No connection was made (unknown host, refused, timeout, unreachable). */
    FAILED("Could not connect.");

    private final String text;

    SessionEnd(String text) {
        this.text = text;
    }

    /** The default line for this ending. */
    public String text() {
        return text;
    }
}
