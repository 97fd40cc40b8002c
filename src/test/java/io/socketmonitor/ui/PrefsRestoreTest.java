package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.client.LoadOptions;
import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.template.GreetingTemplate;
import java.awt.Rectangle;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings come back from a (throwaway) preferences node; the command line's win. */
@GuiTest
class PrefsRestoreTest extends AbstractWindowTest {

    @Override
    void preparePrefs(Prefs prefs) {
        try {
            prefs.saveServerConfig(ServerConfig.defaults()
                    .withBindAddress(InetAddress.getByName("::1"))
                    .withPort(12345)
                    .withMode(Mode.KEEP_OPEN)
                    .withGreeting(GreetingTemplate.parse("Hi {peer}\\r\\n"))
                    .withBacklog(77)
                    .withIdleTimeout(Duration.ofSeconds(30)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        prefs.bounds(new Rectangle(20, 30, 900, 650));
        prefs.autoScroll(false);
        prefs.tab("side", 1);
        prefs.tab("bottom", 1);
        prefs.advancedOpen(true);
        prefs.clientTarget("localhost", "7777");
        prefs.clientLineEnding("lf");
        prefs.clientRecent("localhost:7777\n[::1]:9\n");
    }

    @Override
    ServerConfig initialConfig() {
        return ServerConfig.defaults(); // nothing given on the command line
    }

    @Test
    void rememberedSettingsAreRestored() {
        window.textBox("portText").requireText("12345");
        window.comboBox("mode").requireSelection("Keep open");
        window.textBox("greeting").requireText("Hi {peer}\\r\\n");
        window.textBox("backlogText").requireVisible().requireText("77"); // Advanced was left open
        window.tabbedPane("sideTabs").requireSelectedTab(org.assertj.swing.data.Index.atIndex(1));
        window.tabbedPane("bottomTabs").requireSelectedTab(org.assertj.swing.data.Index.atIndex(1));
        window.textBox("clientHost").requireText("localhost"); // typed last time, not the server's
        window.textBox("clientPort").requireText("7777");
        window.comboBox("clientLineEnding").requireSelection("LF (\\n)");
        window.button("clientRecent").requireEnabled();
        window.textBox("idleTimeoutText").requireText("30");
        assertThat(window.comboBox("interface").selectedItem()).startsWith("Loopback ::1");
        assertThat(edt(() -> main.logPanel().autoScrollBox().isSelected())).isFalse(); // on the Log tab, not shown
        window.checkBox("echo").requireVisible();
    }

    @Test
    void commandLineSettingsWinOverRememberedOnes() {
        Prefs prefs = new Prefs(node);
        ServerConfig merged = prefs.merge(ServerConfig.defaults().withPort(0).withMode(Mode.HTTP));
        assertThat(merged.port()).isZero();
        assertThat(merged.mode()).isEqualTo(Mode.HTTP);
        assertThat(merged.backlog()).isEqualTo(77);
        assertThat(merged.greeting().source()).isEqualTo("Hi {peer}\\r\\n");
    }

    @Test
    void anOptionTypedOnTheCommandLineWinsEvenWhenItIsTheDefault() {
        Prefs prefs = new Prefs(node); // remembers keep-open, backlog 77
        ServerConfig merged = prefs.merge(ServerConfig.defaults().withMode(Mode.CLOSE), Set.of("--mode"));
        assertThat(merged.mode()).isEqualTo(Mode.CLOSE);
        assertThat(merged.port()).isEqualTo(12345); // not typed: remembered
        assertThat(merged.backlog()).isEqualTo(77);
    }

    @Test
    void theLoadSectionTheReceivedViewAndTheSortComeBackAfterQuitAndStart() {
        window.tabbedPane("sideTabs").selectTab("Test client");
        // Before Load opens: opening it scrolls the views out of sight.
        window.tabbedPane("clientViews").selectTab("Hex").requireSelectedTab(org.assertj.swing.data.Index.atIndex(1));
        window.toggleButton("clientToLoad").click();
        window.comboBox("loadMode").selectItem("Slow sender"); // the interval is set in slow mode only
        window.spinner("loadInterval").enterTextAndCommit("250");
        window.comboBox("loadMode").selectItem("Hold open");
        window.spinner("loadConcurrency").enterTextAndCommit("3");
        window.spinner("loadDuration").enterTextAndCommit("42");
        // One click: a second one soon after is a double-click, which the header does not count.
        window.table("peerTable").tableHeader().clickColumn(PeerTableModel.COL_IN);
        // Typed last and not committed: Ctrl+Q straight from the field keeps it too.
        window.textBox("loadConnectionsText").focus().selectAll().enterText("250");

        restart(() -> {});

        window.toggleButton("clientToLoad").requireSelected();
        window.comboBox("loadMode").requireVisible().requireSelection("Hold open");
        window.spinner("loadConnections").requireValue(250);
        window.spinner("loadConcurrency").requireValue(3);
        window.spinner("loadDuration").requireValue(42);
        window.spinner("loadInterval").requireValue(250);
        window.tabbedPane("clientViews").requireSelectedTab(org.assertj.swing.data.Index.atIndex(1));
        assertThat(sortKeys()).containsExactly("Bytes in ASCENDING");
    }

    @Test
    void damagedLoadViewAndSortSettingsFallBackToDefaultsEachOnItsOwn() {
        restart(() -> {
            node.put(Prefs.LOAD_MODE, "warp-speed");
            node.putInt(Prefs.LOAD_CONNECTIONS, 0);
            node.put(Prefs.LOAD_CONCURRENCY, "many");
            node.putInt(Prefs.LOAD_DURATION, LoadOptions.MAX_DURATION_SECONDS + 1);
            node.putInt(Prefs.LOAD_INTERVAL, 250); // undamaged: it comes back, whatever the others
            node.put(Prefs.LOAD_OPEN, "perhaps");
            node.put(Prefs.CLIENT_HEX_VIEW, "hexadecimal");
            node.put(Prefs.TABLE_SORT, "99,DESCENDING"); // a column the table no longer has
        });

        window.tabbedPane("sideTabs").selectTab("Test client");
        window.toggleButton("clientToLoad").requireNotSelected().click(); // closed: open it to see the numbers
        window.comboBox("loadMode").requireSelection("Burst");
        window.spinner("loadConnections").requireValue(LoadOptions.DEFAULT_CONNECTIONS);
        window.spinner("loadConcurrency").requireValue(LoadOptions.DEFAULT_CONCURRENCY);
        window.spinner("loadDuration").requireValue(LoadOptions.DEFAULT_DURATION_SECONDS);
        window.spinner("loadInterval").requireValue(250);
        window.tabbedPane("clientViews").requireSelectedTab(org.assertj.swing.data.Index.atIndex(0));
        assertThat(sortKeys()).isEmpty();

        restart(() -> node.put(Prefs.TABLE_SORT, "2,SIDEWAYS"));
        assertThat(sortKeys()).isEmpty();

        restart(() -> node.put(Prefs.TABLE_SORT, PeerTableModel.COL_IN + ",DESCENDING")); // undamaged
        assertThat(sortKeys()).containsExactly("Bytes in DESCENDING");
    }

    /** The table's sort as "column DIRECTION" (a SortKey prints as an object id). */
    private java.util.List<String> sortKeys() {
        javax.swing.JTable table = window.table("peerTable").target();
        return edt(() -> table.getRowSorter().getSortKeys().stream()
                .map(k -> table.getModel().getColumnName(k.getColumn()) + " " + k.getSortOrder()).toList());
    }

    @Test
    void closingSavesTheSettings() {
        window.textBox("portText").deleteText().enterText("9099");
        node.remove(Prefs.CLIENT_RECENT); // what the window holds is what is saved
        edt(() -> {
            main.saveState();
            return null;
        });
        assertThat(new Prefs(node).serverConfig(ServerConfig.defaults()).port()).isEqualTo(9099);
        assertThat(new Prefs(node).clientTarget()).containsExactly("localhost", "7777");
        assertThat(new Prefs(node).advancedOpen()).isTrue();
        assertThat(new Prefs(node).clientRecent()).isEqualTo("localhost:7777\n[::1]:9\n");
        assertThat(new Prefs(node).bounds()).isNotNull();
    }
}
