package io.socketmonitor.server;

import io.socketmonitor.net.Addresses;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Locale;

/** Turns the JDK's bind exceptions into sentences a student can act on. */
final class BindErrors {
    private BindErrors() {}

    static BindFailedException explain(InetAddress address, int port, IOException e) {
        // "[::1]", not "::1", inside a sentence: "on ::: ports below 1024" read as a typo.
        String where = Addresses.bracketed(address);
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String sentence;
        if (message.contains("already in use")) {
            // The other listener may sit on all interfaces, or (binding all) on any one address.
            String whereItListens = address.isAnyLocalAddress() ? "at some address of this machine"
                    : "at " + where + " or on all interfaces";
            sentence = "Port " + port + " on " + where + " is already in use: another program (or another"
                    + " Socket Monitor) is listening on it " + whereItListens + ". Stop it, or pick another port"
                    + " (0 picks a free one).";
        } else if (message.contains("permission denied") || message.contains("access denied")) {
            sentence = "Permission denied for port " + port + " on " + where + ": ports below 1024 are"
                    + " privileged and need administrator rights. Pick a port of 1024 or above, such as 8080.";
        } else if (message.contains("cannot assign requested address")) {
            sentence = where + " is not an address of this machine, so the server cannot listen on it."
                    + " Pick one from the interface list.";
        } else if (message.contains("not supported") || message.contains("unavailable")) {
            sentence = "Cannot listen on " + where + ": this machine has no IPv6 (or IPv4) support for it.";
        } else {
            sentence = "Cannot listen on " + Addresses.hostPort(address, port) + ": " + e.getMessage() + ".";
        }
        return new BindFailedException(sentence, e);
    }
}
