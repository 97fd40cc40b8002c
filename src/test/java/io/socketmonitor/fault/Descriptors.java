package io.socketmonitor.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * This JVM's open sockets, epoll sets, event fds and pipes, from /proc/self/fd: what a server
 * leaks when it forgets a close. Plain files are left out, because the JVM opens jar files
 * lazily as classes load, which says nothing about the server.
 */
final class Descriptors {
    private Descriptors() {}

    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/fd"));
    }

    static List<String> networkish() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed while listing (the directory's own descriptor, for one)
                }
                if (target.startsWith("socket:") || target.startsWith("anon_inode:") || target.startsWith("pipe:")) {
                    out.add(target);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static int count() {
        return networkish().size();
    }

    /** Sockets only, on a process by id (for a child JVM). */
    static int sockets(long pid) {
        int n = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        n++;
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return n;
    }
}
