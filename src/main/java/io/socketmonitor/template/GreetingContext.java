package io.socketmonitor.template;

import java.net.InetSocketAddress;
import java.time.Instant;

/** The facts of one connection that placeholders are filled from. {@code count} starts at 1. */
public record GreetingContext(InetSocketAddress peer, InetSocketAddress local, Instant time, long count) {}
