package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Unmatched;

/**
 * {@code experiment NAME}: runs one of the studio's experiments ({@link Experiment}) without a window and
 * writes its table, its result as JSON, and its report. Each experiment is a subcommand whose options are
 * made from its {@link Setting}s, the definitions the window's settings are made from too.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    versionProvider = DuetCli.Version.class,
    description = "gen-vs-disc, few-labels or synthetic: what the pairing teaches, as a table.",
    synopsisSubcommandLabel = "NAME [options]",
    commandListHeading = "%nExperiments:%n")
final class ExperimentCommand implements Callable<Integer> {
  private static final String OPTIONS_SECTION = "experimentOptions";
  private static final String OUTPUT =
      "Prints which point is training and the time left, then the table and what it says; writes\n"
          + "NAME.csv, NAME.json and NAME.html (a report that opens in a browser with no network) to DIR.";

  /** What came after {@code experiment} when it names no experiment. */
  @Unmatched private List<String> unmatched = new ArrayList<>();

  /** Refuses a missing or unknown name with the registry's own sentence. */
  @Override
  public Integer call() {
    if (unmatched.isEmpty() || unmatched.getFirst().startsWith("-")) {
      throw new UsageException("name an experiment: " + Experiment.ids());
    }
    Experiment.fromId(unmatched.getFirst()); // not a subcommand's name, so it throws, naming the choices
    throw new UsageException("unknown experiment '" + unmatched.getFirst() + "'");
  }

  /** The {@code experiment} command with one subcommand per experiment. */
  static CommandLine command(PrintStream out) {
    CommandLine cl = new CommandLine(new ExperimentCommand());
    for (Experiment e : Experiment.values()) {
      cl.addSubcommand(e.id(), Run.command(e, out));
    }
    // every experiment's options, as the registry words them, before the footer (printed as they are)
    cl.getHelpSectionMap().put(OPTIONS_SECTION, help -> options());
    List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), OPTIONS_SECTION);
    cl.setHelpSectionKeys(keys);
    return cl;
  }

  private static String options() {
    StringBuilder b = new StringBuilder();
    for (Experiment e : Experiment.values()) {
      b.append(String.format(Locale.ROOT, "%n  %s — %s%n%s%n", e.id(), e.title(), e.optionsHelp("      ")));
    }
    return b.append(String.format(Locale.ROOT, "%n  --data DATA  sample | full | a path (default sample)%n"))
        .append(String.format(Locale.ROOT, "  --out DIR    (default runs/experiment-NAME)%n%n"))
        .append(OUTPUT)
        .append(System.lineSeparator())
        .toString();
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

  /** One experiment as a command: {@code --data}, {@code --out} and an option per setting. */
  private static final class Run implements Callable<Integer> {
    private final Experiment experiment;
    private final PrintStream out;
    private CommandSpec spec;

    private Run(Experiment experiment, PrintStream out) {
      this.experiment = experiment;
      this.out = out;
    }

    static CommandLine command(Experiment e, PrintStream out) {
      Run run = new Run(e, out);
      CommandSpec spec = CommandSpec.wrapWithoutInspection(run);
      spec.mixinStandardHelpOptions(true);
      spec.versionProvider(new DuetCli.Version());
      spec.usageMessage().description(e.title(), OUTPUT);
      Map<String, String> defaults = e.defaults().values();
      for (Setting s : e.settings()) {
        String choices =
            s.choices().isEmpty()
                ? ""
                : "; " + s.choices().stream().map(Setting.Choice::id).collect(Collectors.joining(", "));
        spec.addOption(
            OptionSpec.builder("--" + s.key())
                .paramLabel(s.choices().isEmpty() ? "VALUE" : "ID")
                .type(String.class)
                .description(s.help() + " (default " + defaults.get(s.key()) + choices + ")")
                .build());
      }
      spec.addOption(
          OptionSpec.builder("--data")
              .paramLabel("DATA")
              .type(String.class)
              .defaultValue("sample")
              .description("sample | full | a path (default sample)")
              .build());
      spec.addOption(
          OptionSpec.builder("--out")
              .paramLabel("DIR")
              .type(Path.class)
              .description("(default runs/experiment-" + e.id() + ")")
              .build());
      run.spec = spec;
      return new CommandLine(spec);
    }

    @Override
    public Integer call() throws IOException, DatasetException {
      Map<String, String> given = new LinkedHashMap<>();
      for (Setting s : experiment.settings()) {
        given.put(s.key(), spec.findOption("--" + s.key()).getValue());
      }
      ExperimentSettings settings = experiment.parse(given);
      Path outOption = spec.findOption("--out").getValue();
      Path dir = outOption != null ? outOption : Path.of("runs", "experiment-" + experiment.id());
      String dataSpec = spec.findOption("--data").getValue();
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
