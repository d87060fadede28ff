package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.core.experiment.ExperimentInput;
import org.duetstudio.core.experiment.ExperimentMonitor;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.core.experiment.ExperimentRun;
import org.duetstudio.core.experiment.ExperimentSettings;
import org.duetstudio.core.experiment.Setting;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.report.ExperimentReport;
import org.duetstudio.core.store.Json;

/**
 * {@code experiment}: runs one of the studio's experiments ({@link Experiment}) without a window and
 * writes its table, its result as JSON, and its report.
 */
final class ExperimentCommand {
  static final String HELP = help();

  private final PrintStream out;

  ExperimentCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> argv) throws IOException, DatasetException {
    if (argv.isEmpty() || argv.get(0).startsWith("--")) {
      throw new Args.UsageException("name an experiment: " + Experiment.ids());
    }
    Experiment experiment = Experiment.fromId(argv.get(0));
    Args a = new Args(argv.subList(1, argv.size()), Set.of());
    String dataSpec = a.string("data", "sample");
    Path dir = Path.of(a.string("out", "runs/experiment-" + experiment.id()));
    Map<String, String> given = new LinkedHashMap<>();
    for (Setting s : experiment.settings()) {
      given.put(s.key(), a.string(s.key(), null));
    }
    a.rejectUnknown();
    ExperimentSettings settings = experiment.parse(given);
    TrainTestData data = new DatasetLocator().resolve(dataSpec).load().data();
    out.println("back-end: " + Nd4jRuntime.ensureLoaded());
    ExperimentRun run = ExperimentRun.run(experiment, ExperimentInput.of(data), settings, new Monitor(out));
    ExperimentResult r = run.result();
    out.println();
    out.println(r.title());
    out.print(r.toTable());
    out.println(r.conclusion());
    out.printf(Locale.ROOT, "(%.0f s)%n", r.seconds());
    write(run, dir);
    out.println("results written to " + dir.toAbsolutePath());
    return 0;
  }

  /** Writes NAME.csv, NAME.json and NAME.html of {@code run} to {@code dir}. */
  static void write(ExperimentRun run, Path dir) throws IOException {
    String name = run.experiment().id();
    Files.createDirectories(dir);
    ExperimentReport.writeCsv(run, dir.resolve(name + ".csv"));
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("experiment", name);
    j.put("settings", run.settings().values());
    j.put("result", run.result());
    j.put("data", run.input().data().train().fingerprint());
    j.put("seed", run.settings().seed());
    Json.writeFile(dir.resolve(name + ".json"), j);
    ExperimentReport.writeHtml(run, dir.resolve(name + ".html"));
  }

  /** The help text, one block per experiment of the registry. */
  private static String help() {
    String experiments =
        Arrays.stream(Experiment.values())
            .map(
                e ->
                    String.format(
                        Locale.ROOT, "  %s — %s%n%s%n", e.id(), e.title(), e.optionsHelp("      ")))
            .collect(Collectors.joining("\n"));
    return "duet experiment NAME [--data DATA] [options] [--out DIR]\n\n"
        + experiments
        + "\n  --data DATA  sample | full | a path (default sample)\n"
        + "  --out DIR    (default runs/experiment-NAME)\n\n"
        + "Prints which point is training and the time left, then the table and what it says; writes\n"
        + "NAME.csv, NAME.json and NAME.html (a report that opens in a browser with no network) to DIR.\n";
  }

  /** Prints each point as it starts, with the estimated time left. */
  private static final class Monitor implements ExperimentMonitor {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private volatile double fraction;

    Monitor(PrintStream out) {
      this.out = out;
    }

    @Override
    public void point(int index, int total, String what) {
      double elapsed = (System.nanoTime() - start) / 1e9;
      String left =
          fraction > 0.02
              ? String.format(Locale.ROOT, ", about %.0f s left", elapsed / fraction * (1 - fraction))
              : "";
      out.printf(Locale.ROOT, "[%d/%d] %s (%.0f s in%s)%n", index + 1, total, what, elapsed, left);
    }

    @Override
    public void progress(double f) {
      fraction = f;
    }

    @Override
    public boolean cancelled() {
      return false;
    }
  }
}
