package io.socketmonitor.server;

import java.time.Duration;

/** Reaches the server's test-only settings from tests in other packages (the fault suite). */
public final class ServerTestAccess {
    private ServerTestAccess() {}

    public static void httpHeadTimeout(MonitorServer server, Duration timeout) {
        server.httpHeadTimeout(timeout);
    }

    public static Duration defaultHttpHeadTimeout() {
        return MonitorServer.HTTP_HEAD_TIMEOUT;
    }

    public static void totalReadPause(MonitorServer server, long bytes) {
        server.totalReadPause(bytes);
    }

    public static long queuedBytes(MonitorServer server) {
        return server.queuedBytes();
    }

    public static int httpHeadLimitBytes() {
        return HttpResponder.MAX_HEAD_BYTES;
    }
}
