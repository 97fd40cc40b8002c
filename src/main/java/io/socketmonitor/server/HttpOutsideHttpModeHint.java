package io.socketmonitor.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Notices a peer that sent an HTTP request (curl, a browser) to a server that greets instead of
 * answering, in greet-and-close or keep-open mode: it gets a greeting it cannot read as an
 * answer ("Received HTTP/0.9 when not allowed"), and the log should say why. At most one hint
 * every {@link #EVERY_NANOS}, so a browser's retries or a load tool do not fill the log. Only
 * looks at bytes already read: a peer that sent nothing costs nothing here.
 */
final class HttpOutsideHttpModeHint {
    static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** A request line longer than this is cut in the hint (a browser's long URL is still a request). */
    private static final int MAX_LINE = 200;

    private boolean saidThisRun;
    private long lastSaidNanos;

    /** A new server run hints again at once. */
    void newRun() {
        saidThisRun = false;
    }

    /**
     * The request line when {@code data}'s first {@code n} bytes start with one and a hint is
     * due now; else null.
     */
    String due(ByteBuffer data, int n, long now) {
        if (saidThisRun && now - lastSaidNanos < EVERY_NANOS) {
            return null;
        }
        String line = firstLine(data, n);
        if (line == null || !HttpResponder.isRequestLine(line)) {
            return null;
        }
        saidThisRun = true;
        lastSaidNanos = now;
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "\u2026"; // a browser's long URL
    }

    /** The bytes up to the first line end, or null when none came within {@code n}. */
    private static String firstLine(ByteBuffer data, int n) {
        for (int i = 0; i < n; i++) {
            if (data.get(i) == '\n') {
                byte[] line = new byte[i];
                data.get(0, line);
                return new String(line, StandardCharsets.ISO_8859_1).strip();
            }
        }
        return null;
    }
}
