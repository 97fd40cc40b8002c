package io.socketmonitor.client;

/** Hears a load run's progress on the run's thread, about ten times a second and once at the end. */
@FunctionalInterface
public interface LoadListener {
    void onProgress(LoadProgress progress);

    LoadListener NONE = p -> { };
}
