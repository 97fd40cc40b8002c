package io.socketmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Option text read with sentences for every mistake. */
class OptionValuesTest {

    @Test
    void textTheLocaleCouldNotPassOnIsRefusedWithTheWayOut() {
        // What "héllo ✓" becomes when the JVM reads its arguments as ASCII (LANG=C).
        assertThatThrownBy(() -> OptionValues.text("--greeting", "h\uFFFD\uFFFDllo", "ANSI_X3.4-1968"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--greeting holds characters this terminal's locale (ANSI_X3.4-1968) could not pass on:"
                        + " run with a UTF-8 locale (e.g. LANG=C.UTF-8), or write them as \\uXXXX escapes"
                        + " (e.g. \\u00e9).");
    }

    @Test
    void textIsKeptWhereTheLocaleIsUtf8OrTheTextIsWhole() throws Exception {
        assertThat(OptionValues.text("--send", "h\uFFFDllo", "UTF-8")).as("typed on purpose").isEqualTo("h\uFFFDllo");
        assertThat(OptionValues.text("--send", "héllo", "ANSI_X3.4-1968")).isEqualTo("héllo");
        assertThat(OptionValues.text("--send", null, "ANSI_X3.4-1968")).isNull();
    }
}
