package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Lines the text views get: none past 1,000 columns, and nothing lost or added but breaks. */
class LongLinesTest {
    private static final int MAX = LongLines.MAX_COLUMNS;

    @Test
    void aLongLineIsShownInPiecesOfAtMostTheLimit() {
        String line = "x".repeat(2 * MAX + 500);
        String folded = new LongLines().fold(line);
        assertThat(folded.split("\n")).extracting(String::length).containsExactly(MAX, MAX, 500);
        assertThat(folded.replace("\n", "")).isEqualTo(line);
    }

    @Test
    void aStreamIsBrokenAsIfItCameInOnePiece() {
        String stream = ("a".repeat(1_700) + "\n").repeat(3) + "b".repeat(2_345);
        LongLines byReads = new LongLines();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < stream.length(); i += 333) {
            shown.append(byReads.fold(stream.substring(i, Math.min(stream.length(), i + 333))));
        }
        assertThat(shown.toString()).isEqualTo(new LongLines().fold(stream));
        assertThat(shown.toString().split("\n")).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(MAX));
    }

    @Test
    void shortLinesAndALineOfExactlyTheLimitStayAsTheyCame() {
        String text = "Hello from server\n" + "y".repeat(MAX) + "\nbye";
        assertThat(new LongLines().fold(text)).isEqualTo(text);
    }

    @Test
    void aBreakNeverSplitsACharacterMadeOfTwoCharsAndAWideOneCountsTwoColumns() {
        String text = "z".repeat(MAX - 2) + "\uD83D\uDE00" + "tail"; // the emoji, drawn double, fills 999 and 1000
        assertThat(new LongLines().fold(text)).isEqualTo("z".repeat(MAX - 2) + "\uD83D\uDE00\ntail");
        String late = "z".repeat(MAX - 1) + "\uD83D\uDE00"; // one column left: it goes on the next line whole
        assertThat(new LongLines().fold(late)).isEqualTo("z".repeat(MAX - 1) + "\n\uD83D\uDE00");
        String han = "\u4E2D".repeat(MAX); // 2,000 columns of Chinese
        assertThat(new LongLines().fold(han).split("\n")).extracting(String::length).containsExactly(MAX / 2, MAX / 2);
    }

    @Test
    void anEscapeIsNeverSplitSoItCanBeTypedBack() {
        String text = "a".repeat(MAX - 2) + "\\xFF" + "\\u200B" + "\\\\" + "b";
        String folded = new LongLines().fold(text);
        assertThat(folded).isEqualTo("a".repeat(MAX - 2) + "\n\\xFF\\u200B\\\\b");
        assertThat(new LongLines().fold("a".repeat(MAX - 2) + "\\n\n")).as("an escape that just fits")
                .isEqualTo("a".repeat(MAX - 2) + "\\n\n");
    }

    @Test
    void afterAClearTheNextTextStartsItsOwnCount() {
        LongLines lines = new LongLines();
        lines.fold("w".repeat(MAX - 10));
        lines.lineStarts();
        assertThat(lines.fold("v".repeat(MAX))).doesNotContain("\n");
    }
}
