package org.duetstudio.ui.common;

import javafx.application.Platform;

/**
 * Where a view model's updates from a worker thread go: the window posts them to the FX thread; view-model
 * tests run them at once on the calling thread.
 */
@FunctionalInterface
public interface UiThread {
  /** Runs {@code update} on the UI thread (soon, in order). */
  void post(Runnable update);

  /** The FX thread, through {@code Platform.runLater}. */
  static UiThread fx() {
    return Platform::runLater;
  }

  /** At once, on the caller's thread. */
  static UiThread sameThread() {
    return Runnable::run;
  }
}
