package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerTestAccess;
import io.socketmonitor.template.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random bytes from peers, biased towards what an HTTP head parser meets (methods, versions, line
 * ends of every kind, colons, NULs, bytes that are not UTF-8, runs past the 16 KiB limit): the
 * server answers or closes each connection at once, for a reason it names, logs no error, and
 * serves a plain request afterwards. Seeds are fixed; loopback only; bounded in count and time.
 */
class PeerBytesFuzzTest extends FaultFixture {
    private static final int CONNECTIONS = 150;
    private static final String[] HEAD_PIECES = {
        "GET", "POST", "HEAD", "OPTIONS", "get", " ", "  ", "/", "/index.html", "*", "?q=1", "HTTP/1.1", "HTTP/1.0",
        "HTTP/2", "HTTP/", "\r\n", "\n", "\r", "\r\n\r\n", "\n\n", "Host: x", "Host:", ":", "Connection: close",
        "Content-Length: 5", "\t", "\u0000", "\u00e9", "\uD83D\uDE00", "\u00ff"};

    @Test
    @Timeout(60) // a server that stopped reading without closing would otherwise hold a write
    void httpModeAnswersOrClosesWhateverArrives() throws Exception {
        MonitorServer server = server(config().withMode(Mode.HTTP));
        ServerTestAccess.httpHeadTimeout(server, Duration.ofSeconds(2));
        InetSocketAddress a = server.start();
        SplittableRandom random = new SplittableRandom(7);
        int limit = ServerTestAccess.httpHeadLimitBytes();
        for (int i = 0; i < CONNECTIONS; i++) {
            byte[] payload = randomHead(random, limit);
            String answer = exchange(a, payload, random);
            if (!answer.isEmpty()) {
                assertThat(answer).as("answer to %s", describe(payload))
                        .matches("(?s)HTTP/1\\.1 (200 OK|400 Bad Request|408 Request Timeout"
                                + "|431 Request Header Fields Too Large)\r\n.*");
            }
        }
        await("every connection closed").atMost(Duration.ofSeconds(5))
                .until(() -> events.of(ServerEvent.Closed.class).size() == CONNECTIONS);
        assertThat(EnumSet.copyOf(events.closeReasons())).as("why each was closed")
                .isSubsetOf(CloseReason.AFTER_RESPONSE, CloseReason.BY_PEER, CloseReason.RESET,
                        CloseReason.BAD_REQUEST, CloseReason.REQUEST_TOO_LARGE, CloseReason.REQUEST_TIMEOUT)
                .as("the inputs reach every answer") // so the generator cannot drift into testing one path
                .contains(CloseReason.AFTER_RESPONSE, CloseReason.BY_PEER, CloseReason.BAD_REQUEST,
                        CloseReason.REQUEST_TOO_LARGE);
        assertThat(events.errors()).as("errors logged").isEmpty();
        assertThat(server.stats().open()).isZero();
        previewsShowNothingRaw();

        String plain = exchange(a, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), random);
        assertThat(plain).startsWith("HTTP/1.1 200 OK\r\n").endsWith("Hello from server\n");
    }

    @Test
    @Timeout(60)
    void echoModeSendsBackEveryByteAsItCame() throws Exception {
        InetSocketAddress a = start(config().withMode(Mode.KEEP_OPEN).withEcho(true));
        SplittableRandom random = new SplittableRandom(11);
        long sent = 0;
        for (int i = 0; i < 40; i++) {
            try (Socket s = connect(a)) {
                assertThat(readExactly(s, HELLO.length)).isEqualTo(HELLO);
                for (int chunk = 0, chunks = 1 + random.nextInt(4); chunk < chunks; chunk++) {
                    byte[] b = new byte[1 + random.nextInt(random.nextBoolean() ? 16 : 64 * 1024)];
                    random.nextBytes(b);
                    s.getOutputStream().write(b);
                    assertThat(readExactly(s, b.length)).as("connection %d, chunk %d", i, chunk).isEqualTo(b);
                    sent += b.length;
                }
            }
        }
        long total = sent;
        await("every connection closed").atMost(Duration.ofSeconds(5))
                .until(() -> events.of(ServerEvent.Closed.class).size() == 40);
        assertThat(events.of(ServerEvent.Closed.class).stream().mapToLong(c -> c.peer().bytesIn()).sum())
                .as("bytes in, counted once each").isEqualTo(total);
        assertThat(events.errors()).isEmpty();
        previewsShowNothingRaw();
    }

    /**
     * What the log, the table and the lecture show of the bytes each way: control characters,
     * invisible ones and bytes that are not text spelled out, so no peer drives the terminal or
     * the screen.
     */
    private void previewsShowNothingRaw() {
        java.util.List<String> previews = new java.util.ArrayList<>();
        events.of(ServerEvent.Received.class).forEach(r -> previews.add(r.preview()));
        events.of(ServerEvent.Sent.class).forEach(r -> previews.add(r.preview()));
        assertThat(previews).isNotEmpty();
        for (String p : previews) {
            p.codePoints().forEach(c -> assertThat(Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.SURROGATE || Printable.isInvisible(c))
                    .as("U+%04X in the preview %s", c, Printable.visible(p)).isFalse());
        }
    }

    /** Sends the payload in up to three writes, half-closes, and reads until the server closes. */
    private String exchange(InetSocketAddress a, byte[] payload, SplittableRandom random) throws IOException {
        try (Socket s = connect(a)) {
            OutputStream out = s.getOutputStream();
            int at = 0;
            try {
                for (int writes = 1 + random.nextInt(3); writes > 0 && at < payload.length; writes--) {
                    int n = writes == 1 ? payload.length - at : random.nextInt(payload.length - at + 1);
                    out.write(payload, at, n);
                    out.flush();
                    at += n;
                }
                s.shutdownOutput(); // as `printf ... | nc` ends: the server sees the end at once
            } catch (IOException cut) {
                // answered and closed before the rest was sent (431, 400): read what came
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) { // the socket's 5 s timeout bounds each read
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException held) {
                throw new AssertionError("held open: " + describe(payload), held);
            } catch (IOException reset) {
                // a reset after the answer: what came before it still counts
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] randomHead(SplittableRandom random, int limit) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        boolean request = random.nextInt(3) == 0; // a real request line, headers of any kind, maybe an end
        if (request) {
            b.writeBytes("GET /fuzz HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        for (int pieces = random.nextInt(12); pieces > 0; pieces--) {
            switch (random.nextInt(10)) {
                case 0 -> b.write(random.nextInt(256)); // any byte
                case 1 -> b.writeBytes("X-Fill: ".concat("a".repeat(random.nextInt(limit + 2048))).getBytes(
                        StandardCharsets.US_ASCII));
                default -> b.writeBytes(HEAD_PIECES[random.nextInt(HEAD_PIECES.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
        if (request && random.nextBoolean()) {
            b.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return b.toByteArray();
    }

    private static String describe(byte[] payload) {
        String text = Printable.preview(payload, 120);
        return payload.length + " bytes \"" + text + "\"";
    }
}
