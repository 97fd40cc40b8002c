package io.socketmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.Mode;
import io.socketmonitor.server.MonitorServer;
import io.socketmonitor.server.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load client out of descriptors: a hold run of 400 connections in a child JVM under
 * {@code prlimit --nofile=256}. It used to die with "ExceptionInInitializerError" and no summary;
 * now the connections it could not open are failures with their cause, and the summary says what
 * to do. Heavy (a child JVM): runs with -Pfaults.
 */
@Tag("heavy")
class LoadClientEmfileTest {
    @Test
    void connectionsPastTheDescriptorLimitAreCountedAsFailuresAndTheSummaryNamesTheLimit() throws Exception {
        Path prlimit = Files.isExecutable(Path.of("/usr/bin/prlimit")) ? Path.of("/usr/bin/prlimit") : Path.of("/bin/prlimit");
        assertThat(Files.isExecutable(prlimit)).as("prlimit (util-linux) is needed for this test").isTrue();
        try (MonitorServer server = new MonitorServer(ServerConfig.defaults().withPort(0).withMode(Mode.KEEP_OPEN))) {
            InetSocketAddress a = server.start();
            try (ChildJvm client = ChildJvm.start(List.of(prlimit.toString(), "--nofile=256:256", "--"), List.of(),
                    "--connect", "127.0.0.1:" + a.getPort(), "--load", "hold", "--connections", "400",
                    "--duration", "1")) {
                assertThat(client.process.waitFor(30, TimeUnit.SECONDS)).as("the run ends").isTrue();

                assertThat(client.err()).doesNotContain("Error").doesNotContain("Exception");
                assertThat(client.out()).contains("of 400 connections opened")
                        .contains("out of file descriptors")
                        .contains("This process ran out of file descriptors: ask for fewer connections at a time,"
                                + " or raise the limit (ulimit -n).");
                assertThat(client.process.exitValue()).as("not everything asked for happened").isEqualTo(1);
            }
        }
    }
}
