package org.duetstudio.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.judge.Judge;
import org.duetstudio.core.judge.JudgeSettings;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.model.Trainer;
import org.duetstudio.core.training.Fit;

/**
 * {@code bench --diffusion}: how fast the diffusion generators become recognisable. A CNN is trained as
 * the judge; then each class-conditional diffusion kind trains epoch by epoch, and after each epoch the
 * judge's label fidelity through the CNN is measured (its settings; outside the timed training): minutes of
 * training to fidelity ≥ 80%, training images per second, and seconds to draw 64 samples at the default
 * steps.
 */
final class DiffusionBench {
  private static final double TARGET = 0.8;

  private final PrintStream out;

  DiffusionBench(PrintStream out) {
    this.out = out;
  }

  int run(TrainTestData data, int maxEpochs) {
    long t0 = System.nanoTime();
    try (ImageClassifier cnn =
        Fit.classifier(ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(3), data.train(), Fit.Monitor.NONE)) {
      judge(data, maxEpochs, cnn, t0);
    }
    return 0;
  }

  /** The judge's accuracy, then each diffusion kind measured against it. */
  private void judge(TrainTestData data, int maxEpochs, ImageClassifier cnn, long t0) {
    double acc =
        Predictions.fromProbabilities(
                data.test().labels(), cnn.predictProbabilities(data.test()), data.test().classNames())
            .accuracy();
    out.printf(
        Locale.ROOT,
        "judge: CNN, 3 epochs in %.0f s, %.1f%% on the test images%n%n",
        (System.nanoTime() - t0) / 1e9,
        100 * acc);
    for (GeneratorKind kind : List.of(GeneratorKind.LATENT_DIFFUSION, GeneratorKind.DIFFUSION)) {
      GeneratorSpec spec = GeneratorSpec.defaults(kind).withConditional(true).withEpochs(maxEpochs);
      try (ImageGenerator g = Models.generator(spec, data.shape(), data.train().classNames())) {
        measure(spec, g, cnn, data, maxEpochs);
      }
    }
  }

  /** Trains {@code g} epoch by epoch until its label fidelity through {@code cnn} reaches the target. */
  private void measure(GeneratorSpec spec, ImageGenerator g, ImageClassifier cnn, TrainTestData data, int maxEpochs) {
    // the judge's own label fidelity, with its settings (images per class, the run's seed)
    Judge judge = new Judge(JudgeSettings.defaults(spec.seed(), data.train().classNames()));
    out.println(g.name());
    Trainer t = g.trainer(data.train());
    double trainSeconds = 0;
    long images = 0;
    double reached = Double.NaN;
    for (int e = 1; e <= maxEpochs; e++) {
      long s0 = System.nanoTime();
      t.startEpoch(e);
      for (int s = 0; s < t.stepsPerEpoch(); s++) {
        images += t.step().images();
      }
      trainSeconds += (System.nanoTime() - s0) / 1e9;
      double f = judge.fidelity(cnn, g).overall();
      out.printf(
          Locale.ROOT,
          "  epoch %2d  %5.1f min of training  %6.0f img/s  label fidelity %.1f%%%n",
          e,
          trainSeconds / 60,
          images / trainSeconds,
          100 * f);
      if (f >= TARGET && Double.isNaN(reached)) {
        reached = trainSeconds / 60;
        break;
      }
    }
    long d0 = System.nanoTime();
    g.sample(64, 3);
    out.printf(
        Locale.ROOT,
        "  %s; 64 samples at %d steps drawn in %.1f s%n%n",
        Double.isNaN(reached)
            ? String.format(Locale.ROOT, "fidelity %.0f%% not reached in %d epochs", 100 * TARGET, maxEpochs)
            : String.format(Locale.ROOT, "fidelity ≥ %.0f%% after %.1f minutes of training", 100 * TARGET, reached),
        spec.samplingSteps(),
        (System.nanoTime() - d0) / 1e9);
  }
}
