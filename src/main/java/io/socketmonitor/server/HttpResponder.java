package io.socketmonitor.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * HTTP mode: collects a request head (bounded in size) and builds the answer, the greeting as a
 * text/plain body with Connection: close, so curl and browsers are clients too.
 */
final class HttpResponder {
    static final int MAX_HEAD_BYTES = 16 * 1024;

    private final ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    private int matched; // progress through "\r\n\r\n" (or "\n\n")
    private boolean firstLineEnded;

    enum Progress { NEED_MORE, COMPLETE, TOO_LARGE }

    /**
     * Consumes request bytes; reports when the blank line ending the head arrives, or as soon
     * as the first line ends when it is not a request line (a word typed in telnet gets its 400
     * at once, not a 408 once the head's time is up).
     */
    Progress accept(ByteBuffer data) {
        while (data.hasRemaining()) {
            byte b = data.get();
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // RFC 9112 2.2: empty lines before the request line are ignored
            }
            if (head.size() >= MAX_HEAD_BYTES) {
                return Progress.TOO_LARGE;
            }
            head.write(b);
            if (b == '\n') {
                matched++;
                if (matched == 2) {
                    return Progress.COMPLETE;
                }
                if (!firstLineEnded) {
                    firstLineEnded = true;
                    if (!isRequest()) {
                        return Progress.COMPLETE;
                    }
                }
            } else if (b != '\r') {
                matched = 0;
            }
        }
        return Progress.NEED_MORE;
    }

    /** The request line, for the log: "GET / HTTP/1.1". */
    String requestLine() {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** The request line with control characters made visible, so it cannot drive a terminal. */
    String requestLinePreview(int maxChars) {
        byte[] line = requestLine().getBytes(StandardCharsets.ISO_8859_1);
        return io.socketmonitor.template.Printable.preview(line, 0, line.length, maxChars);
    }

    boolean isHead() {
        return requestLine().startsWith("HEAD ");
    }

    /** "METHOD target HTTP/x.y" (RFC 9112): what curl and browsers send, and what a typo in telnet is not. */
    private static final java.util.regex.Pattern REQUEST_LINE =
            java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ \\S+ HTTP/\\d\\.\\d");

    boolean isRequest() {
        return isRequestLine(requestLine());
    }

    /** Whether {@code line} is "METHOD target HTTP/x.y", as curl and browsers send. */
    static boolean isRequestLine(String line) {
        return REQUEST_LINE.matcher(line).matches();
    }

    /** Whether any request bytes came, so a cut-off head can still be shown. */
    boolean started() {
        return head.size() > 0;
    }

    static byte[] ok(byte[] body, boolean headOnly) {
        return response("200 OK", body, headOnly);
    }

    static byte[] error(String status) {
        return response(status, (status + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * For a head that did not end in time: says what was awaited and for how long, so someone
     * typing in telnet knows to be quicker (a slowloris is cut all the same).
     */
    static byte[] requestTimeout(java.time.Duration limit) {
        return response("408 Request Timeout", ("408 Request Timeout\n"
                + "The request did not end within " + seconds(limit) + ": this server waits that long for a"
                + " request such as \"GET / HTTP/1.1\" and the empty line after its headers.\n")
                .getBytes(StandardCharsets.UTF_8), false);
    }

    /** "30 seconds", "1 second", "0.3 seconds" (no Formatter: this runs on the loop, maybe under EMFILE). */
    private static String seconds(java.time.Duration d) {
        long tenths = Math.max(1, (d.toMillis() + 50) / 100);
        String figure = tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
        return figure + (tenths == 10 ? " second" : " seconds");
    }

    /** For a typo in telnet: says what HTTP mode expects, so the user can try again. */
    static byte[] badRequest() {
        return response("400 Bad Request", ("400 Bad Request\n"
                + "This server is in HTTP mode: it answers a request such as \"GET / HTTP/1.1\""
                + " followed by an empty line.\n").getBytes(StandardCharsets.UTF_8), false);
    }

    private static byte[] response(String status, byte[] body, boolean headOnly) {
        byte[] headBytes = ("HTTP/1.1 " + status + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "Server: Socket Monitor\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        if (headOnly) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
