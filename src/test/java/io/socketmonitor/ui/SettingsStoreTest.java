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
        MainWindow main = GuiActionRunner.execute(() -> MainWindow.create(new Prefs(store), ServerConfig.defaults().withPort(0)));
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            main.checkSettingsStore(); // what open() runs on a thread of its own 30 s after the window shows
        } finally {
            System.setErr(err);
        }
        String message = "Settings will not be saved (read-only file system).";
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Socket Monitor: " + message);
        await().atMost(WAIT).until(() -> GuiActionRunner.execute(() -> main.logPanel().shownText()).contains(message));

        int offered = store.flushes.size();
        GuiActionRunner.execute(main::close);
        await().atMost(WAIT).until(() -> store.flushes.size() > offered); // nothing kept back from the store
        assertThat(store.flushes).as("flushed on the EDT").doesNotContain(true);
        assertThat(store.values).containsKey(Prefs.THEME); // what Quit remembered reached it
        await().atMost(WAIT).until(() -> GuiActionRunner.execute(() -> !main.frame().isDisplayable()));
    }

    /** Keeps the settings in memory and refuses to write them, noting whether each try ran on the EDT. */
    private static final class RefusingStore extends AbstractPreferences {
        final List<Boolean> flushes = new CopyOnWriteArrayList<>();
        final Map<String, String> values = new ConcurrentHashMap<>();

        RefusingStore() {
            super(null, "");
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
            flushes.add(SwingUtilities.isEventDispatchThread());
            throw new BackingStoreException("read-only file system");
        }
    }
}
