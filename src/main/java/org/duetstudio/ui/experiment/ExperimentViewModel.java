package org.duetstudio.ui.experiment;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.experiment.ExperimentMonitor;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.ui.common.BackgroundTask;
import org.duetstudio.ui.common.BackgroundTasks;

/**
 * One experiment in the window: runs it in the background, shows which point is training and the time
 * left, can be stopped, and keeps the result table.
 */
public final class ExperimentViewModel {
  private final String name;
  private final BackgroundTasks tasks;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<ExperimentResult> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ExperimentResult> partial = new ReadOnlyObjectWrapper<>();
  private BackgroundTask<ExperimentResult> task;

  public ExperimentViewModel(String name, BackgroundTasks tasks) {
    this.name = name;
    this.tasks = tasks;
  }

  public String name() {
    return name;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Which point is training and the time left; or how the last run ended. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ExperimentResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** The points measured so far while a run is under way (its conclusion says so); null otherwise. */
  public ReadOnlyObjectProperty<ExperimentResult> partialProperty() {
    return partial.getReadOnlyProperty();
  }

  /** Reports a reason the experiment cannot start (e.g. no data yet). */
  public void refuse(String why) {
    status.set(why);
  }

  /** Runs {@code experiment} (given a monitor) on a background thread; ignored while one runs. */
  public void run(Function<ExperimentMonitor, ExperimentResult> experiment) {
    if (running.get()) {
      return;
    }
    running.set(true);
    progress.set(0);
    status.set("Starting…");
    task = BackgroundTask.of(context -> experiment.apply(monitor(context)));
    tasks.run(
        task.onSuccess(
                r -> {
                  running.set(false);
                  partial.set(null);
                  progress.set(1);
                  status.set(String.format(Locale.ROOT, "Done in %s.", duration(r.seconds())));
                  result.set(r);
                })
            .onFailure(
                t -> {
                  running.set(false);
                  partial.set(null);
                  progress.set(0);
                  status.set(
                      t instanceof CancellationException
                          ? "Stopped; the last complete result stays."
                          : "The experiment failed: " + t.getMessage());
                }));
  }

  /** Tells the window, at most 5 times a second, which point trains and what has been measured. */
  private ExperimentMonitor monitor(BackgroundTask.Context context) {
    long start = System.nanoTime();
    return new ExperimentMonitor() {
      private volatile String point = "";
      private volatile double fraction;
      private volatile long lastShown;

      @Override
      public void point(int index, int total, String what) {
        point = String.format(Locale.ROOT, "Point %d of %d: %s", index + 1, total, what);
        show(true);
      }

      @Override
      public void progress(double f) {
        fraction = f;
        show(false);
      }

      /** At most 5 updates a second reach the FX thread. */
      private void show(boolean now) {
        long t = System.nanoTime();
        if (!now && t - lastShown < 200_000_000L) {
          return;
        }
        lastShown = t;
        double elapsed = (t - start) / 1e9;
        double f = fraction;
        String left =
            f > 0.03
                ? String.format(Locale.ROOT, " — about %s left", duration(elapsed / f * (1 - f)))
                : "";
        String text = point + left;
        context.publish(
            () -> {
              if (running.get()) {
                progress.set(f);
                status.set(text);
              }
            });
      }

      @Override
      public void measured(List<String> series, List<ExperimentResult.Row> rows) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        ExperimentResult soFar =
            new ExperimentResult(
                "", "", series, rows, "Measuring… " + rows.size() + " point(s) so far.", elapsed);
        context.publish(
            () -> {
              if (running.get()) {
                partial.set(soFar);
              }
            });
      }

      @Override
      public boolean cancelled() {
        return context.cancelled();
      }
    };
  }

  public void cancel() {
    if (task != null) {
      task.cancel();
    }
  }

  static String duration(double seconds) {
    if (seconds < 90) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    return String.format(Locale.ROOT, "%.0f min", seconds / 60);
  }
}
