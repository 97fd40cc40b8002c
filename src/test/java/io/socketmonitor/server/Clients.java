package io.socketmonitor.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Small blocking loopback clients with timeouts, for tests. */
final class Clients {
    private Clients() {}

    static Socket connect(InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        s.connect(server, 2000);
        s.setSoTimeout(5000);
        return s;
    }

    static Socket connect(InetAddress address, int port) throws IOException {
        return connect(new InetSocketAddress(address, port));
    }

    /** Reads until the server closes (or 5 s pass, which fails the read). */
    static byte[] readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.getInputStream().transferTo(out);
        return out.toByteArray();
    }

    static String readAll(InetSocketAddress server) throws IOException {
        try (Socket s = connect(server)) {
            return new String(readToEnd(s), StandardCharsets.UTF_8);
        }
    }

    /** Reads exactly n bytes. */
    static byte[] readExactly(Socket s, int n) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = in.readNBytes(n);
        if (buf.length < n) {
            throw new IOException("Connection closed after " + buf.length + " of " + n + " bytes");
        }
        return buf;
    }
}
