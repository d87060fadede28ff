package org.duetstudio.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.store.AtomicFiles;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.studio.RunFolder;
import org.duetstudio.core.studio.RunPair;

/**
 * What a finished pair adds to its run folder: {@code metrics.json} in its final form, every figure as
 * PNG, the judge's findings as JSON, {@code confusion.txt} and {@code report.html} — the same page the
 * window's Report… writes.
 */
public final class RunFiles {
  private RunFiles() {}

  public static void write(Path dir, RunPair pair) throws IOException {
    Json.writeFile(dir.resolve(RunFolder.METRICS), pair.metrics());
    for (RunFigures.Figure f : RunFigures.of(pair)) {
      AtomicFiles.write(dir.resolve(f.file()), out -> out.write(f.png()));
    }
    if (pair.findings() != null) {
      for (Map.Entry<String, Object> e : FindingsJson.of(pair.findings()).entrySet()) {
        Json.writeFile(dir.resolve(e.getKey()), e.getValue());
      }
    }
    Predictions p = pair.classifier() == null ? null : pair.classifier().lastPredictions();
    if (p != null) {
      AtomicFiles.writeString(
          dir.resolve("confusion.txt"),
          String.format(Locale.ROOT, "test accuracy %.2f%%%n%n", 100 * p.accuracy())
              + p.confusionMatrix().toTable());
    }
    RunReport.write(pair, dir.resolve("report.html"));
  }
}
