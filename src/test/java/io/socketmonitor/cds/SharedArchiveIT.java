package io.socketmonitor.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The class-data sharing archive the build makes beside the jar (pom.xml, execution
 * cds-archive) is what makes the README's launch command start quickly. Runs after
 * {@code package}, against the built jar, the way the README starts it.
 */
class SharedArchiveIT {
    private static final Path JAR = Path.of("target", "socket-monitor.jar");
    private static final Path ARCHIVE = Path.of("target", "socket-monitor.jsa");

    @Test
    void theJarStartsWithTheArchiveRequired() throws Exception {
        // -Xshare:on makes the JVM refuse to start when the archive does not match this jar and
        // JDK, where the README's default (-Xshare:auto) would quietly start slowly instead.
        Result r = java("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on", "-jar", JAR.toString(), "--version");

        assertThat(r.exitCode).as(r.output).isZero();
        assertThat(r.output).contains("Socket Monitor ");
    }

    @Test
    void theArchiveHoldsTheWindowsClassesFromTheJdkTheLibrariesAndTheApp() throws Exception {
        Result r = java("-XX:SharedArchiveFile=" + ARCHIVE, "-XX:+PrintSharedArchiveAndExit",
                "-jar", JAR.toString());

        assertThat(r.output).contains("archive is valid");
        assertThat(r.output)
                .containsPattern(": javax\\.swing\\.JFrame boot_loader")
                .containsPattern(": com\\.formdev\\.flatlaf\\.FlatLaf app_loader")
                .containsPattern(": net\\.miginfocom\\.swing\\.MigLayout app_loader")
                .containsPattern(": io\\.socketmonitor\\.ui\\.MainWindow app_loader")
                .containsPattern(": io\\.socketmonitor\\.server\\.MonitorServer app_loader");
    }

    private record Result(int exitCode, String output) {}

    private static Result java(String... args) throws Exception {
        assertThat(JAR).as("built by ./mvnw package").exists();
        assertThat(ARCHIVE).as("built by ./mvnw package").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("shared-archive", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("java " + String.join(" ", args) + " did not finish within 30 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
