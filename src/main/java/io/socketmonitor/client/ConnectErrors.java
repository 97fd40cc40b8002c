package io.socketmonitor.client;

import io.socketmonitor.net.Addresses;
import io.socketmonitor.template.Printable;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns a failed connect into one sentence a student understands. Never a stack trace: the
 * exception class and the OS wording are mapped to what actually happened on the network.
 */
public final class ConnectErrors {
    private ConnectErrors() {}

    /** The host name could not be resolved to any address. */
    public static String unknownHost(String host) {
        return "Unknown host: " + Printable.visible(host) + " does not resolve to any address (check the spelling,"
                + " or use an address such as 127.0.0.1).";
    }

    /**
     * Describes why connecting to {@code address} port {@code port} failed.
     *
     * @param timeout the connect timeout that was used, for the timeout sentence
     */
    public static String describe(Throwable error, String host, InetAddress address, int port, Duration timeout) {
        String where = address == null ? host + " port " + port : Addresses.literal(address) + " port " + port;
        String os = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        if (error instanceof UnknownHostException) {
            return unknownHost(host);
        }
        if (error instanceof SocketTimeoutException || os.contains("timed out")) {
            return "Timed out: " + where + " did not answer within " + seconds(timeout)
                    + " (a firewall may be dropping the packets, or the host is down).";
        }
        if (error instanceof NoRouteToHostException || os.contains("no route to host")
                || os.contains("host is unreachable")) {
            return "Host unreachable: there is no route from this machine to " + where + ".";
        }
        if (os.contains("network is unreachable")) {
            return "Network unreachable: this machine has no network path to " + where + ".";
        }
        if (os.contains("refused")) {
            return "Connection refused: nothing is listening on " + where + ".";
        }
        if (os.contains("reset")) {
            return "Connection reset: " + where + " aborted the connection (RST) while it was being set up.";
        }
        if (os.contains("cannot assign requested address")) {
            return "Cannot connect to " + where + ": no address of this machine can reach it"
                    + " (or no local port is free).";
        }
        if (error instanceof ConnectException) {
            return "Could not connect to " + where + ": " + error.getMessage() + ".";
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return "Could not connect to " + where + ": " + detail + ".";
    }

    static String seconds(Duration d) {
        if (d == null) {
            return "the time limit";
        }
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            long s = ms / 1000;
            return s + (s == 1 ? " second" : " seconds");
        }
        return String.format(Locale.ROOT, "%.1f seconds", ms / 1000.0);
    }
}
