package io.socketmonitor.ui;

import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerConfig;
import java.net.InetAddress;

/**
 * Opens the window the way the app's main does, for looking at it during development:
 * {@code DevLauncher [--port N] [--bind ADDR] [--mode close|keep-open|http] [--start] [--theme light|dark]}.
 * {@code --fresh} uses a throwaway preferences node instead of the user's.
 */
public final class DevLauncher {
    private DevLauncher() {}

    public static void main(String[] args) throws Exception {
        ServerConfig c = ServerConfig.defaults();
        boolean start = false;
        Prefs prefs = Prefs.user();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> c = c.withPort(Integer.parseInt(args[++i]));
                case "--bind" -> c = c.withBindAddress(InetAddress.getByName(args[++i]));
                case "--mode" -> c = c.withMode(Mode.fromCliName(args[++i]));
                case "--start" -> start = true;
                case "--fresh" -> prefs = new Prefs(java.util.prefs.Preferences.userRoot()
                        .node("socket-monitor-dev/" + System.nanoTime()));
                case "--theme" -> prefs.theme(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MainWindow.open(prefs, c, start);
    }
}
