package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.template.GreetingTemplate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    @Test
    void quitWaitsForASaveUnderWayButNotForAHostLookup() throws Exception {
        ServerController controller = new ServerController(e -> { });
        CountDownLatch lookupAnswers = new CountDownLatch(1); // a name server that never answers
        CountDownLatch looking = new CountDownLatch(1);
        controller.lookup(() -> {
            looking.countDown();
            awaitQuietly(lookupAnswers);
        });
        CountDownLatch saveMayEnd = new CountDownLatch(1);
        CountDownLatch saving = new CountDownLatch(1);
        AtomicBoolean saved = new AtomicBoolean();
        controller.background(() -> {
            saving.countDown();
            awaitQuietly(saveMayEnd);
            saved.set(true);
        });
        assertThat(looking.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(saving.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> quit = CompletableFuture.runAsync(() -> controller.shutdown(6_000));
        assertThatThrownBy(() -> quit.get(300, TimeUnit.MILLISECONDS)).as("held by the save")
                .isInstanceOf(TimeoutException.class);
        saveMayEnd.countDown();
        quit.get(3, TimeUnit.SECONDS); // not the 6 s the lookup would hold it
        assertThat(saved).isTrue();
        lookupAnswers.countDown();
    }

    /** Waits through interrupts, as Java's resolver does (at most 30 s). */
    private static void awaitQuietly(CountDownLatch latch) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean interrupted = false;
        while (latch.getCount() > 0 && System.nanoTime() < end) {
            try {
                latch.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
