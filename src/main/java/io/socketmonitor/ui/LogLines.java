package io.socketmonitor.ui;

import java.util.Arrays;

/**
 * Every kept log line, oldest first, in a bounded ring. A line is kept as what it came from (a
 * server event, or a {@link LogPanel.Note}) and turned into text only when someone reads it
 * (painting, filtering, saving): under a flood most lines scroll out unseen, and formatting each
 * one cost more EDT time than everything else the window does per connection. Each line also has
 * a number, counted from the last clear, that stays its own while older lines go: a line still
 * growing (a {@link DataLine}) is found by it. EDT only.
 */
final class LogLines {
    private final Object[] source;
    private final String[] text; // the formatted line once made, null before
    private int head;
    private int size;
    private long letGo; // the oldest lines dropped to make room, since the last clear

    LogLines(int capacity) {
        source = new Object[Math.max(1, capacity)];
        text = new String[source.length];
    }

    int capacity() {
        return source.length;
    }

    int size() {
        return size;
    }

    /** Appends a line (a ServerEvent or a {@link LogPanel.Note}); drops the oldest when full. */
    void add(Object entry) {
        int slot;
        if (size == source.length) {
            slot = head;
            head = (head + 1) % source.length;
            letGo++;
        } else {
            slot = (head + size) % source.length;
            size++;
        }
        source[slot] = entry;
        text[slot] = null;
    }

    /** The number the next line added will have. */
    long next() {
        return letGo + size;
    }

    /** Whether line number {@code n} is still kept. */
    boolean holds(long n) {
        return n >= letGo && n < letGo + size;
    }

    /** Where kept line number {@code n} sits now (0 = oldest). */
    int index(long n) {
        return (int) (n - letGo);
    }

    /** What kept line number {@code n} came from. */
    Object get(long n) {
        return source[(head + index(n)) % source.length];
    }

    /** Puts {@code entry} in the place of kept line number {@code n} (a line that grew). */
    void replace(long n, Object entry) {
        int slot = (head + index(n)) % source.length;
        source[slot] = entry;
        text[slot] = null;
    }

    /** The line at {@code index} (0 = oldest), formatted now if it never was. */
    String text(int index) {
        int slot = (head + index) % source.length;
        String t = text[slot];
        if (t == null) {
            t = LogPanel.line(source[slot]);
            text[slot] = t;
        }
        return t;
    }

    /** What each line came from (an event or a note, both immutable), oldest first: to format elsewhere, e.g. off the EDT. */
    Object[] snapshot() {
        Object[] out = new Object[size];
        for (int i = 0; i < size; i++) {
            out[i] = source[(head + i) % source.length];
        }
        return out;
    }

    /** How many older lines were dropped to keep the newest, since the last clear. */
    long letGo() {
        return letGo;
    }

    void clear() {
        Arrays.fill(source, null);
        Arrays.fill(text, null);
        head = 0;
        size = 0;
        letGo = 0;
    }
}
