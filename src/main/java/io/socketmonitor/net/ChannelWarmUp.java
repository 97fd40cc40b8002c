package io.socketmonitor.net;

import java.io.IOException;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Opens and closes each channel kind once. On JDK 17 the first close of a socket channel
 * initialises a class that itself needs a file descriptor; if that first close happens when
 * descriptors have run out (EMFILE) it throws ExceptionInInitializerError and every later close
 * fails too. Doing it at start-up, with descriptors to spare, avoids that: the server does, and
 * the load client, which runs out first when a run asks for more connections than the limit.
 */
public final class ChannelWarmUp {
    private ChannelWarmUp() {}

    public static void run() {
        try (Selector s = Selector.open();
                ServerSocketChannel server = ServerSocketChannel.open();
                SocketChannel client = SocketChannel.open()) {
            server.configureBlocking(false);
            client.configureBlocking(false);
            server.register(s, 0);
            client.register(s, 0);
            s.selectNow();
        } catch (IOException | RuntimeException ignored) {
            // Best effort: if even this fails, the real error shows when the channel is used.
        }
    }
}
