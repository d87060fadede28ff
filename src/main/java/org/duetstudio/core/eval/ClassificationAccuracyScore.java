package org.duetstudio.core.eval;

import java.util.List;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ImageClassifier;
import org.duetstudio.core.training.Fit;

/**
 * Classification Accuracy Score (Ravuri &amp; Vinyals, NeurIPS 2019): a fresh classifier trained only on
 * generated images — asked of a conditional generator with the classes of {@code n} real training images —
 * and tested on real test images, beside the same classifier trained on those {@code n} real images. A
 * generator that captured every class in all its variety scores close to real data; one whose images
 * look good but lack variety, or drift from their class, scores lower.
 *
 * @param synthetic test accuracy of the classifier trained on generated images
 * @param real test accuracy of the same classifier trained on as many real images
 * @param syntheticMatrix the synthetic-trained classifier on the real test images
 */
public record ClassificationAccuracyScore(
    double synthetic, double real, int trainImages, int testImages, ClassifierSpec spec,
    ConfusionMatrix syntheticMatrix) {

  /** Synthetic accuracy as a share of real accuracy (1 = as good as real data). */
  public double ratio() {
    return real == 0 ? 0 : synthetic / real;
  }

  /**
   * Trains {@code spec} twice — on {@code n} generated images, on {@code n} real ones — and tests both on
   * {@code realTest}. The monitor sees the generated-data fit as the first half of the work.
   */
  public static ClassificationAccuracyScore measure(
      ConditionalGenerator generator,
      ClassifierSpec spec,
      ImageDataset realTrain,
      ImageDataset realTest,
      int n,
      long seed,
      Fit.Monitor monitor) {
    ImageDataset real = realTrain.head(Math.min(n, realTrain.size()));
    int[] labels = real.labels();
    float[][] images = generator.decode(generator.samplePrior(labels.length, seed), labels);
    List<String> names = realTrain.classNames();
    ImageDataset generated = new ImageDataset("generated", real.shape(), images, labels, names);
    Predictions s;
    Predictions r;
    // the two classifiers are trained for this score alone: their native memory goes when it is measured
    try (ImageClassifier onSynthetic = Fit.classifier(spec, generated, half(monitor, 0))) {
      s = Predictions.fromProbabilities(realTest.labels(), onSynthetic.predictProbabilities(realTest), names);
    }
    try (ImageClassifier onReal = Fit.classifier(spec, real, half(monitor, 0.5))) {
      r = Predictions.fromProbabilities(realTest.labels(), onReal.predictProbabilities(realTest), names);
    }
    return new ClassificationAccuracyScore(
        s.accuracy(), r.accuracy(), labels.length, realTest.size(), spec, s.confusionMatrix());
  }

  private static Fit.Monitor half(Fit.Monitor m, double offset) {
    return new Fit.Monitor() {
      @Override
      public void progress(double fraction) {
        m.progress(offset + fraction / 2);
      }

      @Override
      public boolean cancelled() {
        return m.cancelled();
      }
    };
  }
}
