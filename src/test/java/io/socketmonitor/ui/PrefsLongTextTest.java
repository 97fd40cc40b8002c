package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.template.GreetingTemplate;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A greeting near the 64 KiB limit is far past what one preference value holds (8,192 characters). */
class PrefsLongTextTest {
    private final Preferences node = Preferences.userRoot().node("socket-monitor-test/" + UUID.randomUUID());
    private final Prefs prefs = new Prefs(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void aLongGreetingIsRememberedWhole() throws Exception {
        // 50,000 characters, with a surrogate pair astride the first 8,192-character cut.
        StringBuilder text = new StringBuilder("a".repeat(Preferences.MAX_VALUE_LENGTH - 1)).append("\uD83D\uDE00");
        while (text.length() < 50_000) {
            text.append("Hello \uD83D\uDE00 ");
        }
        ServerConfig c = ServerConfig.defaults().withGreeting(GreetingTemplate.parse(text.toString()));

        prefs.saveServerConfig(c);

        assertThat(new Prefs(node).serverConfig(ServerConfig.defaults()).greeting().source()).isEqualTo(text.toString());
    }

    @Test
    void aShortGreetingAfterALongOneLeavesNoPartsBehind() throws Exception {
        prefs.saveServerConfig(ServerConfig.defaults().withGreeting(GreetingTemplate.parse("x".repeat(20_000))));
        prefs.saveServerConfig(ServerConfig.defaults().withGreeting(GreetingTemplate.parse("Hi\\n")));

        assertThat(prefs.serverConfig(ServerConfig.defaults()).greeting().source()).isEqualTo("Hi\\n");
        assertThat(node.keys()).noneMatch(k -> k.startsWith(Prefs.GREETING + "."));
    }

    @Test
    void partsACrashLeftUncountedAreNeitherReadNorKept() throws Exception {
        node.put(Prefs.GREETING + ".0", "stale part"); // written, then a crash before ".parts"
        node.put(Prefs.GREETING + ".1", "stale part");
        node.put(Prefs.GREETING, "Hi\\n"); // an older version's whole value
        assertThat(prefs.serverConfig(ServerConfig.defaults()).greeting().source()).isEqualTo("Hi\\n");

        prefs.saveServerConfig(ServerConfig.defaults().withGreeting(GreetingTemplate.parse("Hello\\n")));

        assertThat(node.keys()).noneMatch(k -> k.startsWith(Prefs.GREETING + "."));
        assertThat(prefs.serverConfig(ServerConfig.defaults()).greeting().source()).isEqualTo("Hello\\n");
    }

    @Test
    void aGreetingTheStoreRefusesIsNotRememberedAndSavingGoesOn() throws Exception {
        prefs.saveServerConfig(ServerConfig.defaults().withGreeting(GreetingTemplate.parse("Hi\\n")));
        ServerConfig withNul = ServerConfig.defaults().withPort(9000).withGreeting(GreetingTemplate.parse("a\u0000b"));

        prefs.saveServerConfig(withNul);

        ServerConfig back = prefs.serverConfig(ServerConfig.defaults());
        assertThat(back.port()).isEqualTo(9000);
        assertThat(back.greeting().source()).isEqualTo(ServerConfig.defaults().greeting().source());
    }
}
