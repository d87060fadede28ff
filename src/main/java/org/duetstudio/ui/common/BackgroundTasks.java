package org.duetstudio.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The one way slow work (loading data, native libraries, work on trained models, writing files) leaves the
 * JavaFX thread and its outcome comes back to it. The window uses a {@link FxTaskExecutor} (a few daemon
 * threads, callbacks posted to the FX thread); view-model tests use {@link #sameThread()}, which runs
 * everything at once on the caller's thread. View models know only this interface.
 */
public interface BackgroundTasks extends AutoCloseable {
  /** Starts {@code task}; its callbacks run where this executor puts them. */
  <T> void run(BackgroundTask<T> task);

  /**
   * Closes {@code resource} (a model's native memory) as work on this executor, after what was queued
   * before; a failure is logged, there is nobody to tell.
   */
  default void closeLater(AutoCloseable resource) {
    run(
        () -> {
          resource.close();
          return resource;
        },
        r -> {},
        t -> LoggerFactory.getLogger(BackgroundTasks.class).warn("closing {} failed", resource, t));
  }

  /** Work without progress or stop, and its two outcomes. */
  default <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    run(BackgroundTask.wrap(work).onSuccess(onSuccess).onFailure(onFailure));
  }

  /**
   * The lane for work on trained models, which are not safe to use from two threads at once (SameDiff
   * graphs): its tasks run one at a time, in order. The same lane each call.
   */
  default BackgroundTasks oneAtATime() {
    BackgroundTasks inner = this;
    Object lock = new Object();
    return new BackgroundTasks() {
      @Override
      public <T> void run(BackgroundTask<T> task) {
        task.serialiseOn(lock);
        inner.run(task);
      }

      @Override
      public BackgroundTasks oneAtATime() {
        return this;
      }
    };
  }

  /** Stops taking work; what is under way ends on its own. Nothing to do for most executors. */
  @Override
  default void close() {}

  /**
   * After {@link #close()}: waits up to {@code timeoutMillis} for the work taken before to end; true when
   * it has. Executors that run work at once have none left.
   */
  default boolean awaitTermination(long timeoutMillis) {
    return true;
  }

  /** Everything now, on this thread. */
  static BackgroundTasks sameThread() {
    return new SameThreadTasks();
  }
}
