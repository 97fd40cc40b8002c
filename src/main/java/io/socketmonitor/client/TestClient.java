package io.socketmonitor.client;

import io.socketmonitor.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lecture's client: create a socket, connect, send/receive, shut down, close. One instance is
 * one session; its thread resolves the name, tries each address in turn like telnet, then reads
 * until the server closes. Sending happens on the caller's thread.
 */
public final class TestClient implements AutoCloseable {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ClientListener listener;
    private final CompletableFuture<SessionSummary> finished = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final Object writeLock = new Object();
    private volatile Socket socket;
    private volatile boolean connected;
    private volatile boolean closedByUser;

    public TestClient(ClientListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Starts the session on its own thread and returns at once. The future completes with the
     * summary when the session is over (also when connecting failed); it never completes
     * exceptionally.
     */
    public CompletableFuture<SessionSummary> connect(String host, int port, Duration connectTimeout) {
        return connect(host, port, connectTimeout, null);
    }

    /**
     * As {@link #connect(String, int, Duration)}, sending {@code first} (if not null) the moment
     * the connection is made, before reading: a server that greets and closes at once cannot
     * race it. If it cannot be sent, the session ends in an error that says so.
     */
    public CompletableFuture<SessionSummary> connect(String host, int port, Duration connectTimeout, byte[] first) {
        Objects.requireNonNull(host, "host");
        HostPort.checkPort(port);
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("This client already ran a session; create a new one.");
        }
        byte[] firstBytes = first == null ? null : first.clone();
        Thread t = new Thread(() -> run(host, port, connectTimeout, firstBytes), "test-client " + host + ":" + port);
        t.setDaemon(true);
        t.start();
        return finished;
    }

    public CompletableFuture<SessionSummary> finished() {
        return finished;
    }

    /** Connected, and not closed by {@link #close}: sending makes sense. */
    public boolean isConnected() {
        return connected && !closedByUser;
    }

    /** Writes the bytes as they are. */
    public void send(byte[] data) throws IOException {
        Socket s = socket;
        if (!connected || s == null) {
            throw new IOException("Not connected: connect first, then send.");
        }
        synchronized (writeLock) {
            OutputStream out = s.getOutputStream();
            out.write(data);
            out.flush();
        }
        bytesOut.addAndGet(data.length);
        listener.onEvent(new ClientEvent.Sent(data.clone()));
    }

    /** Decodes the escapes, adds the line ending, sends; returns the bytes sent. */
    public byte[] sendText(String typed, LineEnding ending) throws TemplateException, IOException {
        byte[] data = SendText.encode(typed, ending);
        send(data);
        return data;
    }

    /** Half-close: the server reads end of stream; we keep reading what it still sends. */
    public void shutdownOutput() throws IOException {
        Socket s = socket;
        if (!connected || s == null) {
            throw new IOException("Not connected: there is no output to shut down.");
        }
        synchronized (writeLock) {
            if (!s.isOutputShutdown()) {
                s.shutdownOutput();
                listener.onEvent(new ClientEvent.OutputShutdown());
            }
        }
    }

    /** Closes the connection (or abandons connecting). Safe to call at any time, more than once. */
    @Override
    public void close() {
        closedByUser = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing is best effort; the reader thread reports the end.
            }
        }
    }

    private void run(String host, int port, Duration timeout, byte[] first) {
        SessionSummary summary;
        try {
            summary = session(host, port, timeout, first);
        } catch (RuntimeException e) {
            // Never let the thread die silently: the listener and the future always hear the end.
            Socket s = socket;
            if (s != null) {
                closeQuietly(s); // a listener that threw before the reading began must not leave it open
            }
            summary = new SessionSummary(SessionEnd.ERROR, "Unexpected error: " + e, null, null, null,
                    bytesIn.get(), bytesOut.get());
        }
        connected = false;
        try {
            listener.onEvent(new ClientEvent.Closed(summary));
        } catch (RuntimeException listenersOwn) {
            // The session is over whatever the listener does with the news.
        } finally {
            finished.complete(summary);
        }
    }

    private SessionSummary session(String host, int port, Duration timeout, byte[] first) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return failed(ConnectErrors.unknownHost(host));
        }
        String lastError = null;
        for (InetAddress address : addresses) {
            if (closedByUser) {
                return ended(SessionEnd.BY_USER, null, null, null);
            }
            listener.onEvent(new ClientEvent.Trying(address));
            Socket s = new Socket();
            socket = s;
            if (closedByUser) { // close() may have run before socket was set
                closeQuietly(s);
                return ended(SessionEnd.BY_USER, null, null, null);
            }
            long start = System.nanoTime();
            try {
                s.connect(new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            } catch (IOException e) {
                closeQuietly(s);
                if (closedByUser) {
                    return ended(SessionEnd.BY_USER, null, null, null);
                }
                lastError = ConnectErrors.describe(e, host, address, port, timeout);
                continue;
            }
            Duration connectTime = Duration.ofNanos(System.nanoTime() - start);
            return connectedSession(s, host, connectTime, first);
        }
        return failed(lastError);
    }

    private SessionSummary connectedSession(Socket s, String host, Duration connectTime, byte[] first) {
        InetSocketAddress remote = (InetSocketAddress) s.getRemoteSocketAddress();
        try {
            s.setTcpNoDelay(true); // a typed line should leave at once, as with telnet
        } catch (SocketException ignored) {
            // Only a latency nicety.
        }
        long connectedAt = System.nanoTime();
        IOException firstFailed = null;
        if (first != null) { // before anyone hears of the connection: nothing typed can overtake it
            try {
                s.getOutputStream().write(first);
                bytesOut.addAndGet(first.length);
            } catch (IOException e) {
                firstFailed = e;
            }
        }
        connected = firstFailed == null;
        listener.onEvent(new ClientEvent.Connected(host, remote, (InetSocketAddress) s.getLocalSocketAddress(),
                connectTime));
        if (firstFailed != null) {
            closeQuietly(s);
            if (closedByUser) {
                return ended(SessionEnd.BY_USER, remote, connectTime, null); // closed while it was sending
            }
            return new SessionSummary(SessionEnd.ERROR, "Could not send the text: " + firstFailed.getMessage() + ".",
                    remote, connectTime, null, bytesIn.get(), bytesOut.get());
        }
        if (first != null) {
            listener.onEvent(new ClientEvent.Sent(first));
        }
        Duration firstByte = null;
        byte[] buffer = new byte[16 * 1024];
        try (s) {
            InputStream in = s.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Duration since = Duration.ofNanos(System.nanoTime() - connectedAt);
                if (firstByte == null && n > 0) {
                    firstByte = since;
                }
                bytesIn.addAndGet(n);
                listener.onEvent(new ClientEvent.Received(Arrays.copyOf(buffer, n), since));
            }
            return ended(closedByUser ? SessionEnd.BY_USER : SessionEnd.BY_PEER, remote, connectTime, firstByte);
        } catch (IOException e) {
            if (closedByUser) {
                return ended(SessionEnd.BY_USER, remote, connectTime, firstByte);
            }
            String os = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            if (os.contains("reset")) {
                return ended(SessionEnd.RESET, remote, connectTime, firstByte);
            }
            return new SessionSummary(SessionEnd.ERROR, "Connection lost: " + e.getMessage() + ".", remote,
                    connectTime, firstByte, bytesIn.get(), bytesOut.get());
        }
    }

    private SessionSummary failed(String message) {
        listener.onEvent(new ClientEvent.Failed(message));
        return new SessionSummary(SessionEnd.FAILED, message, null, null, null, 0, 0);
    }

    private SessionSummary ended(SessionEnd end, InetSocketAddress remote, Duration connectTime, Duration firstByte) {
        return new SessionSummary(end, end.text(), remote, connectTime, firstByte, bytesIn.get(), bytesOut.get());
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing to report: the connect error is what matters.
        }
    }
}
