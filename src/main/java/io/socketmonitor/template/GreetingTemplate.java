package io.socketmonitor.template;

import io.socketmonitor.net.Addresses;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The greeting text sent to each client: escapes ({@code \n \r \t \\ \0 \xHH u+XXXX (backslash u)}) decoded
 * once at parse time, placeholders ({@code {peer} {peerAddress} {peerPort} {local} {time}
 * {count}}) filled per connection; text is sent as UTF-8, {@code \xHH} as that byte; at most 64 KiB.
 * A greeting without placeholders is encoded once and shared, so the hot path copies nothing.
 */
public final class GreetingTemplate {
    public static final int MAX_BYTES = 64 * 1024;
    public static final String DEFAULT_SOURCE = "Hello from server\\n";
    public static final List<String> PLACEHOLDERS =
            List.of("{peer}", "{peerAddress}", "{peerPort}", "{local}", "{time}", "{count}");
    // Declared before DEFAULT: static fields initialise in order and parse() needs it.
    // A name in braces: {peer}, and {peer2} or {péer} too, so a typo is named rather than sent.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\p{L}[\\p{L}\\p{N}_]*)}");
    public static final GreetingTemplate DEFAULT = parseOrThrow(DEFAULT_SOURCE);

    /** Sample values for previews, so the user sees roughly what a client will get. */
    public static final GreetingContext SAMPLE = new GreetingContext(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 46930),
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 8080),
            java.time.Instant.parse("2019-09-05T12:00:00Z"), 1);

    private final String source;
    private final List<Object> parts; // literal bytes (byte[]) and Field placeholders, in order
    private final byte[] constant;    // the whole encoding when there are no placeholders

    /**
     * A placeholder, with the most bytes its value can take: [45-character IPv6 address, %, a
     * 15-character interface name]:65535 is 69.
     */
    private enum Field {
        PEER(69), PEER_ADDRESS(61), PEER_PORT(5), LOCAL(69), TIME(20), COUNT(19);

        final int maxBytes;

        Field(int maxBytes) {
            this.maxBytes = maxBytes;
        }
    }

    private GreetingTemplate(String source, List<Object> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.constant = parts.stream().allMatch(p -> p instanceof byte[]) ? concat(parts) : null;
    }

    /** Parses escapes and placeholders; bad escapes, unknown placeholders and oversize text throw. */
    public static GreetingTemplate parse(String source) throws TemplateException {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int last = 0;
        long literalBytes = 0;
        long filledAtMost = 0;
        while (m.find()) {
            if (escaped(source, m.start())) {
                continue; // \{peer} is the text {peer}: Escapes turns \{ into {
            }
            literalBytes += addLiteral(parts, source, last, m.start()); // first, so the first mistake is the one named
            Field field = field(m.group(1));
            if (field == null) {
                throw new TemplateException("Unknown placeholder {" + m.group(1) + "} at position " + (m.start() + 1)
                        + " (known: " + String.join(" ", PLACEHOLDERS) + "; \\{ is a brace as it is).", m.start());
            }
            parts.add(field);
            filledAtMost += field.maxBytes;
            last = m.end();
        }
        literalBytes += addLiteral(parts, source, last, source.length());
        if (literalBytes > MAX_BYTES) {
            throw new TemplateException("The greeting is " + literalBytes + " bytes; the most is " + MAX_BYTES
                    + " bytes (64 KiB).", -1);
        }
        if (literalBytes + filledAtMost > MAX_BYTES) {
            // The limit is on what a client receives, so the placeholders count at their longest.
            throw new TemplateException("The greeting can reach " + (literalBytes + filledAtMost)
                    + " bytes once its placeholders are filled; the most is " + MAX_BYTES + " bytes (64 KiB).", -1);
        }
        return new GreetingTemplate(source, parts);
    }

    private static long addLiteral(List<Object> parts, String source, int from, int to) throws TemplateException {
        if (from == to) {
            return 0;
        }
        byte[] decoded;
        try {
            decoded = Escapes.toBytes(source.substring(from, to));
        } catch (TemplateException e) {
            // Re-anchor the position to the whole source text.
            int pos = e.position() < 0 ? -1 : e.position() + from;
            String msg = e.position() < 0 ? e.getMessage()
                    : e.getMessage().replace("at position " + (e.position() + 1), "at position " + (pos + 1));
            throw new TemplateException(msg, pos);
        }
        parts.add(decoded);
        return decoded.length;
    }

    /** Whether the brace at {@code at} follows an odd run of backslashes: an escaped brace. */
    private static boolean escaped(String source, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && source.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static byte[] concat(List<Object> literals) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : literals) {
            out.writeBytes((byte[]) part);
        }
        return out.toByteArray();
    }

    private static Field field(String name) {
        return switch (name) {
            case "peer" -> Field.PEER;
            case "peerAddress" -> Field.PEER_ADDRESS;
            case "peerPort" -> Field.PEER_PORT;
            case "local" -> Field.LOCAL;
            case "time" -> Field.TIME;
            case "count" -> Field.COUNT;
            default -> null;
        };
    }

    private static GreetingTemplate parseOrThrow(String source) {
        try {
            return parse(source);
        } catch (TemplateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text as the user typed it, escapes and all. */
    public String source() {
        return source;
    }

    public boolean hasPlaceholders() {
        return constant == null;
    }

    /**
     * The exact bytes one client receives. Without placeholders the same array is returned every
     * time (no copy per connection), so callers must treat it as read-only.
     */
    public byte[] render(GreetingContext context) {
        if (constant != null) {
            return constant;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);
        for (Object part : parts) {
            if (part instanceof byte[] literal) {
                out.writeBytes(literal);
            } else {
                out.writeBytes(value((Field) part, context).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String value(Field field, GreetingContext c) {
        return switch (field) {
            case PEER -> Addresses.hostPort(c.peer());
            case PEER_ADDRESS -> Addresses.literal(c.peer().getAddress());
            case PEER_PORT -> Integer.toString(c.peer().getPort());
            case LOCAL -> Addresses.hostPort(c.local());
            case TIME -> DateTimeFormatter.ISO_INSTANT.format(c.time().truncatedTo(ChronoUnit.SECONDS));
            case COUNT -> Long.toString(c.count());
        };
    }

    @Override
    public String toString() {
        return source;
    }
}
