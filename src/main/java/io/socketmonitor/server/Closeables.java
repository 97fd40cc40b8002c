package io.socketmonitor.server;

import java.io.Closeable;
import java.io.IOException;

final class Closeables {
    private Closeables() {
    }

    /** Closing is best effort: the descriptor is released either way. */
    static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing more to do; the caller is already ending this channel
            }
        }
    }
}
