package org.duetstudio.core.model;

import java.util.Arrays;
import java.util.List;

/**
 * A class-conditional generator: learns p(image | class), so it can be asked for images of a chosen
 * class. Its {@link #decode(float[][])} without classes cycles through them (point i gets class i mod k),
 * so a grid of k columns shows one class per column.
 */
public interface ConditionalGenerator extends ImageGenerator {
  List<String> classNames();

  /**
   * Images for latent points, each asked to be of the class mix in the same row of {@code classWeights}
   * (one row of k weights per point; one-hot asks for one class, a blend of two interpolates).
   */
  float[][] decode(float[][] latent, float[][] classWeights);

  /** Images for latent points, point i asked to be of class {@code labels[i]}. */
  default float[][] decode(float[][] latent, int[] labels) {
    return decode(latent, oneHot(labels, classNames().size()));
  }

  @Override
  default float[][] decode(float[][] latent) {
    int[] labels = new int[latent.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % classNames().size();
    }
    return decode(latent, labels);
  }

  /** {@code n} new images of class {@code label}, repeatably for a seed. */
  default float[][] sampleOf(int label, int n, long seed) {
    int[] labels = new int[n];
    Arrays.fill(labels, label);
    return decode(samplePrior(n, seed), labels);
  }

  /** Rows of k weights, one-hot at each label. */
  static float[][] oneHot(int[] labels, int k) {
    float[][] w = new float[labels.length][k];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException("class " + labels[i] + " outside 0.." + (k - 1));
      }
      w[i][labels[i]] = 1f;
    }
    return w;
  }
}
