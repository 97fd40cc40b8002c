package io.socketmonitor.client;

import io.socketmonitor.template.Escapes;
import io.socketmonitor.template.TemplateException;
import java.nio.charset.StandardCharsets;

/**
 * Turns what the user typed into the bytes that go on the wire: escapes decoded exactly as in the
 * greeting (see {@link Escapes}), the line ending appended, UTF-8 encoded like the greeting
 * (so an {@code \xHH} escape above 7F is the character U+00HH, two bytes on the wire).
 */
public final class SendText {
    private SendText() {}

    public static byte[] encode(String typed, LineEnding ending) throws TemplateException {
        return (Escapes.decode(typed) + ending.text()).getBytes(StandardCharsets.UTF_8);
    }
}
