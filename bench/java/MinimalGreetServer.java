import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The floor Java 17 itself sets: the least a Java greet-and-close server can do, as the C
 * baseline does it. One thread blocks in accept, prints "Connected to ('ip', port)" as ASCII
 * into a reused 64 KiB buffer, writes the greeting and closes: no events, no bookkeeping. What
 * ours costs above this is ours; what this costs above C is the JDK's accept path.
 *
 * With {@code --fin-first} it closes as ours does, the lecture's "shutdown, then close": the FIN
 * right after the greeting, then a look for bytes the peer sent (which a close would answer with
 * an RST), then the close. Ours drains such a peer; this one only counts it.
 *
 *   java -cp DIR MinimalGreetServer PORT [--fin-first]     binds 127.0.0.1:PORT, runs until SIGTERM
 */
public final class MinimalGreetServer {
    private static final byte[] GREETING = "Hello from server\n".getBytes(StandardCharsets.US_ASCII);
    private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);
    private static final byte[] out = new byte[1 << 16];
    private static int used;
    private static long served; // plain, as C's counter: read once, at the end
    private static long sentFirst; // peers whose bytes came before the close (with --fin-first)

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        boolean finFirst = args.length > 1 && args[1].equals("--fin-first");
        // An IPv4 socket, as ours binds for an IPv4 address (the default would be dual-stack IPv6).
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 511);
        print("Listening on 127.0.0.1:" + port + " for connections\n");
        flush();
        // Redirected output is written when the buffer fills and every 200 ms (C's when it fills
        // and when idle), so the lines are there to read while it runs.
        Thread flusher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (MinimalGreetServer.class) {
                    flush();
                }
            }
        });
        flusher.setDaemon(true);
        flusher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (MinimalGreetServer.class) {
                flush(); // the buffer may be nearly full: the line below needs room
                ascii("Stopped: served " + served + (finFirst ? ", bytes waiting at the close from " + sentFirst : "")
                        + "\n");
                flush();
            }
        }));
        ByteBuffer greeting = ByteBuffer.wrap(GREETING);
        while (true) {
            SocketChannel ch = listener.accept();
            InetSocketAddress peer = (InetSocketAddress) ch.getRemoteAddress();
            synchronized (MinimalGreetServer.class) {
                connectedLine(peer);
            }
            greeting.clear();
            try {
                ch.write(greeting); // 18 bytes always fit an empty socket buffer
                if (finFirst) {
                    ch.shutdownOutput();
                    if (ch.socket().getInputStream().available() > 0) {
                        sentFirst++;
                    }
                }
            } catch (IOException ignored) {
                // the peer went first; close all the same
            }
            ch.close();
            served++;
        }
    }

    private static void connectedLine(InetSocketAddress peer) {
        if (used > out.length - 64) {
            flush();
        }
        ascii("Connected to ('");
        byte[] ip = ((Inet4Address) peer.getAddress()).getAddress();
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                out[used++] = '.';
            }
            number(ip[i] & 0xff);
        }
        ascii("', ");
        number(peer.getPort());
        ascii(")\n");
    }

    private static void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            out[used++] = (byte) s.charAt(i);
        }
    }

    private static void number(int n) {
        int start = used;
        do {
            out[used++] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
        for (int i = start, j = used - 1; i < j; i++, j--) {
            byte t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }

    private static void print(String s) {
        ascii(s);
    }

    private static void flush() {
        try {
            STDOUT.write(out, 0, used);
        } catch (IOException ignored) {
            // nowhere to say it
        }
        used = 0;
    }
}
