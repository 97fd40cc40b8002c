package io.socketmonitor.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The class list the class-data sharing archives are built from
 * (src/main/cds/socket-monitor.classlist, written by package/make-classlist.sh). A class it
 * names that no longer exists is skipped without a word by the build, so renamed or removed
 * start-up classes would quietly slow the start down: this says when to regenerate it.
 */
class ClassListTest {
    private static final Path LIST = Path.of("src", "main", "cds", "socket-monitor.classlist");

    @Test
    void everyApplicationClassItNamesStillExists() throws IOException {
        List<String> ours = Files.readAllLines(LIST).stream()
                .filter(line -> line.startsWith("io/socketmonitor/"))
                .map(line -> line.split(" ", 2)[0])
                .collect(Collectors.toList());
        assertThat(ours).as("the application's classes in %s", LIST).hasSizeGreaterThan(50);

        List<String> gone = ours.stream()
                .filter(name -> ClassListTest.class.getClassLoader().getResource(name + ".class") == null)
                .collect(Collectors.toList());
        assertThat(gone).as("classes in %s that no longer exist: run package/make-classlist.sh", LIST).isEmpty();
    }

    @Test
    void itCoversTheWindowAndTheServer() throws IOException {
        List<String> lines = Files.readAllLines(LIST);
        assertThat(lines).contains("io/socketmonitor/ui/MainWindow", "io/socketmonitor/server/MonitorServer",
                "javax/swing/JFrame", "com/formdev/flatlaf/FlatLaf");
    }
}
