package org.duetstudio.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.training.Fit;

/**
 * Does synthetic data help? The classifier is trained on N real images plus M generated ones (asked of a
 * trained class-conditional generator, as many per class as the real images have) for several M, and
 * tested on real test images; beside it, "synthetic only" (N generated, no real: the classification
 * accuracy score) and plain augmentation (N real plus M flipped and shifted copies of them).
 */
public final class SyntheticData {
  /** Share of the progress bar the generator's training takes, when the experiment trains it. */
  static final double GENERATOR_SHARE = 0.5;

  static final List<String> SERIES = List.of("+ generated", "+ flipped/shifted");

  private SyntheticData() {}

  /**
   * The experiment with {@code s} on {@code input}: on its generated images if it has them, else on those
   * of a class-conditional generator trained here first (the first point, half of the progress bar).
   */
  static ExperimentResult run(ExperimentInput input, SyntheticSettings s, ExperimentMonitor monitor) {
    TrainTestData data = input.data();
    ClassifierSpec classifier = ClassifierSpec.defaults(s.classifier()).withSeed(s.seed());
    double[] extra = SettingValues.doubles(s.extra());
    if (input.generated() != null) {
      return run(data, input.generated(), classifier, s.real(), extra, s.seed(), monitor);
    }
    GeneratorSpec spec =
        GeneratorSpec.defaults(s.generator())
            .withConditional(true)
            .withEpochs(s.generatorEpochs())
            .withSeed(s.seed());
    int points = extra.length * 2 + 1; // the generator, then those of the run below
    monitor.point(
        0,
        points,
        String.format(Locale.ROOT, "a class-conditional %s for %d epochs", spec.kind().id(), spec.epochs()));
    ImageDataset pool;
    try (ConditionalGenerator generator =
        Fit.trainOrClose(
            (ConditionalGenerator) Models.generator(spec, data.shape(), data.train().classNames()),
            "the generator",
            data.train(),
            spec.epochs(),
            Experiments.part(monitor, 0, GENERATOR_SHARE))) {
      pool = pool(data, generator, s);
    }
    return run(data, pool, classifier, s.real(), extra, s.seed(), Experiments.after(monitor, 1, GENERATOR_SHARE));
  }

  /** The generated images {@link #run} with {@code s} draws on, from a trained {@code generator}. */
  static ImageDataset pool(TrainTestData data, ConditionalGenerator generator, SyntheticSettings s) {
    return pool(data, generator, s.real(), SettingValues.doubles(s.extra()), s.seed());
  }

  public static ExperimentResult run(
      TrainTestData data,
      ConditionalGenerator generator,
      ClassifierSpec classifier,
      int realImages,
      double[] extra,
      long seed,
      ExperimentMonitor monitor) {
    return run(data, pool(data, generator, realImages, extra, seed), classifier, realImages, extra, seed, monitor);
  }

  /**
   * The generated images the experiment draws on: as many as its largest point needs, with the class mix
   * of its real images. (Every point takes a prefix, so the generator is needed only here — the rest can
   * run while others use the generator.)
   */
  static ImageDataset pool(
      TrainTestData data, ConditionalGenerator generator, int realImages, double[] extra, long seed) {
    if (!generator.classNames().equals(data.train().classNames())) {
      throw new IllegalArgumentException("the generator was trained on other classes");
    }
    ImageDataset real = real(data, realImages, seed);
    double most = 1;
    for (double x : extra) {
      most = Math.max(most, x);
    }
    return generated(real, generator, (int) Math.round(most * real.size()), seed);
  }

  private static ImageDataset real(TrainTestData data, int realImages, long seed) {
    return Experiments.balanced(data.train(), Math.min(realImages, data.train().size()), seed);
  }

  /** The experiment on a {@link #pool} of generated images. */
  public static ExperimentResult run(
      TrainTestData data,
      ImageDataset pool,
      ClassifierSpec classifier,
      int realImages,
      double[] extra,
      long seed,
      ExperimentMonitor monitor) {
    long t0 = System.nanoTime();
    ImageDataset real = real(data, realImages, seed);
    int n = real.size();
    List<ExperimentResult.Row> rows = new ArrayList<>();
    int points = extra.length * 2 + 1; // each extra with synthetic and with augmentation (0 shared), CAS
    int p = 0;
    double share = 1.0 / (points - 1);
    for (double x : extra) {
      int m = (int) Math.round(x * n);
      String label =
          m == 0 ? "real only" : String.format(Locale.ROOT, "+%,d (%.0f%% of the set)", m, 100.0 * m / (n + m));
      monitor.point(p, points - 1, n + " real images" + (m == 0 ? "" : " and " + m + " generated"));
      ImageDataset train = m == 0 ? real : concat(real, pool.head(m));
      double synth = fit(classifier, train, data, monitor, p++ * share, share);
      double aug = synth;
      if (m > 0) {
        monitor.point(p, points - 1, n + " real images and " + m + " flipped/shifted copies");
        aug = fit(classifier, concat(real, Augment.flipsAndShifts(real, m, seed)), data, monitor, p++ * share, share);
      }
      rows.add(new ExperimentResult.Row((double) m / (n + m), label, new double[] {synth, aug}));
      monitor.measured(SERIES, List.copyOf(rows));
    }
    monitor.point(p, points - 1, n + " generated images only");
    double cas = fit(classifier, pool.head(n), data, monitor, p * share, share);
    rows.add(new ExperimentResult.Row(1, "synthetic only (CAS)", new double[] {cas, Double.NaN}));
    monitor.progress(1);
    double base = rows.get(0).accuracy()[0];
    double best = base;
    String bestLabel = rows.get(0).label();
    for (ExperimentResult.Row r : rows.subList(1, rows.size() - 1)) {
      if (r.accuracy()[0] > best) {
        best = r.accuracy()[0];
        bestLabel = r.label();
      }
    }
    String conclusion =
        best > base + 0.005
            ? String.format(
                Locale.ROOT,
                "Generated images helped: %.1f%% with %s, against %.1f%% on the %,d real images alone."
                    + " Trained on generated images only: %.1f%%.",
                100 * best,
                bestLabel,
                100 * base,
                n,
                100 * cas)
            : String.format(
                Locale.ROOT,
                "Generated images did not help here: %.1f%% on the %,d real images alone, no better"
                    + " with generated ones added; trained on generated images only: %.1f%%.",
                100 * base,
                n,
                100 * cas);
    return new ExperimentResult(
        Experiment.SYNTHETIC.title(),
        Experiment.SYNTHETIC.xLabel(),
        SERIES,
        rows,
        conclusion,
        (System.nanoTime() - t0) / 1e9);
  }

  private static double fit(
      ClassifierSpec spec, ImageDataset train, TrainTestData data, ExperimentMonitor m, double from, double width) {
    ClassifierSpec s = Experiments.enoughSteps(spec, train.size(), 300);
    return Experiments.accuracy(Fit.classifier(s, train, Experiments.part(m, from, width)), data.test());
  }

  /** {@code m} generated images with the class mix of {@code real}. */
  static ImageDataset generated(ImageDataset real, ConditionalGenerator g, int m, long seed) {
    int[] labels = new int[m];
    for (int i = 0; i < m; i++) {
      labels[i] = real.label(i % real.size());
    }
    float[][] images = g.decode(g.samplePrior(m, seed ^ 0x9E3779B97F4A7C15L), labels);
    return new ImageDataset("generated", real.shape(), images, labels, real.classNames());
  }

  static ImageDataset concat(ImageDataset a, ImageDataset b) {
    float[][] rows = new float[a.size() + b.size()][];
    int[] labels = new int[rows.length];
    for (int i = 0; i < a.size(); i++) {
      rows[i] = a.image(i);
      labels[i] = a.label(i);
    }
    for (int i = 0; i < b.size(); i++) {
      rows[a.size() + i] = b.image(i);
      labels[a.size() + i] = b.label(i);
    }
    return new ImageDataset(a.name() + "+" + b.name(), a.shape(), rows, labels, a.classNames());
  }
}
