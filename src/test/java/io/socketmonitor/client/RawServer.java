package io.socketmonitor.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * One accept on 127.0.0.1:0 that records every byte until the client half-closes, then answers
 * and closes: lets a test see exactly what went on the wire.
 */
final class RawServer implements AutoCloseable {
    private final ServerSocket listener;
    final CompletableFuture<byte[]> received = new CompletableFuture<>();

    RawServer(byte[] answerAfterEof) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(answerAfterEof), "raw test server");
        t.setDaemon(true);
        t.start();
    }

    private void serve(byte[] answer) {
        try (Socket s = listener.accept()) {
            s.setSoTimeout(10_000); // bounded: a broken test fails instead of hanging
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            received.complete(all.toByteArray());
            s.getOutputStream().write(answer);
        } catch (IOException e) {
            received.completeExceptionally(e);
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
