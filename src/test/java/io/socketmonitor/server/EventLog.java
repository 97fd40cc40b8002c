package io.socketmonitor.server;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** Records every server event, for tests to wait on and inspect. */
public final class EventLog implements ServerListener {
    public final ConcurrentLinkedQueue<ServerEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onEvent(ServerEvent event) {
        events.add(event);
    }

    public <T extends ServerEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    public List<CloseReason> closeReasons() {
        return of(ServerEvent.Closed.class).stream().map(c -> c.peer().closeReason()).collect(Collectors.toList());
    }

    public long closed(CloseReason reason) {
        return closeReasons().stream().filter(r -> r == reason).count();
    }

    /** How peer {@code peerId} ended, or null while it is open. */
    public CloseReason reasonFor(long peerId) {
        return of(ServerEvent.Closed.class).stream().filter(c -> c.peer().id() == peerId)
                .map(c -> c.peer().closeReason()).findFirst().orElse(null);
    }

    public List<String> errors() {
        return of(ServerEvent.Error.class).stream().map(ServerEvent.Error::message).collect(Collectors.toList());
    }
}
