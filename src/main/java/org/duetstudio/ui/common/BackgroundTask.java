package org.duetstudio.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.slf4j.LoggerFactory;

/**
 * One piece of slow work and what to do with its outcome, in the style of JabRef's {@code BackgroundTask}:
 * the work runs on a worker thread of a {@link BackgroundTasks}; its callbacks (success, failure, stop,
 * progress, message) run where that executor puts them — on the FX thread in the window, at once in tests.
 * A task is started once; {@link #cancel()} asks the work to stop (it reads {@link Context#cancelled()})
 * and, once it has, the task reports stopped instead of its result.
 *
 * @param <T> the work's result
 */
public final class BackgroundTask<T> {
  /** The work itself; it may report progress and must check for a stop through {@code context}. */
  @FunctionalInterface
  public interface Work<T> {
    T call(Context context) throws Exception;
  }

  /** What running work may tell its task, and ask it. Called from the worker thread. */
  public interface Context {
    /** Progress in [0, 1]; an executor may pass on fewer updates than it is given. */
    void progress(double fraction);

    /** A line on what the work is doing now. */
    void message(String text);

    /** True once the task has been asked to stop. */
    boolean cancelled();

    /** Runs {@code update} where the task's callbacks run: for partial results. */
    void publish(Runnable update);
  }

  private final Work<T> work;
  private Consumer<T> onSuccess = r -> {};
  private Consumer<Throwable> onFailure =
      t -> LoggerFactory.getLogger(BackgroundTask.class).warn("background work failed", t);
  private Runnable onCancelled;
  private DoubleConsumer onProgress = p -> {};
  private Consumer<String> onMessage = m -> {};
  private Object lock;
  private volatile boolean cancelled;

  private BackgroundTask(Work<T> work) {
    this.work = Objects.requireNonNull(work);
  }

  /** Work that reports progress or checks for a stop. */
  public static <T> BackgroundTask<T> of(Work<T> work) {
    return new BackgroundTask<>(work);
  }

  /** Work that does neither. */
  public static <T> BackgroundTask<T> wrap(Callable<T> work) {
    return new BackgroundTask<>(c -> work.call());
  }

  public BackgroundTask<T> onSuccess(Consumer<T> c) {
    onSuccess = Objects.requireNonNull(c);
    return this;
  }

  public BackgroundTask<T> onFailure(Consumer<Throwable> c) {
    onFailure = Objects.requireNonNull(c);
    return this;
  }

  /**
   * Called instead of success or failure once a cancelled task has ended; without it, the failure callback
   * receives a {@link CancellationException}.
   */
  public BackgroundTask<T> onCancelled(Runnable r) {
    onCancelled = Objects.requireNonNull(r);
    return this;
  }

  public BackgroundTask<T> onProgress(DoubleConsumer c) {
    onProgress = Objects.requireNonNull(c);
    return this;
  }

  public BackgroundTask<T> onMessage(Consumer<String> c) {
    onMessage = Objects.requireNonNull(c);
    return this;
  }

  /** Asks the work to stop; it does at its next check. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  // ---- for the executors

  /** The work will hold {@code l} while it runs: one task at a time among those sharing it. */
  void serialiseOn(Object l) {
    lock = l;
  }

  /** Runs the work on the calling (worker) thread. */
  T call(Context context) throws Exception {
    if (lock == null) {
      return work.call(context);
    }
    synchronized (lock) {
      return work.call(context);
    }
  }

  void succeeded(T result) {
    if (cancelled) {
      stopped(new CancellationException("stopped"));
    } else {
      onSuccess.accept(result);
    }
  }

  void failed(Throwable t) {
    if (cancelled || t instanceof CancellationException) {
      stopped(t instanceof CancellationException c ? c : new CancellationException("stopped"));
    } else {
      onFailure.accept(t);
    }
  }

  private void stopped(CancellationException e) {
    if (onCancelled != null) {
      onCancelled.run();
    } else {
      onFailure.accept(e);
    }
  }

  void progressed(double fraction) {
    onProgress.accept(fraction);
  }

  void messaged(String text) {
    onMessage.accept(text);
  }
}
