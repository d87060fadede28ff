package org.duetstudio.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.model.Autoencoder;
import org.duetstudio.core.model.Models;
import org.duetstudio.core.training.Fit;

/**
 * Few labels — semi-supervised learning made visible. A VAE learns from <em>all</em> training images,
 * labels unused; then, with only 10, 100 or 1,000 labelled images, the same classifier is trained on raw
 * pixels and on the VAE's latent codes of those images. The codes, learned without labels, often let the
 * classifier do far more with few labels.
 */
public final class FewLabels {
  /** Share of the progress bar the VAE's training takes. */
  static final double VAE_SHARE = 0.7;

  static final List<String> SERIES = List.of("raw pixels", "VAE latent codes");

  private FewLabels() {}

  /** The experiment with {@code s}: a VAE of its latent size and epochs, its classifier and seed. */
  static ExperimentResult run(TrainTestData data, FewLabelsSettings s, ExperimentMonitor monitor) {
    GeneratorSpec vae =
        GeneratorSpec.defaults(GeneratorKind.VAE)
            .withEpochs(s.generatorEpochs())
            .withLatentDim(s.latent())
            .withSeed(s.seed());
    ClassifierSpec classifier = ClassifierSpec.defaults(s.classifier()).withSeed(s.seed());
    return run(data, vae, classifier, SettingValues.ints(s.labels()), s.seed(), monitor);
  }

  /**
   * @param vae an unconditional VAE spec (trained here on all training images)
   * @param classifier the classifier trained on pixels and on codes
   */
  public static ExperimentResult run(
      TrainTestData data,
      GeneratorSpec vae,
      ClassifierSpec classifier,
      int[] labelled,
      long seed,
      ExperimentMonitor monitor) {
    if (vae.kind() != GeneratorKind.VAE || vae.conditional()) {
      throw new IllegalArgumentException("the few-labels experiment needs an unconditional VAE");
    }
    long t0 = System.nanoTime();
    int total = labelled.length + 1;
    monitor.point(
        0,
        total,
        String.format(Locale.ROOT, "the VAE on all %,d training images, labels unused", data.train().size()));
    ImageDataset trainCodes;
    ImageDataset testCodes;
    try (Autoencoder model =
        Fit.trainOrClose(
            (Autoencoder) Models.generator(vae, data.shape(), data.train().classNames()),
            "the VAE",
            data.train(),
            vae.epochs(),
            Experiments.part(monitor, 0, VAE_SHARE))) {
      trainCodes = codes(model, data.train());
      testCodes = codes(model, data.test());
    }
    List<ExperimentResult.Row> rows = new ArrayList<>();
    double share = (1 - VAE_SHARE) / labelled.length;
    for (int p = 0; p < labelled.length; p++) {
      int n = Math.min(labelled[p], data.train().size());
      monitor.point(p + 1, total, String.format(Locale.ROOT, "%,d labelled images", n));
      // the same images, by index: pick them once, take pixels and codes of each
      int[] idx = Experiments.balancedIndices(data.train(), n, seed + n);
      ImageDataset pixels = data.train().subset(idx, "labelled-" + n);
      ImageDataset codeRows = trainCodes.subset(idx, "codes-" + n);
      ClassifierSpec spec = Experiments.enoughSteps(classifier.withSeed(seed), n, 2000);
      double from = VAE_SHARE + p * share;
      double onPixels =
          Experiments.accuracy(
              Fit.classifier(spec, pixels, Experiments.part(monitor, from, share / 2)), data.test());
      double onCodes =
          Experiments.accuracy(
              Fit.classifier(spec, codeRows, Experiments.part(monitor, from + share / 2, share / 2)),
              testCodes);
      rows.add(
          new ExperimentResult.Row(
              n, String.format(Locale.ROOT, "%,d labels", n), new double[] {onPixels, onCodes}));
      monitor.measured(SERIES, List.copyOf(rows));
    }
    monitor.progress(1);
    ExperimentResult.Row first = rows.get(0);
    int better = 0;
    for (ExperimentResult.Row r : rows) {
      if (r.accuracy()[1] > r.accuracy()[0]) {
        better++;
      }
    }
    String verdict =
        better == rows.size()
            ? "The codes, learned without labels, help at every size."
            : better == 0
                ? "Here the raw pixels win at every size: this VAE's codes keep what it needs to redraw"
                    + " an image (shape, brightness), not what separates the classes; try naive"
                    + " Bayes as the classifier, or another latent size."
                : "The codes help at " + better + " of " + rows.size() + " sizes.";
    String conclusion =
        String.format(
                Locale.ROOT,
                "With %s, %s reaches %.1f%% on raw pixels and %.1f%% on the VAE's %d-number codes,"
                    + " learned from all %,d images without a single label. ",
                first.label(),
                classifier.kind().displayName(),
                100 * first.accuracy()[0],
                100 * first.accuracy()[1],
                vae.latentDim(),
                data.train().size())
            + verdict;
    return new ExperimentResult(
        Experiment.FEW_LABELS.title(),
        Experiment.FEW_LABELS.xLabel(),
        SERIES,
        rows,
        conclusion,
        (System.nanoTime() - t0) / 1e9);
  }

  /** Each image's latent code as a row of a data set of shape latent × 1 × 1, labels kept. */
  static ImageDataset codes(Autoencoder vae, ImageDataset images) {
    return new ImageDataset(
        images.name() + "-codes",
        new ImageShape(vae.latentDim(), 1, 1),
        vae.encode(images),
        images.labels(),
        images.classNames());
  }
}
