package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.store.SessionFile;
import org.duetstudio.core.studio.RecordedData;
import org.duetstudio.core.studio.RunComparison;
import org.duetstudio.core.studio.RunFolder;
import org.duetstudio.core.studio.Sessions;

/** {@code train --resume DIR} and {@code train --rerun DIR|FILE.duet}: recorded runs again. */
final class RecordedRunCommands {
  private final RunPipeline run;
  private final PrintStream out;

  RecordedRunCommands(RunPipeline run) {
    this.run = run;
    this.out = run.out();
  }

  /** {@code train --resume DIR}: each side of DIR's run from its last checkpoint, into DIR. */
  int resume(Path dir) throws IOException, DatasetException {
    RunFolder.Recorded r = read(dir);
    TrainTestData data = RecordedData.load(r.data(), new DatasetLocator()).used();
    List<RunFolder.Recorded.Side> sides =
        Stream.of(r.classifier(), r.generator()).filter(Objects::nonNull).toList();
    for (RunFolder.Recorded.Side s : sides) {
      out.println(
          s.role().id() + ": "
              + (s.ended()
                  ? "ended before the interruption; kept as it is"
                  : s.resume() == null
                      ? "no epoch finished before the interruption; it starts again"
                      : "goes on after epoch " + s.resume().epochsDone()));
    }
    return run.train(data, dir, 0, null, t -> {
      for (RunFolder.Recorded.Side s : sides) {
        t.resume(s);
      }
    });
  }

  /** {@code train --rerun DIR|FILE.duet}: the same specs, seeds and data again, then the comparison. */
  int rerun(Path from, Path outDir) throws IOException, DatasetException {
    boolean session = Files.isRegularFile(from);
    String base = from.getFileName().toString().replaceAll("\\.duet$", "");
    Path dir =
        outDir != null
            ? outDir
            : Path.of(session ? "runs/" + base + "-rerun" : from.toString().replaceAll("/+$", "") + "-rerun");
    Object before;
    TrainTestData data;
    ClassifierSpec cSpec;
    GeneratorSpec gSpec;
    if (session) {
      SessionFile s = SessionFile.load(from);
      data = RecordedData.load(s.data(), new DatasetLocator()).used();
      cSpec = s.classifier() == null ? null : s.classifier().spec();
      gSpec = s.generator() == null ? null : s.generator().spec();
      before = Sessions.recordedMetrics(s);
    } else {
      RunFolder.Recorded r = read(from);
      data = RecordedData.load(r.data(), new DatasetLocator()).used();
      cSpec = r.classifier() == null ? null : r.classifier().classifierSpec();
      gSpec = r.generator() == null ? null : r.generator().generatorSpec();
      Path metrics = from.resolve(RunFolder.METRICS);
      before = Files.exists(metrics) ? Json.readFile(metrics, Object.class) : null;
    }
    if (cSpec == null && gSpec == null) {
      throw new UsageException(from + " holds no trained model to rerun");
    }
    out.println("rerunning " + (session ? "the session " : "") + from + " → " + dir);
    int rc = run.train(data, dir, 0, null, t -> {
      if (cSpec != null) {
        t.start(cSpec);
      }
      if (gSpec != null) {
        t.start(gSpec);
      }
    });
    if (before == null) {
      return rc;
    }
    List<String> diffs =
        RunComparison.differences(before, Json.readFile(dir.resolve(RunFolder.METRICS), Object.class));
    if (diffs.isEmpty()) {
      out.println(
          "same numbers: every value "
              + (session ? "the session recorded" : "in metrics.json")
              + " came out the same");
      return rc;
    }
    out.println("numbers differ from the original run in " + diffs.size() + " places, e.g.:");
    diffs.stream().limit(10).forEach(d -> out.println("  " + d));
    return rc == 0 ? 1 : rc;
  }

  /** A run folder, or the reason it is none as a usage error. */
  private static RunFolder.Recorded read(Path dir) throws IOException {
    if (!Files.isDirectory(dir) || !RunFolder.Recorded.isRunFolder(dir)) {
      throw new UsageException(
          dir + " has no provenance-*.json: is it a run folder written by 'train'?");
    }
    return RunFolder.Recorded.read(dir);
  }
}
