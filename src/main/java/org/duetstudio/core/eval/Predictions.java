package org.duetstudio.core.eval;

import java.util.List;

/**
 * A classifier's answers on a labelled set: for each image the true class, the predicted class and the
 * probability it gave that prediction. Immutable (arrays are copied in and out).
 */
public final class Predictions {
  private final int[] actual;
  private final int[] predicted;
  private final float[] confidence;
  private final List<String> classNames;

  public Predictions(int[] actual, int[] predicted, float[] confidence, List<String> classNames) {
    if (actual.length != predicted.length || actual.length != confidence.length) {
      throw new IllegalArgumentException("actual, predicted and confidence differ in length");
    }
    this.actual = actual.clone();
    this.predicted = predicted.clone();
    this.confidence = confidence.clone();
    this.classNames = List.copyOf(classNames);
  }

  /** From class probabilities (one row per image): the arg-max and its probability. */
  public static Predictions fromProbabilities(
      int[] actual, float[][] probabilities, List<String> classNames) {
    int n = probabilities.length;
    int[] pred = new int[n];
    float[] conf = new float[n];
    for (int i = 0; i < n; i++) {
      float[] p = probabilities[i];
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        if (p[c] > p[best]) {
          best = c;
        }
      }
      pred[i] = best;
      conf[i] = p[best];
    }
    return new Predictions(actual, pred, conf, classNames);
  }

  public int size() {
    return actual.length;
  }

  public int actual(int i) {
    return actual[i];
  }

  public int predicted(int i) {
    return predicted[i];
  }

  public float confidence(int i) {
    return confidence[i];
  }

  public boolean correct(int i) {
    return actual[i] == predicted[i];
  }

  public List<String> classNames() {
    return classNames;
  }

  public ConfusionMatrix confusionMatrix() {
    return ConfusionMatrix.of(actual, predicted, classNames);
  }

  public double accuracy() {
    if (actual.length == 0) {
      return 0;
    }
    int ok = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] == predicted[i]) {
        ok++;
      }
    }
    return (double) ok / actual.length;
  }

  /**
   * Mean negative log-likelihood of the true classes, from the full probability rows; the "test loss".
   */
  public static double logLoss(int[] actual, float[][] probabilities) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum -= Math.log(Math.max(probabilities[i][actual[i]], 1e-12));
    }
    return actual.length == 0 ? Double.NaN : sum / actual.length;
  }
}
