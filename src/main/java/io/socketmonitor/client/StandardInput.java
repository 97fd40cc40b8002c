package io.socketmonitor.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard input as the user gave it. Started with it closed ({@code <&-}), the JVM's first
 * file (its own {@code lib/modules}, 128 MB) takes descriptor 0, and {@code System.in} reads
 * that: the client would send it to the server. Such an input is treated as empty, as ncat and
 * telnet treat a closed one.
 */
public final class StandardInput {
    private StandardInput() {}

    public static InputStream get() {
        return isTheJvmsOwnFile(Path.of("/proc/self/fd/0"), Path.of(System.getProperty("java.home")))
                ? InputStream.nullInputStream() : System.in;
    }

    /** Whether descriptor {@code fd} (a /proc/self/fd link) is a file inside {@code javaHome}. */
    static boolean isTheJvmsOwnFile(Path fd, Path javaHome) {
        try {
            Path target = Files.readSymbolicLink(fd);
            return target.isAbsolute() && target.normalize().startsWith(javaHome.toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux, or no such descriptor: System.in is what there is
        }
    }
}
