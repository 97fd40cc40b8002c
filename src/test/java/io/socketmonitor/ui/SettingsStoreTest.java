package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.BackingStoreException;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/**
 * The window with a preferences store that refuses to save (a read-only home folder, a lab
 * machine's locked profile): the user is told at start, not surprised at the next one, and Quit
 * never waits for the store on the window's thread (Java's file store retries its lock for
 * 1.5 s, which held the quitting window on screen, frozen).
 */
@GuiTest
class SettingsStoreTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aStoreThatRefusesIsReportedAndQuitOffersItTheSettingsOffTheWindowsThread() {
        RefusingStore store = new RefusingStore();
        MainWindow main = open(store);
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            main.checkSettingsStore(); // what open() runs on a thread of its own 30 s after the window shows
        } finally {
            System.setErr(err);
            java.util.logging.Logger.getLogger("java.util.prefs").setLevel(java.util.logging.Level.WARNING);
        }
        String message = "Settings will not be saved (read-only file system).";
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Socket Monitor: " + message);
        await().atMost(WAIT).until(() -> logText(main).contains(message));

        assertThat(store.values).as("nothing saved before Quit").isEmpty();
        GuiActionRunner.execute(main::close);
        await().atMost(WAIT).until(() -> store.flushedKeys.stream().anyMatch(k -> k.contains(Prefs.THEME)));
        assertThat(store.flushedOnEdt).as("flushed on the EDT").doesNotContain(true);
        await().atMost(WAIT).until(() -> GuiActionRunner.execute(() -> !main.frame().isDisplayable()));
    }

    @Test
    void theCheckRunsOnATimerOffTheWindowsThread() {
        RefusingStore store = new RefusingStore();
        MainWindow main = open(store);
        try {
            GuiActionRunner.execute(() -> main.checkSettingsStoreIn(0)); // open() asks for 30 s
            await().atMost(WAIT).until(() -> logText(main).contains("Settings will not be saved"));
            assertThat(store.flushedOnEdt).containsExactly(false);
        } finally {
            java.util.logging.Logger.getLogger("java.util.prefs").setLevel(java.util.logging.Level.WARNING);
            GuiActionRunner.execute(main::close);
        }
    }

    @Test
    void onSigtermTheSettingsReachTheStoreOffTheWindowsThread() {
        RefusingStore store = new RefusingStore();
        MainWindow main = open(store);
        main.onJvmExit(); // what the shutdown hook runs, off the EDT
        assertThat(store.flushedKeys).as("flushed by the time the hook returns")
                .anyMatch(k -> k.contains(Prefs.THEME));
        assertThat(store.flushedOnEdt).doesNotContain(true);
        GuiActionRunner.execute(() -> main.frame().dispose()); // the JVM would be gone by now
    }

    @Test
    void quitEndsTheProgramOnceTheServerHasStoppedAndTheSettingsAreWritten() throws Exception {
        RefusingStore store = new RefusingStore(false);
        store.holdFlush = new java.util.concurrent.CountDownLatch(1); // a slow disk
        MainWindow main = open(store);
        List<String> atEnd = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        java.net.InetSocketAddress[] at = new java.net.InetSocketAddress[1];
        GuiActionRunner.execute(() -> {
            main.endProgramOnQuit(code -> { // what open() passes System::exit
                atEnd.add("code " + code);
                atEnd.add("settings written " + store.flushedKeys.stream().anyMatch(k -> k.contains(Prefs.THEME)));
                try (java.nio.channels.ServerSocketChannel again = java.nio.channels.ServerSocketChannel.open()) {
                    again.bind(at[0]);
                    atEnd.add("port free");
                } catch (java.io.IOException e) {
                    atEnd.add("port still taken: " + e);
                }
                atEnd.add("on the EDT " + SwingUtilities.isEventDispatchThread());
                ended.countDown();
            });
            main.start();
        });
        await().atMost(WAIT).until(() -> GuiActionRunner.execute(() -> main.controller().running()));
        at[0] = GuiActionRunner.execute(() -> main.controller().bound());
        GuiActionRunner.execute(main::close);
        await().atMost(WAIT).until(() -> !store.flushedKeys.isEmpty()); // the write has begun
        // the server stops meanwhile, but the program waits for the settings
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> ended.getCount() == 1);
        store.holdFlush.countDown();
        assertThat(ended.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(atEnd).containsExactly("code 0", "settings written true", "port free", "on the EDT false");
    }

    private static MainWindow open(RefusingStore store) {
        return GuiActionRunner.execute(() -> MainWindow.create(new Prefs(store), ServerConfig.defaults().withPort(0)));
    }

    private static String logText(MainWindow main) {
        return GuiActionRunner.execute(() -> main.logPanel().shownText());
    }

    /** Keeps the settings in memory and refuses to write them, noting whether each try ran on the EDT. */
    private static final class RefusingStore extends AbstractPreferences {
        private final boolean refuses;
        /** When set, a flush waits for it (at most 10 s) before it writes. */
        volatile java.util.concurrent.CountDownLatch holdFlush;
        final List<Boolean> flushedOnEdt = new CopyOnWriteArrayList<>();
        /** The keys the store held at each flush. */
        final List<java.util.Set<String>> flushedKeys = new CopyOnWriteArrayList<>();
        final Map<String, String> values = new ConcurrentHashMap<>();

        RefusingStore() {
            this(true);
        }

        /** With {@code refuses} false, a store that writes (to memory). */
        RefusingStore(boolean refuses) {
            super(null, "");
            this.refuses = refuses;
        }

        @Override protected void putSpi(String key, String value) { values.put(key, value); }
        @Override protected String getSpi(String key) { return values.get(key); }
        @Override protected void removeSpi(String key) { values.remove(key); }
        @Override protected void removeNodeSpi() { }
        @Override protected String[] keysSpi() { return values.keySet().toArray(new String[0]); }
        @Override protected String[] childrenNamesSpi() { return new String[0]; }
        @Override protected AbstractPreferences childSpi(String name) { throw new UnsupportedOperationException(name); }
        @Override protected void syncSpi() throws BackingStoreException { flushSpi(); }

        @Override
        protected void flushSpi() throws BackingStoreException {
            flushedOnEdt.add(SwingUtilities.isEventDispatchThread());
            flushedKeys.add(java.util.Set.copyOf(values.keySet()));
            java.util.concurrent.CountDownLatch hold = holdFlush;
            if (hold != null) {
                try {
                    hold.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (refuses) {
                throw new BackingStoreException("read-only file system");
            }
        }
    }
}
