package org.duetstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

/**
 * {@code train}: maps the options to specs, hands them to the core pipeline ({@link PairTraining}, the
 * judge, {@link RunFiles}) and prints its progress. The run folder is written as training goes, so a run
 * killed half-way goes on with {@code --resume}.
 */
final class TrainCommand {
  static final String HELP =
      """
      duet train --data DATA [--classifier KIND] [--generator KIND] [options]

        --data DATA            sample | full | a folder of IDX files | a folder of class folders | a CSV file
        --classifier KIND      logreg, nb, rf, mlp or cnn
        --generator KIND       vae, gan or dcgan
        --conditional          class-conditional generator (learns each image's class; draws to order)
        --trees N              trees in the random forest (default 100)
        --cas-images N         generated (and real) images the CAS classifier trains on (default 5,000)
        --epochs N             epochs for both models (default: each model's own)
        --classifier-epochs N  --generator-epochs N
        --seed N               seed for both models (default 42)
        --batch N              batch size for both models
        --lr X                 classifier learning rate
        --generator-lr X       generator learning rate
        --latent N             generator latent dimensions (default 16 for the VAE, 64 for the GAN)
        --train-limit N        use only the first N training images
        --test-limit N         use only the first N test images
        --out DIR              output folder (default runs/<date-time>)

      duet train --resume DIR
        goes on with the run in DIR where it stopped (killed, or the machine went down): each side from
        its last checkpoint, to the same numbers as a run that was never interrupted

      duet train --rerun DIR|FILE.duet [--out DIR2]
        the run in DIR (from its provenance files) or the session in FILE.duet again: the same specs,
        seeds and data (checked by fingerprint); then says whether every number came out the same

      DIR is written as training goes: provenance-<model>.json (spec with seed, data fingerprints,
      libraries, machine), <side>-events.jsonl (every event, forced to disk after each epoch),
      <side>-checkpoint.bin (the model after each epoch), metrics.json and <model>-epochs.csv /
      <model>-steps.csv (the curves). At the end: predictions.png, confusion.txt, samples.png,
      reconstructions.png; with both sides, the judge's judge.json (the classifier's verdict on 1,000
      generated images, the Fréchet distance in its features, the memorisation check), memorisation.png,
      decision-map.png/.json, interpolation.png/.json, and with a conditional generator label-fidelity.json
      and cas.json; clusters.json (k-means on pixels and a VAE's latent codes); report.html (everything on
      one page: the same page as the window's Report…).
      """;

  private final PrintStream out;

  TrainCommand(PrintStream out) {
    this.out = out;
  }

  int run(Args a) throws IOException, DatasetException {
    if (a.has("rerun")) {
      return rerun(a);
    }
    if (a.has("resume")) {
      return resume(a);
    }
    TrainOptions o = TrainOptions.of(a);
    a.rejectUnknown();
    TrainTestData data = load(o.data(), o.trainLimit(), o.testLimit());
    return train(data, o.out(), o.casImages(), t -> {
      if (o.classifier() != null) {
        t.start(o.classifier());
      }
      if (o.generator() != null) {
        t.start(o.generator());
      }
    });
  }

  /** {@code train --resume DIR}: each side of DIR's run from its last checkpoint, into DIR. */
  private int resume(Args a) throws IOException, DatasetException {
    Path dir = Path.of(a.string("resume", "."));
    a.rejectUnknown();
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
  private int rerun(Args a) throws IOException, DatasetException {
    Path from = Path.of(a.string("rerun", "."));
    boolean session = Files.isRegularFile(from);
    String base = from.getFileName().toString().replaceAll("\\.duet$", "");
    Path dir =
        Path.of(
            a.string(
                "out",
                session ? "runs/" + base + "-rerun" : from.toString().replaceAll("/+$", "") + "-rerun"));
    a.rejectUnknown();
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
      throw new Args.UsageException(from + " holds no trained model to rerun");
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
      throw new Args.UsageException(
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
