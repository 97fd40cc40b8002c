package io.socketmonitor.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The program in a child JVM (optionally behind a prefix such as prlimit), output in files. */
final class ChildJvm implements AutoCloseable {
    final Process process;
    final Path stdout;
    final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ChildJvm start(List<String> prefix, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add("-cp");
        String cp = System.getProperty("surefire.test.class.path");
        command.add(cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"));
        command.add("io.socketmonitor.SocketMonitor");
        command.addAll(List.of(args));
        Path out = Files.createTempFile("fault-stdout", ".txt");
        Path err = Files.createTempFile("fault-stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return new ChildJvm(p, out, err);
    }

    /** Runs to the end, 20 s at most. */
    static ChildJvm run(String... args) throws Exception {
        ChildJvm c = start(List.of(), List.of(), args);
        if (!c.process.waitFor(20, TimeUnit.SECONDS)) {
            c.process.destroyForcibly();
            throw new AssertionError("did not finish within 20 s: " + String.join(" ", args));
        }
        return c;
    }

    String out() {
        return read(stdout);
    }

    String err() {
        return read(stderr);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
    }
}
