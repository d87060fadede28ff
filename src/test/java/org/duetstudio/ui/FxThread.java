package org.duetstudio.ui;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * JavaFX's headless platform for tests that drive the view models as the window does (callbacks and
 * training events arrive on the FX thread): start it, run on it, wait for a condition read on it.
 */
final class FxThread {
  private FxThread() {}

  /** Starts the platform (once per JVM) and returns the list the FX thread's uncaught exceptions go to. */
  static List<Throwable> start() throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    try {
      Platform.startup(() -> started.complete(null));
    } catch (IllegalStateException alreadyRunning) {
      started.complete(null);
    }
    started.get(30, TimeUnit.SECONDS);
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    run(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e)));
    return errors;
  }

  static <T> T call(Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(c.call());
          } catch (Exception | Error e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(60, TimeUnit.SECONDS);
  }

  static void run(Runnable r) throws Exception {
    call(
        () -> {
          r.run();
          return null;
        });
  }

  /** Waits until {@code onFx} (read on the FX thread) holds; fails after {@code seconds}. */
  static void waitUntil(int seconds, BooleanSupplier onFx) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!call(onFx::getAsBoolean)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached in " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
