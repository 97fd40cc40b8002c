package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first launch on a machine with no preferences yet. The JDK creates the directory once per
 * JVM, so this runs in a child JVM of its own with an empty preferences root.
 */
class PrefsFirstLaunchTest {

    /** What the window does with its preferences on a first launch, without the window. */
    public static void main(String[] args) throws BackingStoreException {
        Prefs prefs = Prefs.user();
        prefs.theme(Themes.DARK);
        prefs.node().flush();
    }

    @Test
    void aFirstLaunchSavesSettingsWithoutPrintingAnything(@TempDir Path home) throws Exception {
        Path root = home.resolve("prefs");
        Path out = home.resolve("out.txt");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.prefs.userRoot=" + root,
                "-cp", classPath(), PrefsFirstLaunchTest.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        child.getOutputStream().close();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child finished").isTrue();

        assertThat(child.exitValue()).isZero();
        // The JDK logs "Created user preferences directory." at INFO: two lines of noise. (The
        // JVM's own "Picked up JAVA_TOOL_OPTIONS" note, on machines that set it, is not ours.)
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
                .filteredOn(line -> !line.startsWith("Picked up ")).isEmpty();
        Path saved = root.resolve(".java/.userPrefs/io/socketmonitor/ui/prefs.xml");
        assertThat(saved).exists();
        assertThat(Files.readString(saved)).contains("\"theme\" value=\"dark\"");
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
