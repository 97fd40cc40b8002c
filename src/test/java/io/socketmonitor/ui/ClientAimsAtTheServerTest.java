package io.socketmonitor.ui;

import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.ServerConfig;
import org.junit.jupiter.api.Test;

/**
 * Opened on a remembered port with the server stopped, the test client aims where Start would
 * listen, and follows the port field until the user types a target of their own.
 */
@GuiTest
class ClientAimsAtTheServerTest extends AbstractWindowTest {
    private static final int REMEMBERED_PORT = 20_123; // never bound or connected to here

    @Override
    ServerConfig initialConfig() {
        return ServerConfig.defaults().withPort(REMEMBERED_PORT);
    }

    private void clientShows(String host, String port) {
        await().atMost(WAIT).untilAsserted(() -> {
            window.textBox("clientHost").requireText(host);
            window.textBox("clientPort").requireText(port);
        });
    }

    @Test
    void theClientFollowsThePlannedAddressUntilTheUserTypes() {
        window.tabbedPane("sideTabs").selectTab("Test client");
        clientShows("127.0.0.1", Integer.toString(REMEMBERED_PORT));

        window.textBox("portText").deleteText().enterText("20124");
        clientShows("127.0.0.1", "20124");

        window.textBox("clientPort").deleteText().enterText("7");
        window.textBox("portText").deleteText().enterText("20125");
        window.textBox("portText").requireText("20125");
        clientShows("127.0.0.1", "7");

        window.button("clientFollow").click();
        clientShows("127.0.0.1", "20125");
    }

    @Test
    void aPortThatIsNotValidYetLeavesTheClientsPortEmptyNotAtAPortTypedOnTheWay() {
        window.tabbedPane("sideTabs").selectTab("Test client");
        clientShows("127.0.0.1", Integer.toString(REMEMBERED_PORT));

        window.textBox("portText").deleteText().enterText("70000"); // 7000 on the way, then out of range
        window.textBox("portText").requireText("70000");
        clientShows("127.0.0.1", "");

        window.textBox("portText").deleteText().enterText("0"); // any free port: known only once listening
        clientShows("127.0.0.1", "");

        window.textBox("portText").deleteText().enterText("20126");
        clientShows("127.0.0.1", "20126");
    }
}
