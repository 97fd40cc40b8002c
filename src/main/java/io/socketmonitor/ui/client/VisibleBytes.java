package io.socketmonitor.ui.client;

import io.socketmonitor.template.Printable;

/**
 * Shows bytes so that nothing is invisible: control characters are written as the escapes the
 * send field understands ({@code \r \n \t \0 \xHH}), a line break follows each {@code \n}, and a
 * hex dump shows offsets, hex and ASCII side by side.
 */
public final class VisibleBytes {
    private VisibleBytes() {}

    /**
     * Text with visible control characters; bytes are read as UTF-8 where they form valid text,
     * and any other byte is written \xHH, as the send field takes it back. One whole input.
     */
    public static String text(byte[] data) {
        Stream s = new Stream();
        return s.next(data) + s.end();
    }

    /**
     * {@link #text} for a stream that arrives in pieces: a character split between two reads
     * is shown whole when its second part comes, not as two pieces of stray bytes.
     */
    static final class Stream {
        private byte[] carried = new byte[0];

        String next(byte[] data) {
            byte[] all = data;
            if (carried.length > 0) {
                all = java.util.Arrays.copyOf(carried, carried.length + data.length);
                System.arraycopy(data, 0, all, carried.length, data.length);
            }
            StringBuilder sb = new StringBuilder(all.length + 16);
            int read = Printable.read(all, 0, all.length, true, reader(sb));
            carried = java.util.Arrays.copyOfRange(all, read, all.length);
            return sb.toString();
        }

        /** What is still carried, as stray bytes: the stream ended in the middle of a character. */
        String end() {
            StringBuilder sb = new StringBuilder();
            Printable.read(carried, 0, carried.length, false, reader(sb));
            carried = new byte[0];
            return sb.toString();
        }

        private static Printable.Reader reader(StringBuilder sb) {
            return new Printable.Reader() {
                @Override public void text(int codePoint) {
                    if (codePoint == '\n') {
                        sb.append("\\n\n");
                    } else {
                        Printable.appendVisible(sb, codePoint);
                    }
                }

                @Override public void strayByte(int b) {
                    Printable.appendByte(sb, b);
                }
            };
        }
    }

    /** The characters of one dump line holding {@code perLine} bytes. */
    static int lineChars(int perLine) {
        return 10 + perLine * 3 + (perLine > 8 ? 1 : 0) + 2 + perLine + 1;
    }

    /**
     * "00000000  48 65 6c 6c 6f 20 66 72  6f 6d 20 73 65 72 76 65  |Hello from serve|", as
     * {@code hexdump -C}, with 16 bytes a line or 8 (a narrow view keeps its ASCII column in sight).
     */
    static String hexDump(byte[] data, int length, int perLine) {
        StringBuilder sb = new StringBuilder(length / perLine * (lineChars(perLine) + 1) + 80);
        for (int line = 0; line < length; line += perLine) {
            sb.append(String.format("%08x  ", line));
            for (int i = 0; i < perLine; i++) {
                if (line + i < length) {
                    sb.append(String.format("%02x ", data[line + i] & 0xff));
                } else {
                    sb.append("   ");
                }
                if (i == 7 && perLine > 8) {
                    sb.append(' ');
                }
            }
            sb.append(" |");
            for (int i = 0; i < perLine && line + i < length; i++) {
                int b = data[line + i] & 0xff;
                sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            sb.append("|\n");
        }
        return sb.toString();
    }
}
