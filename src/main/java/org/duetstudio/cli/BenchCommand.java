package org.duetstudio.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Trainable;
import org.duetstudio.core.model.Trainer;
import org.duetstudio.core.model.dl4j.BareLoops;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.training.Fit;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the cost of the studio's engine. The same net, data and batch order are trained three
 * ways — through the engine with a listener that keeps every event (as the window does), through a plain
 * loop over the same training step, and through DL4J's own {@code SameDiff.fit} — and images/s are
 * printed for each, with the engine's ratio to the bare DL4J loop (target ≥ 0.97).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = DuetCli.Version.class,
    description = {
      "Measure the training engine against bare DL4J loops, every model (--models), or the studio beside"
          + " PyTorch (--against FILE).",
      "Prints images/s (median and best of the rounds) for the CNN and the VAE: studio engine, direct step"
          + " loop, SameDiff.fit; and the engine's ratio to each (medians).",
      "With --models: every model on the data — for each classifier the time of one epoch over the training"
          + " images (a random forest: growing its trees) and its test accuracy after it; for each generator,"
          + " plain and class-conditional, the time per training step (median of --steps timed steps after"
          + " --warmup) and images/s.",
    })
final class BenchCommand implements Callable<Integer> {
  private static final int STEPS = 200;
  private static final int WARMUP = 50;
  private static final int MODEL_STEPS = 30;
  private static final int MODEL_WARMUP = 10;

  /** Share of the engine's loop time spent outside the model's step, from the last measurement. */
  private static final AtomicReference<Double> LAST_ENGINE_OVERHEAD =
      new AtomicReference<>(Double.NaN);

  private final PrintStream out;

  @Option(names = "--models", description = "time every model instead of the engine")
  private boolean models;

  @Option(
      names = "--diffusion",
      description = "minutes of training until the diffusion generators' label fidelity reaches 80%%"
          + " (a CNN judges), images/s, seconds for 64 samples")
  private boolean diffusion;

  @Option(
      names = "--against",
      paramLabel = "FILE",
      description = "the peer programs' output (../shared/peer-bench/run lenet, dcgan, gan, appended into"
          + " FILE): the same networks measured here, images/s side by side and the ratio")
  private Path against;

  @Option(names = "--judge", description = "time the judge's Fréchet distances: LAPACK against the Jacobi")
  private boolean judge;

  @Option(names = "--max-epochs", paramLabel = "N", defaultValue = "12", description = "with --diffusion:"
      + " epochs at most per generator (default ${DEFAULT-VALUE})")
  private int maxEpochs;

  @Option(names = "--data", paramLabel = "DATA", defaultValue = "sample", description = "sample | full | a path"
      + " (default ${DEFAULT-VALUE})")
  private String data;

  @Option(names = "--steps", paramLabel = "N", description = "timed training steps per measurement"
      + " (default " + STEPS + ", with --models " + MODEL_STEPS + ")")
  private Integer steps;

  @Option(names = "--warmup", paramLabel = "N", description = "untimed steps before them (default " + WARMUP
      + ", with --models " + MODEL_WARMUP + ")")
  private Integer warmup;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "measurements of each kind,"
      + " interleaved (default ${DEFAULT-VALUE}; not with --models)")
  private int rounds;

  BenchCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws DatasetException {
    if (judge) {
      JudgeBench.print(out, rounds);
      return 0;
    }
    if (against != null) {
      PeerComparison.PeerFigures peer = PeerComparison.read(against);
      return new PeerComparison(out).run(peer, new DatasetLocator().resolve(data).load().data().train());
    }
    if (diffusion) {
      Nd4jRuntime.ensureLoaded();
      return new DiffusionBench(out).run(new DatasetLocator().resolve(data).load().data(), maxEpochs);
    }
    if (models) {
      return models(steps != null ? steps : MODEL_STEPS, warmup != null ? warmup : MODEL_WARMUP);
    }
    int s = steps != null ? steps : STEPS;
    int w = warmup != null ? warmup : WARMUP;
    if (s < 1 || w < 1 || rounds < 1) {
      throw new UsageException("--steps, --warmup and --rounds must be at least 1");
    }
    TrainTestData d = new DatasetLocator().resolve(data).load().data();
    try (TrainingEngine engine = new TrainingEngine()) {
      return run(d, engine, s, w, rounds);
    }
  }

  /** Per-epoch time of every classifier and per-step time of every generator. */
  private int models(int steps, int warmup) throws DatasetException {
    if (steps < 1 || warmup < 0) {
      throw new UsageException("--steps must be at least 1 and --warmup at least 0");
    }
    TrainTestData data = new DatasetLocator().resolve(this.data).load().data();
    out.println("back-end: " + Nd4jRuntime.ensureLoaded());
    out.printf(
        Locale.ROOT,
        "%,d training and %,d test images, %s%n%nClassifiers: one epoch over the training images%n",
        data.train().size(),
        data.test().size(),
        data.shape());
    for (ClassifierKind k : ClassifierKind.values()) {
      ClassifierSpec spec = ClassifierSpec.defaults(k).withEpochs(1);
      long t0 = System.nanoTime();
      try (var model = Fit.classifier(spec, data.train(), Fit.Monitor.NONE)) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        var p =
            Predictions.fromProbabilities(
                data.test().labels(), model.predictProbabilities(data.test()), data.test().classNames());
        out.printf(
            Locale.ROOT,
            "  %-44s %7.1f s per epoch  %7.0f img/s   test accuracy %.1f%%%n",
            model.name(),
            seconds,
            data.train().size() / seconds,
            100 * p.accuracy());
      }
    }
    out.printf(Locale.ROOT, "%nGenerators: one training step (median of %d after %d)%n", steps, warmup);
    for (GeneratorKind k : GeneratorKind.values()) {
      for (boolean conditional : new boolean[] {false, true}) {
        GeneratorSpec spec = GeneratorSpec.defaults(k).withConditional(conditional);
        try (var g = Models.generator(spec, data.shape(), data.train().classNames())) {
          Trainer t = g.trainer(data.train());
          t.startEpoch(1);
          for (int i = 0; i < warmup; i++) {
            t.step();
          }
          double[] ms = new double[steps];
          for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            t.step();
            ms[i] = (System.nanoTime() - t0) / 1e6;
          }
          double med = median(ms);
          out.printf(
              Locale.ROOT,
              "  %-44s %7.1f ms per step (batch %d)  %7.0f img/s   %5.1f s per epoch%n",
              g.name(),
              med,
              spec.batchSize(),
              spec.batchSize() * 1000 / med,
              t.stepsPerEpoch() * med / 1000);
        }
      }
    }
    return 0;
  }

  private int run(TrainTestData data, TrainingEngine engine, int steps, int warmup, int rounds) {
    out.println("back-end: " + Nd4jRuntime.ensureLoaded());
    out.printf(
        Locale.ROOT,
        "%d timed steps after %d warm-up steps, %d rounds; %s images%n%n",
        steps,
        warmup,
        rounds,
        data.shape());

    ClassifierSpec cnn = ClassifierSpec.defaults(ClassifierKind.CNN);
    ImageDataset cnnData = data.train().head((warmup + steps) * cnn.batchSize());
    Supplier<Trainable> freshCnn = () -> Models.classifier(cnn, cnnData.shape(), cnnData.classNames());
    report(
        "CNN (batch " + cnn.batchSize() + ")",
        cnn.batchSize(),
        steps,
        rounds,
        onFresh(freshCnn, m -> engineSeconds(engine, m, cnnData, cnn.batchSize(), warmup, steps)),
        onFresh(freshCnn, m -> directSeconds(m, cnnData, warmup, steps)),
        () -> BareLoops.cnnFitSeconds(cnn, cnnData, warmup, steps));

    GeneratorSpec vae = GeneratorSpec.defaults(GeneratorKind.VAE);
    ImageDataset vaeData = data.train().head((warmup + steps) * vae.batchSize());
    Supplier<Trainable> freshVae = () -> Models.generator(vae, vaeData.shape(), vaeData.classNames());
    report(
        "VAE (batch " + vae.batchSize() + ", latent " + vae.latentDim() + ")",
        vae.batchSize(),
        steps,
        rounds,
        onFresh(freshVae, m -> engineSeconds(engine, m, vaeData, vae.batchSize(), warmup, steps)),
        onFresh(freshVae, m -> directSeconds(m, vaeData, warmup, steps)),
        () -> BareLoops.vaeFitSeconds(vae, vaeData, warmup, steps));
    return 0;
  }

  private void report(
      String title,
      int batch,
      int steps,
      int rounds,
      Supplier<Double> engine,
      Supplier<Double> direct,
      Supplier<Double> fit) {
    double[] e = new double[rounds];
    double[] d = new double[rounds];
    double[] f = new double[rounds];
    double[] overhead = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      // interleaved, so that drift (heat, other load) hits all three alike
      f[r] = fit.get();
      e[r] = engine.get();
      overhead[r] = LAST_ENGINE_OVERHEAD.get();
      d[r] = direct.get();
    }
    double images = (double) batch * steps;
    out.println(title + "                 median img/s    best img/s   median ms/step");
    line("studio engine", images, steps, e);
    line("direct loop", images, steps, d);
    line("SameDiff.fit", images, steps, f);
    out.printf(
        Locale.ROOT,
        "  engine / SameDiff.fit = %.3f   engine / direct loop = %.3f   (medians; target >= 0.97)%n",
        median(f) / median(e),
        median(d) / median(e));
    out.printf(
        Locale.ROOT,
        "  engine's own cost: %.2f%% of its loop time is outside the model's step (median; the rest of"
            + " any gap is the step running slower on a fresh thread)%n%n",
        100 * median(overhead));
    out.flush();
  }

  private void line(String name, double images, int steps, double[] seconds) {
    double best = Arrays.stream(seconds).min().orElseThrow();
    out.printf(
        Locale.ROOT,
        "  %-16s %12.0f  %12.0f  %12.1f%n",
        name,
        images / median(seconds),
        images / best,
        1000 * median(seconds) / steps);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Seconds for the timed steps through the engine, measured from its own events. */
  private static double engineSeconds(
      TrainingEngine engine,
      Trainable model, ImageDataset train, int batch, int warmup, int steps) {
    List<TrainingEvent.IterationDone> events = new ArrayList<>();
    TrainingJob job =
        new TrainingJob() {
          @Override
          public String modelName() {
            return "bench";
          }

          @Override
          public int epochs() {
            int perEpoch = (train.size() + batch - 1) / batch;
            return (warmup + steps + perEpoch - 1) / perEpoch;
          }

          @Override
          public int trainImages() {
            return train.size();
          }

          @Override
          public Trainer prepare() {
            return model.trainer(train);
          }

          @Override
          public EpochReport endEpoch(int epoch, Map<String, Double> meanTrainLosses) {
            return new EpochReport(Map.of(), null, null);
          }
        };
    try {
      TrainingEvent end =
          engine
              .start(
                  job,
                  e -> {
                    if (e instanceof TrainingEvent.IterationDone it) {
                      events.add(it);
                    }
                  })
              .completion()
              .get();
      if (end instanceof TrainingEvent.Failed f) {
        throw new IllegalStateException(f.message());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    double span =
        events.get(warmup + steps - 1).elapsedSeconds() - events.get(warmup - 1).elapsedSeconds();
    double inSteps = 0;
    for (TrainingEvent.IterationDone it : events.subList(warmup, warmup + steps)) {
      inSteps += it.stepSeconds();
    }
    LAST_ENGINE_OVERHEAD.set(1 - inSteps / span);
    return span;
  }

  /** {@code measure} on a model {@code fresh} makes, closed after it: one measurement's seconds. */
  private static Supplier<Double> onFresh(Supplier<Trainable> fresh, ToDoubleFunction<Trainable> measure) {
    return () -> {
      try (Trainable m = fresh.get()) {
        return measure.applyAsDouble(m);
      }
    };
  }

  /** Seconds for the timed steps in a plain loop over the same trainer. */
  private static double directSeconds(Trainable model, ImageDataset train, int warmup, int steps) {
    Trainer t = model.trainer(train);
    t.startEpoch(1);
    for (int i = 0; i < warmup; i++) {
      t.step();
    }
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      t.step();
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
