package org.duetstudio.core.eval;

import java.util.List;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ImageClassifier;

/**
 * How often the classifier agrees with the class a conditional generator was asked for: {@code n}
 * samples per class, each classified. The matrix has the requested class as "actual" and the classifier's
 * answer as "predicted", so its per-class recall is the label fidelity of that class.
 *
 * @param matrix requested class × the classifier's label
 * @param meanConfidence per class, the classifier's mean probability for the requested class
 */
public record LabelFidelity(ConfusionMatrix matrix, double[] meanConfidence) {
  public LabelFidelity {
    meanConfidence = meanConfidence.clone();
  }

  @Override
  public double[] meanConfidence() {
    return meanConfidence.clone();
  }

  /** Share of all samples labelled as asked. */
  public double overall() {
    return matrix.accuracy();
  }

  /** Share of class {@code c}'s samples labelled {@code c}. */
  public double of(int c) {
    return matrix.recall(c);
  }

  public List<String> classNames() {
    return matrix.classNames();
  }

  /** Asks {@code generator} for {@code perClass} images of every class and lets {@code classifier} label them. */
  public static LabelFidelity measure(
      ConditionalGenerator generator, ImageClassifier classifier, int perClass, long seed) {
    List<String> names = classifier.classNames();
    if (!names.equals(generator.classNames())) {
      throw new IllegalArgumentException("the generator and the classifier must know the same classes");
    }
    int k = names.size();
    int[] requested = new int[k * perClass];
    for (int i = 0; i < requested.length; i++) {
      requested[i] = i / perClass;
    }
    float[][] images = generator.decode(generator.samplePrior(requested.length, seed), requested);
    float[][] p =
        classifier.predictProbabilities(
            new ImageDataset("generated", generator.shape(), images, requested, names));
    int[] predicted = new int[requested.length];
    double[] conf = new double[k];
    for (int i = 0; i < p.length; i++) {
      predicted[i] = argmax(p[i]);
      conf[requested[i]] += p[i][requested[i]];
    }
    for (int c = 0; c < k; c++) {
      conf[c] /= perClass;
    }
    return new LabelFidelity(ConfusionMatrix.of(requested, predicted, names), conf);
  }

  /** The index of the largest value (the first, on ties): a classifier's answer from its probabilities. */
  public static int argmax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }
}
