package org.duetstudio.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingListener;

/** Prints a run's progress: a line at the start, one per epoch, and one at the end. */
final class ConsoleProgress implements TrainingListener {
  private final String tag;
  private final PrintStream out;
  private int epochs;

  ConsoleProgress(String tag, PrintStream out) {
    this.tag = tag;
    this.out = out;
  }

  @Override
  public void onEvent(TrainingEvent event) {
    switch (event) {
      case TrainingEvent.Started s -> {
        epochs = s.epochs();
        print(
            String.format(
                Locale.ROOT,
                "training %s on %,d images for %d epoch%s",
                s.modelName(),
                s.trainImages(),
                s.epochs(),
                s.epochs() == 1 ? "" : "s"));
      }
      case TrainingEvent.EpochDone e ->
          print(
              String.format(
                  Locale.ROOT,
                  "epoch %d/%d  %s  (%.1f s, %,.0f img/s)",
                  e.epoch(),
                  epochs,
                  describe(e.metrics()),
                  e.elapsedSeconds(),
                  e.imagesSeen() / Math.max(1e-9, e.elapsedSeconds())));
      case TrainingEvent.Finished f ->
          print(
              String.format(
                  Locale.ROOT,
                  "%s after %d epoch%s in %.1f s",
                  f.cancelled() ? "cancelled" : "done",
                  f.epochsCompleted(),
                  f.epochsCompleted() == 1 ? "" : "s",
                  f.elapsedSeconds()));
      case TrainingEvent.Failed f -> print("FAILED: " + f.message());
      default -> {}
    }
  }

  static String describe(Map<String, Double> metrics) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Double> e : new TreeMap<>(metrics).entrySet()) {
      String k = e.getKey();
      double v = e.getValue();
      if (!sb.isEmpty()) {
        sb.append("  ");
      }
      if (k.endsWith("accuracy")) {
        sb.append(String.format(Locale.ROOT, "%s %.1f%%", k.replace('_', ' '), 100 * v));
      } else {
        sb.append(String.format(Locale.ROOT, "%s %.4g", k.replace('_', ' '), v));
      }
    }
    return sb.toString();
  }

  private synchronized void print(String line) {
    out.println("[" + tag + "] " + line);
    out.flush();
  }
}
