package org.duetstudio.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (loading data, native libraries) off the JavaFX thread and hands the result back on
 * it. The window uses {@link #fx()}; view-model tests use {@link #sameThread()}, which runs everything at
 * once on the caller's thread.
 */
public interface BackgroundTasks {
  <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /**
   * The same, one piece of work at a time: for work on trained models, which are not safe to use from two
   * threads at once (the judge's measures, the drawing pad, k-means on latent codes).
   */
  default BackgroundTasks oneAtATime() {
    BackgroundTasks inner = this;
    Object lock = new Object();
    return new BackgroundTasks() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        inner.run(
            () -> {
              synchronized (lock) {
                return work.call();
              }
            },
            onSuccess,
            onFailure);
      }
    };
  }

  /** Work on a daemon thread, callbacks on the FX thread (one {@code runLater} per task). */
  static BackgroundTasks fx() {
    return new BackgroundTasks() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    T result = work.call();
                    javafx.application.Platform.runLater(() -> onSuccess.accept(result));
                  } catch (Exception | Error e) {
                    javafx.application.Platform.runLater(() -> onFailure.accept(e));
                  }
                },
                "duet-background");
        t.setDaemon(true);
        t.start();
      }
    };
  }

  /** Everything now, on this thread. */
  static BackgroundTasks sameThread() {
    return new BackgroundTasks() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
          result = work.call();
        } catch (Exception | Error e) {
          onFailure.accept(e);
          return;
        }
        onSuccess.accept(result);
      }
    };
  }
}
