package io.socketmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutputPumpTest {

    @Test
    void linesArriveInOrderAndAFlushRequestWritesThemPromptly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (OutputPump pump = new OutputPump(out, err)) {
            pump.line("Listening on 127.0.0.1:8080 for connections");
            pump.requestFlush();
            await().atMost(Duration.ofSeconds(2)).until(() -> out.size() > 0);
            pump.line("Connected to ('127.0.0.1', 46930)");
            pump.errorLine("Accept failed");
        }
        String nl = System.lineSeparator();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Listening on 127.0.0.1:8080 for connections" + nl + "Connected to ('127.0.0.1', 46930)" + nl);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Accept failed" + nl);
    }

    @Test
    void aTerminalThatStopsReadingNeverBlocksTheWriterAndDroppedLinesAreCounted() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream stuck = new OutputStream() { // a paused pipe: every write waits
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    unblock.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                written.write(b, off, len);
            }
        };
        OutputPump pump = new OutputPump(stuck, new ByteArrayOutputStream());
        byte[] line = ("x".repeat(1023) + "\n").getBytes(StandardCharsets.US_ASCII);
        int lines = OutputPump.MAX_BUFFERED / line.length * 3;

        long started = System.nanoTime();
        for (int i = 0; i < lines; i++) {
            pump.requestFlush();
            pump.write(line, 0, line.length);
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(tookMillis).as("the server thread never waited on the terminal").isLessThan(5_000);
        unblock.countDown();
        pump.close();
        assertThat(written.toString(StandardCharsets.US_ASCII)).contains("lines not printed: the terminal did not keep up");
    }
}
