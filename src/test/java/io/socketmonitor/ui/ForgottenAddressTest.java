package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.ServerConfig;
import org.junit.jupiter.api.Test;

/**
 * A remembered address this machine no longer has (a laptop on another network) is not offered
 * as if it were still there: the window starts on loopback and says why.
 */
@GuiTest
class ForgottenAddressTest extends AbstractWindowTest {
    @Override
    void preparePrefs(Prefs prefs) {
        prefs.node().put(Prefs.BIND, "192.0.2.99"); // a documentation address: on no machine
    }

    @Override
    ServerConfig initialConfig() {
        return ServerConfig.defaults().withPort(0);
    }

    @Test
    void theWindowStartsOnLoopbackAndSaysWhy() {
        assertThat(window.comboBox("interface").selectedItem()).startsWith("Loopback 127.0.0.1");
        window.label("bindError").requireVisible().requireText(java.util.regex.Pattern.compile(
                ".*192\\.0\\.2\\.99, where the server listened last time, is no longer an address of this machine:"
                        + " Start listens on loopback instead\\..*"));
        startByButton(); // and Start works, where it failed before
    }
}
