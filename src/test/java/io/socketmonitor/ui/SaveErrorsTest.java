package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveErrorsTest {
    @TempDir
    Path dir;

    private String failureWriting(Path file) {
        try {
            Files.writeString(file, "x");
        } catch (IOException e) {
            return SaveErrors.sentence(file, e);
        }
        throw new AssertionError("writing " + file + " did not fail");
    }

    @Test
    void aFolderThatIsNotThereIsNamed() {
        Path file = dir.resolve("gone").resolve("peers.csv");
        assertThat(failureWriting(file)).isEqualTo("Could not save peers.csv: the folder " + dir.resolve("gone")
                + " does not exist.");
    }

    @Test
    void aFolderChosenAsTheFileSaysSo() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("log"));
        assertThat(failureWriting(folder)).isEqualTo("Could not save log: is a directory.");
    }

    @Test
    void permissionDeniedSaysWhereNotOnlyThePath() {
        // Root may write anywhere, so the exception is made as the file system makes it.
        Path file = dir.resolve("socket-monitor.log");
        assertThat(SaveErrors.sentence(file, new AccessDeniedException(file.toString())))
                .isEqualTo("Could not save socket-monitor.log: permission denied in " + dir + ".");
    }
}
