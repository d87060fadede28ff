package org.duetstudio.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetException;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Trainable;
import org.duetstudio.core.model.Trainer;
import org.duetstudio.core.model.dl4j.BareLoops;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingJob;

/**
 * {@code bench}: the cost of the studio's engine. The same net, data and batch order are trained three
 * ways — through the engine with a listener that keeps every event (as the window does), through a plain
 * loop over the same training step, and through DL4J's own {@code SameDiff.fit} — and images/s are
 * printed for each, with the engine's ratio to the bare DL4J loop (target ≥ 0.97).
 */
final class BenchCommand {
  static final String HELP =
      """
      duet bench [--data sample] [--steps N] [--warmup N] [--rounds N]

        --steps N    timed training steps per measurement (default 150)
        --warmup N   untimed steps before them (default 20)
        --rounds N   measurements of each kind; the best is kept (default 2)

      Prints images/s for the CNN and the VAE: studio engine, direct step loop, SameDiff.fit.
      """;

  private final PrintStream out;

  BenchCommand(PrintStream out) {
    this.out = out;
  }

  int run(Args a) throws DatasetException {
    String dataSpec = a.string("data", "sample");
    int steps = a.integer("steps", 150);
    int warmup = a.integer("warmup", 20);
    int rounds = a.integer("rounds", 2);
    a.rejectUnknown();
    if (steps < 1 || warmup < 1 || rounds < 1) {
      throw new Args.UsageException("--steps, --warmup and --rounds must be at least 1");
    }
    TrainTestData data = new DatasetLocator().resolve(dataSpec).load().data();
    out.println("back-end: " + Nd4jRuntime.ensureLoaded());
    out.printf(
        Locale.ROOT,
        "%d timed steps after %d warm-up steps, best of %d rounds; %s images%n%n",
        steps,
        warmup,
        rounds,
        data.shape());

    ClassifierSpec cnn = ClassifierSpec.defaults(ClassifierKind.CNN);
    ImageDataset cnnData = data.train().head((warmup + steps) * cnn.batchSize());
    report(
        "CNN (batch " + cnn.batchSize() + ")",
        cnn.batchSize(),
        steps,
        rounds,
        () -> engineSeconds(Models.classifier(cnn, cnnData.shape(), cnnData.classNames()), cnnData, warmup, steps),
        () -> directSeconds(Models.classifier(cnn, cnnData.shape(), cnnData.classNames()), cnnData, warmup, steps),
        () -> BareLoops.cnnFitSeconds(cnn, cnnData, warmup, steps));

    GeneratorSpec vae = GeneratorSpec.defaults(GeneratorKind.VAE);
    ImageDataset vaeData = data.train().head((warmup + steps) * vae.batchSize());
    report(
        "VAE (batch " + vae.batchSize() + ", latent " + vae.latentDim() + ")",
        vae.batchSize(),
        steps,
        rounds,
        () -> engineSeconds(Models.generator(vae, vaeData.shape()), vaeData, warmup, steps),
        () -> directSeconds(Models.generator(vae, vaeData.shape()), vaeData, warmup, steps),
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
    double e = Double.MAX_VALUE;
    double d = Double.MAX_VALUE;
    double f = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      // interleaved, so that drift (heat, other load) hits all three alike
      f = Math.min(f, fit.get());
      e = Math.min(e, engine.get());
      d = Math.min(d, direct.get());
    }
    double images = (double) batch * steps;
    out.println(title);
    out.printf(Locale.ROOT, "  studio engine    %8.0f img/s  (%.1f ms/step)%n", images / e, 1000 * e / steps);
    out.printf(Locale.ROOT, "  direct loop      %8.0f img/s  (%.1f ms/step)%n", images / d, 1000 * d / steps);
    out.printf(Locale.ROOT, "  SameDiff.fit     %8.0f img/s  (%.1f ms/step)%n", images / f, 1000 * f / steps);
    out.printf(
        Locale.ROOT,
        "  engine / SameDiff.fit = %.3f   engine / direct loop = %.3f   (target >= 0.97)%n%n",
        f / e,
        d / e);
    out.flush();
  }

  /** Seconds for the timed steps through the engine, measured from its own events. */
  private static double engineSeconds(Trainable model, ImageDataset train, int warmup, int steps) {
    List<TrainingEvent.IterationDone> events = new ArrayList<>();
    TrainingJob job =
        new TrainingJob() {
          @Override
          public String modelName() {
            return "bench";
          }

          @Override
          public int epochs() {
            return 1;
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
            return new EpochReport(Map.of(), null);
          }
        };
    try (TrainingEngine engine = new TrainingEngine()) {
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
    return events.get(warmup + steps - 1).elapsedSeconds() - events.get(warmup - 1).elapsedSeconds();
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
