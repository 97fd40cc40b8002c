package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

/** A window remembered on a larger screen, or at a smaller scale, comes back whole on this one. */
class WindowGeometryTest {
    private static final Rectangle SCREEN = new Rectangle(0, 0, 800, 500); // 1600 x 1000 at 200 %

    @Test
    void aWindowLargerThanTheScreenIsShrunkToIt() {
        assertThat(WindowGeometry.fit(new Rectangle(100, 50, 1400, 900), SCREEN)).isEqualTo(SCREEN);
    }

    @Test
    void aWindowStickingOutIsMovedInWithoutShrinking() {
        assertThat(WindowGeometry.fit(new Rectangle(600, 400, 500, 300), SCREEN))
                .isEqualTo(new Rectangle(300, 200, 500, 300));
        assertThat(WindowGeometry.fit(new Rectangle(-50, -20, 500, 300), SCREEN))
                .isEqualTo(new Rectangle(0, 0, 500, 300));
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        Rectangle r = new Rectangle(20, 30, 700, 400);
        assertThat(WindowGeometry.fit(r, SCREEN)).isEqualTo(r);
    }

    @Test
    void aSecondScreenKeepsItsOrigin() {
        Rectangle right = new Rectangle(1920, 0, 1280, 1024);
        assertThat(WindowGeometry.fit(new Rectangle(1900, 10, 1300, 1100), right))
                .isEqualTo(new Rectangle(1920, 0, 1280, 1024));
    }
}
