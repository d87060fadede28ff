package org.duetstudio.ui.experiment;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.core.experiment.ExperimentMonitor;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.ui.common.UiThread;

/**
 * An experiment's progress for the window: the point and the time left (at most 5 times a second, each
 * new point at once) and the rows measured so far, posted to the UI thread.
 */
final class ExperimentProgress implements ExperimentMonitor {
  private final Experiment experiment;
  private final UiThread ui;
  private final BiConsumer<Double, String> shown;
  private final Consumer<ExperimentResult> measured;
  private final BooleanSupplier cancelled;
  private final long start = System.nanoTime();
  private volatile String point = "";
  private volatile double fraction;
  private volatile long lastShown;

  /**
   * @param shown given the fraction done and a status line, on the UI thread
   * @param measured given the points so far as a result (its conclusion says it is under way), on the UI
   *     thread
   * @param cancelled whether to stop
   */
  ExperimentProgress(
      Experiment experiment,
      UiThread ui,
      BiConsumer<Double, String> shown,
      Consumer<ExperimentResult> measured,
      BooleanSupplier cancelled) {
    this.experiment = experiment;
    this.ui = ui;
    this.shown = shown;
    this.measured = measured;
    this.cancelled = cancelled;
  }

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

  private void show(boolean now) {
    long t = System.nanoTime();
    if (!now && t - lastShown < 200_000_000L) {
      return;
    }
    lastShown = t;
    double f = fraction;
    double elapsed = (t - start) / 1e9;
    String left =
        f > 0.03 ? String.format(Locale.ROOT, " — about %s left", duration(elapsed / f * (1 - f))) : "";
    String text = point + left;
    ui.post(() -> shown.accept(f, text));
  }

  @Override
  public void measured(List<String> series, List<ExperimentResult.Row> rows) {
    ExperimentResult soFar =
        new ExperimentResult(
            experiment.title(),
            experiment.xLabel(),
            series,
            rows,
            "Measuring… " + rows.size() + " point(s) so far.",
            (System.nanoTime() - start) / 1e9);
    ui.post(() -> measured.accept(soFar));
  }

  @Override
  public boolean cancelled() {
    return cancelled.getAsBoolean();
  }

  static String duration(double seconds) {
    if (seconds < 90) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    return String.format(Locale.ROOT, "%.0f min", seconds / 60);
  }
}
