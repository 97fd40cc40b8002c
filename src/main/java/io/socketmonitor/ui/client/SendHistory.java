package io.socketmonitor.ui.client;

import java.util.ArrayList;
import java.util.List;

/** What was sent, for the send field's up and down keys, like a shell. Bounded. */
final class SendHistory {
    private static final int MAX = 100;
    private final List<String> entries = new ArrayList<>();
    private int cursor; // entries.size() means "the new line being typed"

    void add(String text) {
        if (!text.isEmpty() && (entries.isEmpty() || !entries.get(entries.size() - 1).equals(text))) {
            entries.add(text);
            if (entries.size() > MAX) {
                entries.remove(0);
            }
        }
        cursor = entries.size();
    }

    /** The previous entry, or null at the oldest. */
    String up() {
        if (cursor == 0) {
            return null;
        }
        return entries.get(--cursor);
    }

    /** The next entry; "" past the newest. */
    String down() {
        if (cursor >= entries.size()) {
            return null;
        }
        cursor++;
        return cursor == entries.size() ? "" : entries.get(cursor);
    }
}
