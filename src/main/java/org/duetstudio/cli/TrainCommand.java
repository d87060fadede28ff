package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.DatasetSource;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.report.RunFiles;
import org.duetstudio.core.report.Sentences;
import org.duetstudio.core.store.Json;
import org.duetstudio.core.store.SessionFile;
import org.duetstudio.core.studio.PairTraining;
import org.duetstudio.core.studio.RecordedData;
import org.duetstudio.core.studio.RunComparison;
import org.duetstudio.core.studio.RunFolder;
import org.duetstudio.core.studio.RunPair;
import org.duetstudio.core.studio.Sessions;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.training.TrainingEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: options to specs ({@link TrainOptions}), then the core pipeline ({@link PairTraining},
 * the judge, {@link RunFiles}), printing its progress; {@code --resume} and {@code --rerun}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = DuetCli.Version.class,
    sortOptions = false,
    description = "Train a classifier and/or a generator and write metrics, figures and provenance.",
    customSynopsis = {
      "duet train [--data DATA] [--classifier KIND] [--generator KIND] [options]",
      "       duet train --resume DIR",
      "       duet train --rerun DIR|FILE.duet [--out DIR2]",
    },
    modelTransformer = TrainOptions.Footer.class)
final class TrainCommand implements Callable<Integer> {
  private final PrintStream out;

  @Mixin private TrainOptions options;

  @Option(names = "--resume", paramLabel = "DIR", description = "go on with the run in DIR (see below)")
  private Path resume;

  @Option(
      names = "--rerun",
      paramLabel = "DIR|FILE.duet",
      description = "run DIR's run or FILE.duet's session again and compare (see below)")
  private Path rerun;

  @Spec private CommandSpec spec;

  TrainCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException, DatasetException {
    List<String> given =
        spec.commandLine().getParseResult().matchedOptions().stream().map(OptionSpec::longestName).toList();
    if (resume != null) {
      refuseOthers(given, "--resume", List.of("--resume"));
      return resume(resume);
    }
    if (rerun != null) {
      refuseOthers(given, "--rerun", List.of("--rerun", "--out"));
      return rerun(rerun);
    }
    ClassifierSpec c = options.classifierSpec();
    GeneratorSpec g = options.generatorSpec();
    if (c == null && g == null) {
      throw new UsageException("give --classifier and/or --generator");
    }
    TrainTestData data = load(options.data, options.trainLimit, options.testLimit);
    return train(data, options.outDir(), options.casImages, t -> {
      if (c != null) {
        t.start(c);
      }
      if (g != null) {
        t.start(g);
      }
    });
  }

  /** {@code --resume} and {@code --rerun} take their settings from the run; other options are refused. */
  private static void refuseOthers(List<String> given, String mode, List<String> allowed) {
    List<String> others = given.stream().filter(o -> !allowed.contains(o)).toList();
    if (!others.isEmpty()) {
      throw new UsageException(
          mode + " takes the run's own settings, so " + String.join(", ", others)
              + (others.size() == 1 ? " does" : " do") + " not go with it");
    }
  }

  /** {@code train --resume DIR}: each side of DIR's run from its last checkpoint, into DIR. */
  private int resume(Path dir) throws IOException, DatasetException {
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
    return train(data, dir, 0, t -> {
      for (RunFolder.Recorded.Side s : sides) {
        t.resume(s);
      }
    });
  }

  /** {@code train --rerun DIR|FILE.duet}: the same specs, seeds and data again, then the comparison. */
  private int rerun(Path from) throws IOException, DatasetException {
    boolean session = Files.isRegularFile(from);
    String base = from.getFileName().toString().replaceAll("\\.duet$", "");
    Path dir =
        options.out != null
            ? options.out
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
    int rc = train(data, dir, 0, t -> {
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

  private TrainTestData load(String spec, int trainLimit, int testLimit) throws DatasetException {
    DatasetSource source = new DatasetLocator().resolve(spec);
    out.println("loading " + source.name() + " from " + source.path());
    DatasetSource.Loaded loaded = source.load();
    if (!loaded.report().skipped().isEmpty()) {
      out.println(loaded.report().summary());
    }
    TrainTestData data = loaded.data().limit(trainLimit, testLimit);
    out.printf(
        Locale.ROOT,
        "%,d training and %,d test images, %s, %d classes%n",
        data.train().size(),
        data.test().size(),
        data.shape(),
        data.numClasses());
    return data;
  }

  /** What to start on the pair's training. */
  @FunctionalInterface
  private interface Plan {
    void on(PairTraining t) throws IOException;
  }

  /** Trains what {@code plan} starts, judges the pair, writes the folder's final files. */
  private int train(TrainTestData data, Path dir, int casImages, Plan plan) throws IOException {
    String backend = Nd4jRuntime.ensureLoaded();
    RunPair pair;
    try (TrainingEngine engine = new TrainingEngine()) {
      PairTraining t =
          new PairTraining(
              engine, data, new RunFolder(dir), backend, (role, kind) -> new ConsoleProgress(kind, out));
      plan.on(t);
      pair = t.await();
    }
    var settings = pair.judgeSettings();
    if (casImages > 0) {
      settings = settings.withCasImages(casImages);
    }
    if (pair.judgeable()) {
      out.println("judging the generator through the classifier…");
    }
    pair = pair.judged(settings, true, Fit.Monitor.NONE);
    Sentences.lines(pair.findings()).forEach(out::println);
    RunFiles.write(dir, pair);
    out.println("results written to " + dir.toAbsolutePath() + " (report.html: everything on one page)");
    boolean ok =
        (pair.classifier() == null || pair.classifier().completed())
            && (pair.generator() == null || pair.generator().completed());
    return ok ? 0 : 1;
  }
}
