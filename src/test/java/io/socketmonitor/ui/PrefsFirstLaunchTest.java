package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first launch on a machine with no preferences yet, and one where Java's store cannot be
 * written (a read-only home folder). The JDK sets its store up once per JVM, so each runs in a
 * child JVM of its own with a preferences root of its own.
 */
class PrefsFirstLaunchTest {

    /** What the window does with its preferences on a first launch, without the window. */
    public static void main(String[] args) throws BackingStoreException {
        Prefs prefs = Prefs.user();
        prefs.theme(Themes.DARK);
        if (args.length == 0) {
            prefs.node().flush();
            return;
        }
        // "refused": as MainWindow.checkSettingsStore, then a second try once quieted
        String why = prefs.flush();
        System.err.println("MESSAGE " + (why == null ? "none" : Prefs.refusedMessage(why)));
        Prefs.quietStoreWarnings();
        System.err.println("QUIET");
        System.err.println("AGAIN " + (prefs.flush() != null ? "refused" : "saved"));
    }

    @Test
    void aFirstLaunchSavesSettingsWithoutPrintingAnything(@TempDir Path home) throws Exception {
        Path root = home.resolve("prefs");
        List<String> lines = runChild(root, home.resolve("out.txt"));

        // The JDK logs "Created user preferences directory." at INFO: two lines of noise. (The
        // JVM's own "Picked up JAVA_TOOL_OPTIONS" note, on machines that set it, is not ours.)
        assertThat(lines).filteredOn(line -> !line.startsWith("Picked up ")).isEmpty();
        Path saved = root.resolve(".java/.userPrefs/io/socketmonitor/ui/prefs.xml");
        assertThat(saved).exists();
        assertThat(Files.readString(saved)).contains("\"theme\" value=\"dark\"");
    }

    @Test
    void aStoreThatCannotBeWrittenSaysWhyAndWhereOnceAndThenKeepsQuiet(@TempDir Path home) throws Exception {
        // Under a plain file no folder can be made, for root as for anyone.
        Path root = Files.writeString(home.resolve("not-a-folder"), "");
        List<String> lines = runChild(root, home.resolve("out.txt"), "refused");

        assertThat(lines).contains("MESSAGE Settings will not be saved (Couldn't get file lock). Check that "
                + root.resolve(".java/.userPrefs") + " can be written.");
        List<String> afterQuiet = lines.subList(lines.indexOf("QUIET") + 1, lines.size());
        assertThat(afterQuiet).as("no more of Java's warnings").containsExactly("AGAIN refused");
    }

    /** Runs {@link #main} in a child JVM with {@code root} as its preferences root; its output, checked to exit 0. */
    private static List<String> runChild(Path root, Path out, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.prefs.userRoot=" + root, "-cp", classPath(), PrefsFirstLaunchTest.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        child.getOutputStream().close();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child finished").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("exit, after %s", lines).isZero();
        return lines;
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
