package io.socketmonitor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Runs the command line in a child JVM, as a user's shell would, and reads what it prints. */
final class ChildProcess implements AutoCloseable {
    final Process process;
    private final Path stdoutFile;
    private final Path stderrFile;
    private int linesRead;

    private ChildProcess(Process process, Path stdoutFile, Path stderrFile) {
        this.process = process;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
    }

    private static final Path PERL = Path.of("/usr/bin/perl");

    /**
     * Starts the program with stdout and stderr going to files: reading a pipe races with the
     * JDK draining it when the child exits, which can lose the last lines.
     */
    static ChildProcess start(String... args) throws IOException {
        ChildProcess c = launch(javaCommand(args));
        c.process.getOutputStream().close(); // no input, as in CI
        return c;
    }

    /**
     * Starts the program on a terminal of its own (util-linux {@code script} makes one), as a
     * user at a shell runs it: {@link #type} is then what they type, Ctrl+C included, and stdout
     * is what the terminal shows, its echo included.
     */
    static ChildProcess startInTerminal(String... args) throws IOException {
        StringBuilder shell = new StringBuilder("exec");
        for (String word : javaCommand(args)) {
            shell.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return launch(List.of("script", "--quiet", "--return", "--command", shell.toString(), "/dev/null"));
    }

    /** Starts the program with standard input closed, as {@code <&-} in a shell does. */
    static ChildProcess startWithStdinClosed(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" <&-", "sh"));
        command.addAll(javaCommand(args));
        return launch(command);
    }

    /** Keys typed at the terminal of {@link #startInTerminal}. */
    void type(String keys) throws IOException {
        process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PERL)) {
            // A build started in the background (`cmd &` in a script, nohup) ignores SIGINT or
            // SIGHUP, and a child inherits that: the JVM then never hears Ctrl+C, as a program
            // started from such a shell never would. Started as from a terminal instead.
            command.addAll(List.of(PERL.toString(), "-e",
                    "$SIG{$_} = 'DEFAULT' for qw(INT HUP QUIT TERM); exec @ARGV or die \"exec: $!\\n\"", "--"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classPath());
        command.add("io.socketmonitor.SocketMonitor");
        command.addAll(List.of(args));
        return command;
    }

    private static ChildProcess launch(List<String> command) throws IOException {
        Path out = Files.createTempFile("socket-monitor-stdout", ".txt");
        Path err = Files.createTempFile("socket-monitor-stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildProcess(p, out, err);
    }

    /** Runs to completion (10 s at most). */
    static ChildProcess run(String... args) throws Exception {
        ChildProcess c = start(args);
        if (!c.process.waitFor(10, TimeUnit.SECONDS)) {
            c.process.destroyForcibly();
            throw new AssertionError("the command did not finish within 10 s");
        }
        return c;
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The next complete line on stdout, waiting up to 10 s for it. */
    String nextLine() {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> completeLines().size() > linesRead);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no output line within 10 s; stderr: " + stderr(), e);
        }
        return completeLines().get(linesRead++);
    }

    /** The lines not yet read, once the process has ended. */
    List<String> remainingLines() throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the process is still running");
        }
        List<String> lines = completeLines();
        List<String> rest = new ArrayList<>(lines.subList(linesRead, lines.size()));
        linesRead = lines.size();
        return rest;
    }

    private List<String> completeLines() {
        String text = read(stdoutFile).replace("\r\n", "\n"); // as a terminal ends lines
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    String stderr() {
        return read(stderrFile);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stdoutFile);
        Files.deleteIfExists(stderrFile);
    }
}
