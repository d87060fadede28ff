package org.duetstudio.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.LoggerFactory;

/**
 * The window's {@link BackgroundTasks}, in the style of JabRef's {@code UiTaskExecutor}: a small pool of
 * daemon threads for any work and one more thread for the {@linkplain #oneAtATime() lane} of work on
 * trained models; every callback is posted to the FX thread with {@link Platform#runLater}, progress only
 * per whole percent. {@link #close()} (from {@code AppContext.close()}) stops taking work.
 */
public final class FxTaskExecutor implements BackgroundTasks {
  /** Progress steps smaller than this do not reach the FX thread (the end always does). */
  static final double PROGRESS_STEP = 0.01;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService pool;
  private final ExecutorService lane;
  private final BackgroundTasks laneView;

  /** Three threads for any work, one for the lane. */
  public FxTaskExecutor() {
    this(3);
  }

  public FxTaskExecutor(int threads) {
    this.pool = Executors.newFixedThreadPool(threads, daemons("duet-background"));
    this.lane = Executors.newSingleThreadExecutor(daemons("duet-models"));
    this.laneView =
        new BackgroundTasks() {
          @Override
          public <T> void run(BackgroundTask<T> task) {
            submit(lane, task);
          }

          @Override
          public BackgroundTasks oneAtATime() {
            return this;
          }
        };
  }

  private static ThreadFactory daemons(String name) {
    return r -> {
      Thread t = new Thread(r, name + "-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public <T> void run(BackgroundTask<T> task) {
    submit(pool, task);
  }

  /** The single thread for work on trained models: its tasks run one at a time, in order. */
  @Override
  public BackgroundTasks oneAtATime() {
    return laneView;
  }

  private <T> void submit(ExecutorService on, BackgroundTask<T> task) {
    BackgroundTask.Context context = new FxContext(task);
    try {
      on.execute(
          () -> {
            try {
              T result = task.call(context);
              Platform.runLater(() -> task.succeeded(result));
            } catch (Exception | Error e) {
              Platform.runLater(() -> task.failed(e));
            }
          });
    } catch (RejectedExecutionException e) {
      // closed: the window is going away, nobody waits for the answer
      LoggerFactory.getLogger(FxTaskExecutor.class).debug("work after close ignored");
    }
  }

  /** Stops taking work; work under way runs to its end on its daemon thread. */
  @Override
  public void close() {
    pool.shutdown();
    lane.shutdown();
  }

  /** Waits for the work taken before {@link #close()} (a session being saved) to end. */
  @Override
  public boolean awaitTermination(long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try {
      return lane.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)
          && pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Reports of one task, from its worker thread to the FX thread. */
  private static final class FxContext implements BackgroundTask.Context {
    private final BackgroundTask<?> task;
    private double posted = -1;

    FxContext(BackgroundTask<?> task) {
      this.task = task;
    }

    @Override
    public void progress(double fraction) {
      if (fraction < 1 && Math.abs(fraction - posted) < PROGRESS_STEP) {
        return;
      }
      posted = fraction;
      Platform.runLater(() -> task.progressed(fraction));
    }

    @Override
    public void message(String text) {
      Platform.runLater(() -> task.messaged(text));
    }

    @Override
    public boolean cancelled() {
      return task.isCancelled();
    }

    @Override
    public void publish(Runnable update) {
      Platform.runLater(update);
    }
  }
}
