package io.socketmonitor.server;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** Records every server event, for tests to wait on and inspect. */
final class EventLog implements ServerListener {
    final ConcurrentLinkedQueue<ServerEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onEvent(ServerEvent event) {
        events.add(event);
    }

    <T extends ServerEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    List<CloseReason> closeReasons() {
        return of(ServerEvent.Closed.class).stream().map(c -> c.peer().closeReason()).collect(Collectors.toList());
    }
}
