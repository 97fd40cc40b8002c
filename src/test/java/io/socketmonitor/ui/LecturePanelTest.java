package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketmonitor.server.CloseReason;
import io.socketmonitor.server.PeerSnapshot;
import io.socketmonitor.server.ServerConfig;
import io.socketmonitor.server.ServerEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** The lecture view follows the latest connection, however many a batch holds. */
@GuiTest
class LecturePanelTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    private static PeerSnapshot peer(long id, CloseReason reason) {
        return new PeerSnapshot(id, new InetSocketAddress("127.0.0.1", 40000 + (int) id), LOCAL, T, 0, 18,
                reason, reason == null ? null : T, "");
    }

    /** One greet-and-close connection, as the server reports it. */
    private static void connection(List<ServerEvent> batch, long id) {
        batch.add(new ServerEvent.Connected(T, peer(id, null)));
        batch.add(new ServerEvent.Sent(T, id, 18));
        batch.add(new ServerEvent.Closed(T, peer(id, CloseReason.AFTER_GREETING)));
    }

    @Test
    void aBatchOfManyConnectionsShowsTheLastOneWithEveryStepLit() {
        LecturePanel lecture = GuiActionRunner.execute(LecturePanel::new);
        List<ServerEvent> batch = new ArrayList<>();
        batch.add(new ServerEvent.Listening(T, LOCAL, ServerConfig.defaults()));
        for (long id = 1; id <= 500; id++) {
            connection(batch, id);
        }
        GuiActionRunner.execute(() -> lecture.onEvents(batch));

        assertThat(GuiActionRunner.execute(lecture::latestText))
                .isEqualTo("Latest connection: #500 from ('127.0.0.1', 40500)");
        assertThat(GuiActionRunner.execute(() -> lecture.codeText(LecturePanel.Step.ACCEPT)))
                .isEqualTo("conn, addr = s.accept()   # addr = ('127.0.0.1', 40500)");
        assertThat(GuiActionRunner.execute(() -> lecture.codeText(LecturePanel.Step.SEND)))
                .isEqualTo("conn.sendall(\u2026)   # 18 bytes");
        assertThat(GuiActionRunner.execute(() -> lecture.codeText(LecturePanel.Step.CLOSE)))
                .isEqualTo("conn.close()   # " + CloseReason.AFTER_GREETING.text());
        for (LecturePanel.Step s : LecturePanel.Step.values()) {
            boolean expected = s != LecturePanel.Step.RECEIVE;
            assertThat(GuiActionRunner.execute(() -> lecture.isLit(s))).as(s.name()).isEqualTo(expected);
        }
    }

    @Test
    void aConnectionStillOpenAtTheEndOfABatchShowsSendAndCloseDark() {
        LecturePanel lecture = GuiActionRunner.execute(LecturePanel::new);
        List<ServerEvent> first = new ArrayList<>();
        first.add(new ServerEvent.Listening(T, LOCAL, ServerConfig.defaults()));
        connection(first, 1);
        GuiActionRunner.execute(() -> lecture.onEvents(first));
        GuiActionRunner.execute(() -> lecture.onEvents(List.of(new ServerEvent.Connected(T, peer(2, null)))));

        assertThat(GuiActionRunner.execute(lecture::latestText)).isEqualTo("Latest connection: #2 from ('127.0.0.1', 40002)");
        assertThat(GuiActionRunner.execute(() -> lecture.codeText(LecturePanel.Step.CLOSE))).isEqualTo("conn.close()");
        assertThat(GuiActionRunner.execute(() -> lecture.isLit(LecturePanel.Step.SEND))).isFalse();
        assertThat(GuiActionRunner.execute(() -> lecture.isLit(LecturePanel.Step.CLOSE))).isFalse();

        GuiActionRunner.execute(() -> lecture.onEvents(List.of(new ServerEvent.Stopped(T, null))));
        assertThat(GuiActionRunner.execute(lecture::latestText)).isEqualTo("The server is stopped: s.close()");
        assertThat(GuiActionRunner.execute(() -> lecture.isLit(LecturePanel.Step.ACCEPT))).isFalse();
    }
}
