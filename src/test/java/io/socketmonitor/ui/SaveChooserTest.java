package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving over a file the user already has asks first, as desktop apps do. */
class SaveChooserTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsWrittenWithoutAsking() {
        List<File> asked = new ArrayList<>();
        assertThat(SaveChooser.mayWrite(dir.resolve("peers.csv").toFile(), f -> asked.add(f))).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenTheUserSaysSo() throws IOException {
        File precious = Files.writeString(dir.resolve("precious.csv"), "keep me").toFile();
        assertThat(SaveChooser.mayWrite(precious, f -> false)).isFalse();
        assertThat(SaveChooser.mayWrite(precious, f -> true)).isTrue();
    }
}
