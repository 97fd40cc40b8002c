package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java's own preferences store where it cannot write (a read-only home folder): the flush says
 * why, the message names the folder, and once told, Java's repeated warnings stop. In a child
 * JVM, as the JDK sets up its store once per JVM.
 */
class PrefsRefusedTest {

    /** What the window does with a store that refuses, without the window. */
    public static void main(String[] args) {
        Prefs prefs = Prefs.user();
        prefs.theme(Themes.DARK);
        String why = prefs.flush();
        System.err.println("MESSAGE " + (why == null ? "none" : Prefs.refusedMessage(why)));
        Prefs.quietStoreWarnings();
        System.err.println("QUIET");
        System.err.println("AGAIN " + (prefs.flush() != null ? "refused" : "saved"));
    }

    @Test
    void aStoreThatCannotBeWrittenSaysWhyAndWhereOnceAndThenKeepsQuiet(@TempDir Path home) throws Exception {
        // Under a plain file no folder can be made, for root as for anyone.
        Path root = Files.writeString(home.resolve("not-a-folder"), "");
        Path out = home.resolve("out.txt");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.prefs.userRoot=" + root,
                "-cp", classPath(), PrefsRefusedTest.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        child.getOutputStream().close();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child finished").isTrue();

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("exit, after %s", lines).isZero();
        assertThat(lines).contains("MESSAGE Settings will not be saved (Couldn't get file lock). Check that "
                + root.resolve(".java/.userPrefs") + " can be written.");
        List<String> afterQuiet = lines.subList(lines.indexOf("QUIET") + 1, lines.size());
        assertThat(afterQuiet).as("no more of Java's warnings").containsExactly("AGAIN refused");
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
