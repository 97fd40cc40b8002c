package io.socketmonitor.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A GUI test: runs on Cacio's in-memory toolkit (what {@code @CacioTest} installs) unless
 * {@code -Dgui.real.display=true}, when it uses the real X display (e.g. under Xvfb).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("gui")
@ExtendWith(GuiToolkitExtension.class)
public @interface GuiTest {}
