package io.socketmonitor.template;

/** A greeting or send text that cannot be used; the message names the problem and its position. */
public final class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;

    public TemplateException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Zero-based index in the source text where the problem starts; -1 when it is the whole text. */
    public int position() {
        return position;
    }
}
