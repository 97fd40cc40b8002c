package io.socketmonitor.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GreetingTemplateTest {

    private static final Instant TIME = Instant.parse("2019-09-05T12:00:00.987654321Z");

    private static GreetingContext from(String peerLiteral, int count) throws Exception {
        InetAddress peer = InetAddress.getByName(peerLiteral);
        return new GreetingContext(new InetSocketAddress(peer, 46930), new InetSocketAddress(peer, 8080), TIME, count);
    }

    private static String render(String source, GreetingContext context) throws Exception {
        return new String(GreetingTemplate.parse(source).render(context), StandardCharsets.UTF_8);
    }

    private static String render(String source) throws Exception {
        return render(source, from("127.0.0.1", 1));
    }

    @Test
    void defaultIsTheLecturesGreeting() throws Exception {
        byte[] bytes = GreetingTemplate.DEFAULT.render(from("127.0.0.1", 1));
        assertThat(bytes).isEqualTo("Hello from server\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(GreetingTemplate.DEFAULT.source()).isEqualTo("Hello from server\\n");
        assertThat(GreetingTemplate.DEFAULT.hasPlaceholders()).isFalse();
    }

    @Test
    void parsingTheDefaultSourceGivesTheSameBytes() throws Exception {
        assertThat(GreetingTemplate.parse(GreetingTemplate.DEFAULT_SOURCE).render(GreetingTemplate.SAMPLE))
                .isEqualTo(new byte[] {'H', 'e', 'l', 'l', 'o', ' ', 'f', 'r', 'o', 'm', ' ',
                    's', 'e', 'r', 'v', 'e', 'r', '\n'});
    }

    @Test
    void escapesAreDecoded() throws Exception {
        assertThat(render("a\\r\\n\\t\\\\\\0\\x41\\u00e9")).isEqualTo("a\r\n\t\\\0Aé");
        assertThat(GreetingTemplate.parse("\\u00e9").render(GreetingTemplate.SAMPLE)).containsExactly(0xc3, 0xa9);
        assertThat(GreetingTemplate.parse("\\xff{count}\\xfe").render(GreetingTemplate.SAMPLE))
                .as("\\xHH is one byte, also around a placeholder").containsExactly(0xff, '1', 0xfe);
        assertThat(GreetingTemplate.parse("\\x80".repeat(GreetingTemplate.MAX_BYTES)).render(GreetingTemplate.SAMPLE))
                .as("64 KiB of bytes above 7F fit").hasSize(GreetingTemplate.MAX_BYTES);
        assertThat(GreetingTemplate.parse("\\ud83d\\ude00").render(GreetingTemplate.SAMPLE)).hasSize(4);
    }

    @Test
    void peerPlaceholders() throws Exception {
        assertThat(render("{peer}", from("127.0.0.1", 1))).isEqualTo("127.0.0.1:46930");
        assertThat(render("{peer}", from("::1", 1))).isEqualTo("[::1]:46930");
        assertThat(render("{peerAddress}", from("127.0.0.1", 1))).isEqualTo("127.0.0.1");
        assertThat(render("{peerAddress}", from("0:0:0:0:0:0:0:1", 1))).isEqualTo("::1");
        assertThat(render("{peerPort}", from("127.0.0.1", 1))).isEqualTo("46930");
    }

    @Test
    void localPlaceholder() throws Exception {
        assertThat(render("{local}", from("127.0.0.1", 1))).isEqualTo("127.0.0.1:8080");
        assertThat(render("{local}", from("::1", 1))).isEqualTo("[::1]:8080");
    }

    @Test
    void timeIsIsoToTheSecond() throws Exception {
        assertThat(render("{time}")).isEqualTo("2019-09-05T12:00:00Z");
    }

    @Test
    void countIsFilledPerConnection() throws Exception {
        GreetingTemplate t = GreetingTemplate.parse("You are visitor {count}\\n");
        assertThat(t.hasPlaceholders()).isTrue();
        assertThat(new String(t.render(from("127.0.0.1", 1)), StandardCharsets.UTF_8)).isEqualTo("You are visitor 1\n");
        assertThat(new String(t.render(from("127.0.0.1", 1204)), StandardCharsets.UTF_8))
                .isEqualTo("You are visitor 1204\n");
    }

    @Test
    void placeholdersAndTextTogether() throws Exception {
        assertThat(render("Hello {peer} from {local} at {time}, #{count}\\n", from("::1", 7)))
                .isEqualTo("Hello [::1]:46930 from [::1]:8080 at 2019-09-05T12:00:00Z, #7\n");
    }

    @Test
    void literalBracesPassThrough() throws Exception {
        assertThat(render("{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(render("{} { peer } {1} {peer")).isEqualTo("{} { peer } {1} {peer");
        assertThat(GreetingTemplate.parse("{\"a\":1}").hasPlaceholders()).isFalse();
    }

    @Test
    void unknownPlaceholderIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> GreetingTemplate.parse("Hello {peeer}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Unknown placeholder {peeer} at position 7 ")
                .hasMessageContaining("{peer}")
                .extracting(e -> ((TemplateException) e).position()).isEqualTo(6);
    }

    @Test
    void anEscapedBraceIsTheTextNotThePlaceholder() throws Exception {
        assertThat(render("\\{peer} is {peerPort}")).isEqualTo("{peer} is 46930");
        assertThat(render("\\\\{peerPort}")).as("an escaped backslash, then the placeholder").isEqualTo("\\46930");
        assertThat(render("{\"json\": 1}")).as("braces around no name stay as they are").isEqualTo("{\"json\": 1}");
    }

    @Test
    void aPlaceholderTypoWithDigitsOrAccentsIsNamed() {
        for (String typo : new String[] {"{peer2}", "{p\u00e9er}", "{time_}"}) {
            assertThatThrownBy(() -> GreetingTemplate.parse("Hi " + typo)).as(typo)
                    .isInstanceOf(TemplateException.class)
                    .hasMessageStartingWith("Unknown placeholder " + typo + " at position 4 ")
                    .hasMessageContaining("\\{ is a brace as it is");
        }
    }

    @Test
    void theLimitIsOnWhatAClientReceivesWithPlaceholdersAtTheirLongest() throws Exception {
        assertThatThrownBy(() -> GreetingTemplate.parse("{peer}".repeat(12_000)))
                .isInstanceOf(TemplateException.class)
                .hasMessage("The greeting can reach 828000 bytes once its placeholders are filled; the most is 65536"
                        + " bytes (64 KiB).");
        String nearlyFull = "x".repeat(GreetingTemplate.MAX_BYTES - 69);
        assertThat(GreetingTemplate.parse(nearlyFull + "{peer}").render(from("127.0.0.1", 1)))
                .hasSize(GreetingTemplate.MAX_BYTES - 69 + "127.0.0.1:46930".length());
        assertThatThrownBy(() -> GreetingTemplate.parse(nearlyFull + "{peer}!")).isInstanceOf(TemplateException.class);
    }

    @Test
    void ofTwoMistakesTheFirstIsNamed() {
        assertThatThrownBy(() -> GreetingTemplate.parse("Hi {peer} \\q end {bogus}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Unknown escape \\q ").hasMessageEndingWith(" at position 11.");
    }

    @Test
    void badEscapePositionCountsFromTheStartOfTheWholeText() {
        assertThatThrownBy(() -> GreetingTemplate.parse("{peer} \\q"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Unknown escape \\q")
                .hasMessageContaining("at position 8.")
                .extracting(e -> ((TemplateException) e).position()).isEqualTo(7);
        assertThatThrownBy(() -> GreetingTemplate.parse("{count}{peer}\\x4"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("at position 14.");
    }

    @Test
    void exactly64KiBIsAccepted() throws Exception {
        GreetingTemplate t = GreetingTemplate.parse("a".repeat(65_536));
        assertThat(t.render(GreetingTemplate.SAMPLE)).hasSize(GreetingTemplate.MAX_BYTES);
    }

    @Test
    void oneByteMoreIsRejectedNaming64KiB() {
        assertThatThrownBy(() -> GreetingTemplate.parse("a".repeat(65_537)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("65537 bytes")
                .hasMessageContaining("64 KiB");
    }

    @Test
    void sizeCountsUtf8BytesNotCharacters() throws Exception {
        assertThat(GreetingTemplate.parse("é".repeat(32_768)).render(GreetingTemplate.SAMPLE)).hasSize(65_536);
        assertThatThrownBy(() -> GreetingTemplate.parse("é".repeat(32_768) + "a"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("64 KiB");
        assertThatThrownBy(() -> GreetingTemplate.parse("€".repeat(21_846)))
                .as("3 bytes each: 65538 bytes").isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> GreetingTemplate.parse("😀".repeat(16_384) + "a"))
                .as("4 bytes each: 65537 bytes").isInstanceOf(TemplateException.class);
        assertThat(GreetingTemplate.parse("😀".repeat(16_384)).render(GreetingTemplate.SAMPLE)).hasSize(65_536);
    }

    @Test
    void sizeIsMeasuredAfterEscapesAreDecoded() throws Exception {
        // 6 source characters each, 2 bytes each when sent.
        assertThat(GreetingTemplate.parse("\\u00e9".repeat(32_768)).render(GreetingTemplate.SAMPLE)).hasSize(65_536);
        assertThatThrownBy(() -> GreetingTemplate.parse("\\u00e9".repeat(32_768) + "\\n"))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void loneSurrogateIsRejected() {
        assertThatThrownBy(() -> GreetingTemplate.parse("\\ud800")).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> GreetingTemplate.parse("\\ud83d{count}\\ude00"))
                .as("a pair split by a placeholder").isInstanceOf(TemplateException.class);
    }

    @Test
    void sourceIsKeptAsTyped() throws Exception {
        GreetingTemplate t = GreetingTemplate.parse("Hi {peer}\\r\\n");
        assertThat(t.source()).isEqualTo("Hi {peer}\\r\\n");
        assertThat(t).hasToString("Hi {peer}\\r\\n");
    }
}
