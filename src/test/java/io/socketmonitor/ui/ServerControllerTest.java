package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.template.GreetingTemplate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The controller between the window and the server. */
@GuiTest
class ServerControllerTest {

    @Test
    void actionsThatArriveAfterShutdownAreDroppedNotThrownOnTheEdt() throws Exception {
        ServerController controller = new ServerController(e -> { });
        AtomicBoolean started = new AtomicBoolean();
        SwingUtilities.invokeAndWait(() -> controller.start(ServerConfig.defaults().withPort(0),
                at -> started.set(true), message -> { }));
        await().atMost(Duration.ofSeconds(10)).untilTrue(started);

        controller.shutdown(5_000); // as the window does on close; a late click or lookup may still come

        assertThatCode(() -> SwingUtilities.invokeAndWait(() -> {
            controller.setGreeting(GreetingTemplate.DEFAULT);
            controller.setEcho(true);
            controller.send(List.of(1L), new byte[] {1});
            controller.sendToAll(new byte[] {1}, n -> { });
            controller.disconnect(List.of(1L));
            controller.background(() -> { });
        })).doesNotThrowAnyException();
    }
}
