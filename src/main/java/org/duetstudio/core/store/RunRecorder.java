package org.duetstudio.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.duetstudio.core.eval.ConfusionMatrix;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingListener;

/**
 * Keeps a run's curve and per-epoch metrics as they arrive, and writes them out: JSON (everything, with
 * the final confusion matrix and per-class measures) and CSV (one row per epoch, one row per step).
 * Thread-safe: events arrive on the run's thread, writing happens on the caller's.
 */
public final class RunRecorder implements TrainingListener {
  private final String model;
  private final List<TrainingEvent.IterationDone> steps = new ArrayList<>();
  private final List<TrainingEvent.EpochDone> epochs = new ArrayList<>();
  private TrainingEvent terminal;

  public RunRecorder(String model) {
    this.model = model;
  }

  @Override
  public synchronized void onEvent(TrainingEvent event) {
    switch (event) {
      case TrainingEvent.IterationDone it -> steps.add(it);
      case TrainingEvent.EpochDone ep -> epochs.add(ep);
      case TrainingEvent.Finished f -> terminal = f;
      case TrainingEvent.Failed f -> terminal = f;
      default -> {}
    }
  }

  public synchronized List<TrainingEvent.EpochDone> epochs() {
    return List.copyOf(epochs);
  }

  public synchronized List<TrainingEvent.IterationDone> steps() {
    return List.copyOf(steps);
  }

  /** The last epoch's test predictions, if any. */
  public synchronized Predictions lastPredictions() {
    for (int i = epochs.size() - 1; i >= 0; i--) {
      if (epochs.get(i).predictions() != null) {
        return epochs.get(i).predictions();
      }
    }
    return null;
  }

  /** The JSON-ready summary: per-epoch metrics, outcome, and for classifiers the per-class report. */
  public synchronized Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put(
        "outcome",
        switch (terminal) {
          case null -> "running";
          case TrainingEvent.Finished f -> f.cancelled() ? "cancelled" : "completed";
          case TrainingEvent.Failed f -> "failed: " + f.message();
          default -> "unknown";
        });
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TrainingEvent.EpochDone e : epochs) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("epoch", e.epoch());
      r.put("elapsed_s", round(e.elapsedSeconds()));
      r.put("images_seen", e.imagesSeen());
      new TreeMap<>(e.metrics()).forEach(r::put);
      rows.add(r);
    }
    m.put("epochs", rows);
    Predictions p = lastPredictions();
    if (p != null) {
      ConfusionMatrix cm = p.confusionMatrix();
      m.put("test_accuracy", cm.accuracy());
      m.put("macro_f1", cm.macroF1());
      List<Map<String, Object>> perClass = new ArrayList<>();
      for (int c = 0; c < cm.numClasses(); c++) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("class", cm.classNames().get(c));
        r.put("support", cm.support(c));
        r.put("precision", cm.precision(c));
        r.put("recall", cm.recall(c));
        r.put("f1", cm.f1(c));
        perClass.add(r);
      }
      m.put("per_class", perClass);
      int[][] counts = new int[cm.numClasses()][cm.numClasses()];
      for (int a = 0; a < counts.length; a++) {
        for (int b = 0; b < counts.length; b++) {
          counts[a][b] = cm.count(a, b);
        }
      }
      m.put("confusion_matrix", counts);
      m.put("class_names", cm.classNames());
    }
    return m;
  }

  /** One row per epoch: model, epoch, elapsed_s, images_seen, then the metrics in name order. */
  public synchronized String epochsCsv(boolean header) {
    List<String> names =
        epochs.isEmpty() ? List.of() : new ArrayList<>(new TreeMap<>(epochs.get(0).metrics()).keySet());
    StringBuilder sb = new StringBuilder();
    if (header) {
      sb.append("model,epoch,elapsed_s,images_seen");
      names.forEach(n -> sb.append(',').append(n));
      sb.append('\n');
    }
    for (TrainingEvent.EpochDone e : epochs) {
      sb.append(csv(model)).append(',').append(e.epoch()).append(',').append(num(e.elapsedSeconds()))
          .append(',').append(e.imagesSeen());
      for (String n : names) {
        sb.append(',').append(num(e.metrics().getOrDefault(n, Double.NaN)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** One row per step: model, iteration, epoch, elapsed_s, images_seen, then the losses in name order. */
  public synchronized String stepsCsv() {
    List<String> names =
        steps.isEmpty() ? List.of() : new ArrayList<>(new TreeMap<>(steps.get(0).losses()).keySet());
    StringBuilder sb = new StringBuilder("model,iteration,epoch,elapsed_s,images_seen");
    names.forEach(n -> sb.append(',').append(n));
    sb.append('\n');
    for (TrainingEvent.IterationDone s : steps) {
      sb.append(csv(model)).append(',').append(s.iteration()).append(',').append(s.epoch())
          .append(',').append(num(s.elapsedSeconds())).append(',').append(s.imagesSeen());
      for (String n : names) {
        sb.append(',').append(num(s.losses().getOrDefault(n, Double.NaN)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Writes {@code <prefix>-epochs.csv} and {@code <prefix>-steps.csv} into {@code dir}. */
  public void writeCsv(Path dir, String prefix) throws IOException {
    AtomicFiles.writeString(dir.resolve(prefix + "-epochs.csv"), epochsCsv(true));
    AtomicFiles.writeString(dir.resolve(prefix + "-steps.csv"), stepsCsv());
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
