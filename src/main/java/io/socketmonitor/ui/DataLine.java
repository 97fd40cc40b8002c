package io.socketmonitor.ui;

import io.socketmonitor.server.Counts;
import io.socketmonitor.server.ServerEvent;
import java.time.Instant;

/**
 * One log line for a peer's consecutive reads (or writes): a flood of thousands of reads is one
 * line whose totals grow ("R: received 196,608,000 bytes in 3,000 reads from #5055: …"), not
 * thousands that push the Connected and Closed lines out of the bounded log. A single read reads
 * as it always did. Immutable: a grown line is a new one, so a saved snapshot never changes.
 *
 * @param time     when the first read came: the line keeps its place in the log
 * @param last     when the latest came, to tell a flood from a student typing line by line
 * @param preview  the latest read's bytes, printable and short
 */
record DataLine(Instant time, Instant last, boolean received, long peerId, long bytes, long count, String preview) {

    /** The line for a Received or Sent event that came {@code at}. */
    static DataLine of(ServerEvent e, Instant at) {
        if (e instanceof ServerEvent.Received r) {
            return new DataLine(at, at, true, r.peerId(), r.bytes(), 1, r.preview());
        }
        ServerEvent.Sent s = (ServerEvent.Sent) e;
        return new DataLine(at, at, false, s.peerId(), s.bytes(), 1, s.preview());
    }

    /** This line with one more read (or write) added, one that came {@code at}. */
    DataLine plus(ServerEvent e, Instant at) {
        DataLine one = of(e, at);
        return new DataLine(time, at, received, peerId, bytes + one.bytes, count + 1, one.preview);
    }

    /** "R: received 5 bytes from #7: hello"; merged, "R: received 1,024 bytes in 2 reads from #7: …". */
    String describe() {
        StringBuilder sb = new StringBuilder(received ? "R: received " : "S: sent ");
        Counts.appendGrouped(sb, bytes).append(bytes == 1 ? " byte" : " bytes");
        if (count > 1) {
            Counts.appendGrouped(sb.append(" in "), count).append(received ? " reads" : " writes");
        }
        sb.append(received ? " from #" : " to #").append(peerId);
        if (preview != null && !preview.isEmpty()) {
            sb.append(": ").append(preview);
        }
        return sb.toString();
    }
}
