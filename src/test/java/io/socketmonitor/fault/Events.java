package io.socketmonitor.fault;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.ServerEvent;
import io.socketmonitor.server.ServerListener;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** Records every server event for the fault tests to wait on. */
final class Events implements ServerListener {
    final ConcurrentLinkedQueue<ServerEvent> all = new ConcurrentLinkedQueue<>();

    @Override
    public void onEvent(ServerEvent event) {
        all.add(event);
    }

    <T extends ServerEvent> List<T> of(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    long closed(CloseReason reason) {
        return of(ServerEvent.Closed.class).stream().filter(c -> c.peer().closeReason() == reason).count();
    }

    CloseReason reasonFor(long peerId) {
        return of(ServerEvent.Closed.class).stream().filter(c -> c.peer().id() == peerId)
                .map(c -> c.peer().closeReason()).findFirst().orElse(null);
    }

    List<String> errors() {
        return of(ServerEvent.Error.class).stream().map(ServerEvent.Error::message).collect(Collectors.toList());
    }
}
