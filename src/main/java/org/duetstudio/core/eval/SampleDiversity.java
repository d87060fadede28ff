package org.duetstudio.core.eval;

import java.util.List;

/**
 * How varied a set of images is: the root mean squared distance between two of them (over all pairs),
 * in pixel units. A grid of identical images scores 0; generated images divided by real images' score
 * gives a share, near 1 for a generator with real variety and near 0 for a collapsed one. Computed
 * through per-pixel variances (mean squared pair distance = 2 × summed variance), in O(n·d).
 */
public final class SampleDiversity {
  private SampleDiversity() {}

  /** The root mean squared pairwise distance of {@code images}; NaN for fewer than two. */
  public static double measure(List<float[]> images) {
    int n = images.size();
    if (n < 2) {
      return Double.NaN;
    }
    int d = images.get(0).length;
    double[] sum = new double[d];
    double[] sumSq = new double[d];
    for (float[] img : images) {
      for (int j = 0; j < d; j++) {
        sum[j] += img[j];
        sumSq[j] += (double) img[j] * img[j];
      }
    }
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = sum[j] / n;
      total += Math.max(0, sumSq[j] / n - mean * mean);
    }
    // E||a-b||^2 over distinct pairs = 2 * n/(n-1) * summed population variance
    return Math.sqrt(2.0 * n / (n - 1) * total);
  }
}
