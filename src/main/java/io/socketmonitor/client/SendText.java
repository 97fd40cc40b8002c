package io.socketmonitor.client;

import io.socketmonitor.template.Escapes;
import io.socketmonitor.template.TemplateException;
import java.nio.charset.StandardCharsets;

/**
 * Turns what the user typed into the bytes that go on the wire: escapes decoded exactly as in the
 * greeting (see {@link Escapes}: text as UTF-8, {@code \xHH} as that one byte), the line ending
 * appended.
 */
public final class SendText {
    private SendText() {}

    public static byte[] encode(String typed, LineEnding ending) throws TemplateException {
        byte[] text = Escapes.toBytes(typed);
        byte[] end = ending.text().getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(text, text.length + end.length);
        System.arraycopy(end, 0, all, text.length, end.length);
        return all;
    }
}
