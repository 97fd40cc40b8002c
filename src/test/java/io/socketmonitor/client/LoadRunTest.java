package io.socketmonitor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.Mode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each load mode against the app's own server on loopback, checked from both ends. */
class LoadRunTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ConcurrentLinkedQueue<LoadProgress> progress = new ConcurrentLinkedQueue<>();

    private LoadRun start(ServerFixture server, LoadMode mode, LoadOptions options) throws Exception {
        return LoadRun.start(LoadTarget.resolve("127.0.0.1", server.port()), mode, options, progress::add);
    }

    private static LoadResult result(LoadRun run) throws Exception {
        return run.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void burstOf2000AtConcurrency8IsServedInFull() throws Exception {
        try (ServerFixture server = ServerFixture.greetAndClose()) {
            LoadOptions options = LoadOptions.defaults().withConnections(2000).withConcurrency(8)
                    .withDuration(Duration.ofSeconds(60));

            LoadResult r = result(start(server, LoadMode.BURST, options));

            System.out.println("[measured] " + r.summary());
            assertThat(r.completed()).isEqualTo(2000);
            assertThat(r.greeted()).isEqualTo(2000);
            assertThat(r.failed()).isZero();
            assertThat(r.clean()).isTrue();
            assertThat(r.p50()).isNotNull().isLessThanOrEqualTo(r.p99());
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(30));
            assertThat(r.summary()).startsWith("Burst on 127.0.0.1:" + server.port()
                    + ": 2000 of 2000 connections served in ");
            await().atMost(WAIT).until(() -> server.server.stats().served() == 2000);
            assertThat(server.server.stats().errors()).isZero();
            assertThat(progress).last().satisfies(p -> {
                assertThat(p.done()).isEqualTo(2000);
                assertThat(p.total()).isEqualTo(2000);
                assertThat(p.fraction()).isEqualTo(1.0);
            });
        }
    }

    @Test
    void burstAgainstAClosedPortCountsRefusals() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoadRun run = LoadRun.start(LoadTarget.resolve("127.0.0.1", port), LoadMode.BURST,
                LoadOptions.defaults().withConnections(20).withConcurrency(4), progress::add);

        LoadResult r = result(run);

        assertThat(r.failed()).isEqualTo(20);
        assertThat(r.completed()).isZero();
        assertThat(r.failures()).containsEntry("refused", 20);
        assertThat(r.firstFailure()).isEqualTo("Connection refused: nothing is listening on 127.0.0.1 port " + port + ".");
        assertThat(r.summary()).contains("Failures: 20 refused.");
        assertThat(r.clean()).isFalse();
    }

    @Test
    void holdKeepsNConnectionsOpenForTheDurationThenClosesThem() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            LoadRun run = start(server, LoadMode.HOLD, LoadOptions.defaults().withConnections(50)
                    .withConcurrency(8).withDuration(Duration.ofSeconds(2)));

            await().atMost(WAIT).until(() -> server.server.stats().open() == 50);
            LoadResult r = result(run);

            assertThat(r.connected()).isEqualTo(50);
            assertThat(r.completed()).isEqualTo(50);
            assertThat(r.greeted()).isEqualTo(50);
            assertThat(r.closedByServer()).isZero();
            assertThat(r.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(r.summary()).contains(": 50 of 50 connections opened and held for 2.").contains("50 got a greeting");
            assertThat(r.clean()).isTrue();
            await().atMost(WAIT).until(() -> server.server.stats().open() == 0);
            assertThat(server.closed(CloseReason.BY_PEER)).isEqualTo(50);
        }
    }

    @Test
    void holdAgainstGreetAndCloseEndsEarlyWhenTheServerClosedThemAll() throws Exception {
        try (ServerFixture server = ServerFixture.greetAndClose()) {
            LoadResult r = result(start(server, LoadMode.HOLD, LoadOptions.defaults().withConnections(10)
                    .withDuration(Duration.ofSeconds(60))));

            assertThat(r.closedByServer()).isEqualTo(10);
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(30));
            // Not "held for": the server did not hold them, and the run did not do what was asked.
            assertThat(r.summary()).startsWith("Hold open on " + server.hostPort()
                    + ": 10 of 10 connections opened; the server closed 10 of them, 0 held to the end (")
                    .doesNotContain("held for")
                    .contains("The server closed every one at once: a greet-and-close server does. Hold them against a"
                            + " keep-open server (--mode keep-open).");
            assertThat(r.clean()).isFalse();
        }
    }

    @Test
    void aBurstCutByAShortLimitAgainstAKeepOpenServerStillGetsTheHint() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            // Shorter than the 5 s read timeout: no connection fails, the limit cuts them all.
            LoadResult r = result(start(server, LoadMode.BURST, LoadOptions.defaults().withConnections(20)
                    .withDuration(Duration.ofSeconds(1))));

            assertThat(r.completed()).isZero();
            assertThat(r.summary()).contains("The server greeted but did not close: use hold against a keep-open server.");
        }
    }

    @Test
    void heldConnectionsAKeepOpenServersUserClosedLaterAreNotBlamedOnGreetAndClose() {
        LoadResult r = new LoadResult(LoadMode.HOLD, "127.0.0.1:8080", 3_000, 3_000, 3_000, 0, 0, 0, 3_000, 0, 3_000, 0, 0,
                Duration.ofMillis(9_000), null, null, false, false, java.util.Map.of(), null);

        assertThat(r.summary()).contains("the server closed 3000 of them").doesNotContain("greet-and-close");
        LoadResult mostAtOnce = new LoadResult(LoadMode.HOLD, "127.0.0.1:8080", 3_000, 3_000, 3_000, 0, 0, 0, 3_000, 0,
                3_000, 2_900, 0, Duration.ofMillis(900), null, null, false, false, java.util.Map.of(), null);
        assertThat(mostAtOnce.summary()).as("a few noticed late").contains("a greet-and-close server does");
    }

    @Test
    void aTimedRunWhoseConnectionsWereNotAllOpenAtTheLimitSaysSo() {
        LoadResult r = new LoadResult(LoadMode.HOLD, "127.0.0.1:8080", 10_000, 10_000, 6_471, 6_471, 0, 0, 6_471, 0, 0, 0, 0,
                Duration.ofMillis(1_170), null, null, false, true, java.util.Map.of(), null);

        assertThat(r.summary()).contains("Only 6471 of 10000 connections had opened when the time limit came:"
                + " give more time or ask for fewer.");
        assertThat(r.clean()).isFalse();
    }

    @Test
    void resetAbortsEachConnectionWithRst() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            LoadResult r = result(start(server, LoadMode.RESET, LoadOptions.defaults().withConnections(20)
                    .withConcurrency(4)));

            assertThat(r.completed()).isEqualTo(20);
            assertThat(r.failed()).isZero();
            // The server sees every one end; those it was still writing to or reading see the RST.
            await().atMost(WAIT).until(() -> server.closedEvents().size() == 20);
            assertThat(server.closed(CloseReason.RESET)).isPositive();
        }
    }

    @Test
    void neverReadKeepsConnectionsOpenWithoutReading() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            LoadRun run = start(server, LoadMode.NEVER_READ, LoadOptions.defaults().withConnections(10)
                    .withDuration(Duration.ofSeconds(1)));

            await().atMost(WAIT).until(() -> server.server.stats().open() == 10);
            LoadResult r = result(run);

            assertThat(r.connected()).isEqualTo(10);
            assertThat(r.completed()).isEqualTo(10);
            assertThat(r.greeted()).as("never read, so never saw a greeting").isZero();
            assertThat(r.summary()).contains("10 of 10 connections opened and never read")
                    .contains("each ends in a reset (RST)").contains("write timeout");
        }
    }

    @Test
    void slowSendsOneBytePerIntervalAndTheServerCountsThem() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            LoadResult r = result(start(server, LoadMode.SLOW, LoadOptions.defaults().withConnections(2)
                    .withDuration(Duration.ofSeconds(1)).withInterval(Duration.ofMillis(100))));

            // About ten per connection; bounded loosely because the machine is shared.
            assertThat(r.bytesSent()).isBetween(4L, 24L);
            await().atMost(WAIT).until(() -> server.server.stats().bytesIn() == r.bytesSent());
            assertThat(r.summary()).contains("2 of 2 connections sent " + r.bytesSent() + " bytes one at a time");
        }
    }

    @Test
    void slowPeersCutByTheServersTimeoutAreWhatTheRunIsForNotAFailure() throws Exception {
        try (ServerFixture server = ServerFixture.on(java.net.InetAddress.getLoopbackAddress(), Mode.HTTP)) {
            io.socketmonitor.server.ServerTestAccess.httpHeadTimeout(server.server, Duration.ofMillis(300));
            LoadResult r = result(start(server, LoadMode.SLOW, LoadOptions.defaults().withConnections(2)
                    .withDuration(Duration.ofSeconds(3)).withInterval(Duration.ofMillis(50))));

            assertThat(r.closedByServer()).isEqualTo(2);
            assertThat(r.clean()).as(r.summary()).isTrue();
        }
    }

    @Test
    void cancelStopsATimedRunSoonAndClosesItsConnections() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            LoadRun run = start(server, LoadMode.HOLD, LoadOptions.defaults().withConnections(20)
                    .withDuration(Duration.ofSeconds(600)));
            await().atMost(WAIT).until(() -> server.server.stats().open() == 20);

            run.cancel();

            LoadResult r = run.result().get(5, TimeUnit.SECONDS);
            assertThat(r.cancelled()).isTrue();
            assertThat(r.summary()).contains("Cancelled after");
            await().atMost(WAIT).until(() -> server.server.stats().open() == 0);
        }
    }

    @Test
    void progressSaysConnectedWhileHeldAndDoneWhenFinished() {
        Duration three = Duration.ofSeconds(3);
        Duration ten = Duration.ofSeconds(10);
        assertThat(new LoadProgress(LoadMode.HOLD, 50, 50, 50, 0, three, ten).text())
                .isEqualTo("50/50 connected, 50 open, 0 failed, 3.00 s of 10.00 s");
        assertThat(new LoadProgress(LoadMode.BURST, 42, 50, 8, 0, three, ten).text())
                .isEqualTo("42/50 done, 8 open, 0 failed, 3.00 s of 10.00 s");
    }

    @Test
    void burstStopsAtItsTimeLimitAgainstAServerThatNeverCloses() throws Exception {
        try (ServerFixture server = ServerFixture.keepOpen()) {
            LoadOptions options = LoadOptions.defaults().withConnections(100).withConcurrency(4)
                    .withDuration(Duration.ofMillis(1500)).withConnectTimeout(Duration.ofMillis(500));

            LoadResult r = result(start(server, LoadMode.BURST, options));

            assertThat(r.timeLimitReached()).isTrue();
            assertThat(r.completed()).isZero();
            assertThat(r.failures()).containsKey("timed out reading");
            assertThat(r.firstFailure()).startsWith("No end of stream from 127.0.0.1:" + server.port());
            assertThat(r.summary()).contains("Stopped at the time limit")
                    .contains("The server greeted but did not close: use hold against a keep-open server.");
            // Each was greeted, then held: the summary says so rather than "0 got a greeting" (the
            // four in flight at the limit may not have read theirs yet).
            assertThat(r.greeted()).isGreaterThan(0).isGreaterThanOrEqualTo(r.attempted() - 4);
        }
    }

    /**
     * A burst sends nothing, and an HTTP server waits for a request: the summary says so, and its
     * figures add up (it said "0 served ... 8 failed" and then "after 16 of 16 connections").
     */
    @Test
    void aBurstAgainstAnHttpServerSaysTheServerWaitsForARequestAndItsFiguresAddUp() throws Exception {
        try (ServerFixture server = ServerFixture.on(InetAddress.getLoopbackAddress(), Mode.HTTP)) {
            // The first 8 time out reading at 1 s (0.9 s to spare on a busy machine); the next 8 start
            // no sooner, so they cannot time out before 2 s: still waiting when the limit comes.
            LoadOptions options = LoadOptions.defaults().withConnections(16).withConcurrency(8)
                    .withDuration(Duration.ofMillis(1900)).withConnectTimeout(Duration.ofMillis(1000));

            LoadResult r = result(start(server, LoadMode.BURST, options));

            assertThat(r.completed()).isZero();
            assertThat(r.greeted()).isZero();
            assertThat(r.failed()).isPositive();
            assertThat(r.unfinished()).isPositive();
            assertThat(r.failed() + r.unfinished()).isEqualTo(16);
            assertThat(r.summary())
                    .contains("0 of 16 connections served in ")
                    .contains("; 0 got a greeting; " + r.failed() + " failed; " + r.unfinished()
                            + " still waiting when the time limit came.")
                    .contains("The server sent nothing and did not close: most likely it waits for the client to"
                            + " speak first, as an HTTP server waits for a request such as \"GET / HTTP/1.1\", and"
                            + " a burst sends nothing.")
                    .doesNotContain("The server greeted")
                    .endsWith("\nStopped at the time limit (" + Durations.seconds(r.elapsed()) + ").");
            assertThat(r.firstFailure()).isEqualTo("No end of stream from 127.0.0.1:" + server.port()
                    + " within 1 second, nor a byte (is the server waiting for the client to speak first,"
                    + " as an HTTP server does? A burst sends nothing).");
        }
    }

    @Test
    void theCommandPrintsThePlanAndTheSummary() throws IOException, Exception {
        try (ServerFixture server = ServerFixture.greetAndClose()) {
            Terminal t = new Terminal();

            int exit = ClientCommand.runLoad(server.hostPort(), "burst", "200", "8", null, null, t.out, t.err);

            assertThat(exit).isZero();
            assertThat(t.out()).startsWith("Burst on 127.0.0.1:" + server.port()
                    + ": 200 connections, 8 at a time, at most 10.00 s.\n")
                    .contains("200 of 200 connections served");
            assertThat(t.err()).isEmpty();
        }
    }

    @Test
    void theServerModeDoesNotMatterForReset() throws Exception {
        try (ServerFixture server = ServerFixture.on(InetAddress.getLoopbackAddress(), Mode.CLOSE)) {
            LoadResult r = result(start(server, LoadMode.RESET, LoadOptions.defaults().withConnections(10)));
            assertThat(r.completed()).isEqualTo(10);
            await().atMost(WAIT).until(() -> server.server.stats().served() == 10);
        }
    }
}
