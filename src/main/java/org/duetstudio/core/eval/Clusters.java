package org.duetstudio.core.eval;

import java.util.List;
import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;
import smile.math.MathEx;
import smile.validation.metric.AdjustedRandIndex;

/**
 * Unsupervised learning beside the labels: k-means (Smile) groups points — raw pixels, or a VAE's latent
 * codes — without ever seeing a class, and the groups are then set beside the true classes. A cluster that
 * is mostly one class found that class on its own.
 *
 * @param counts counts[cluster][true class]
 * @param majority each cluster's most common true class
 * @param adjustedRand agreement of clusters and classes beyond chance (1 = the same partition, about 0 =
 *     no better than random groups)
 * @param purity share of points whose cluster's majority class is their own class
 * @param space what was clustered, e.g. "latent codes" or "pixels"
 */
public record Clusters(
    int[][] counts, int[] majority, double adjustedRand, double purity, List<String> classNames, String space) {
  public Clusters {
    int[][] c = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      c[i] = counts[i].clone();
    }
    counts = c;
    majority = majority.clone();
    classNames = List.copyOf(classNames);
  }

  @Override
  public int[][] counts() {
    int[][] c = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      c[i] = counts[i].clone();
    }
    return c;
  }

  @Override
  public int[] majority() {
    return majority.clone();
  }

  public int k() {
    return counts.length;
  }

  /** Points in cluster {@code c}. */
  public int size(int c) {
    int n = 0;
    for (int v : counts[c]) {
      n += v;
    }
    return n;
  }

  /**
   * Clusters {@code points} into {@code k} groups (k-means++ start, seeded) and compares them with
   * {@code labels}.
   */
  public static Clusters of(
      float[][] points, int[] labels, List<String> classNames, int k, long seed, String space) {
    if (points.length != labels.length) {
      throw new IllegalArgumentException(points.length + " points but " + labels.length + " labels");
    }
    if (points.length < k) {
      throw new IllegalArgumentException("k-means with " + k + " clusters needs at least " + k + " points");
    }
    double[][] x = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      x[i] = new double[points[i].length];
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = points[i][j];
      }
    }
    CentroidClustering<double[], double[]> km;
    synchronized (MathEx.class) { // Smile's random seed is global
      MathEx.setSeed(seed);
      km = KMeans.fit(x, k, 100);
    }
    int[] group = km.group();
    int[][] counts = new int[k][classNames.size()];
    for (int i = 0; i < group.length; i++) {
      counts[group[i]][labels[i]]++;
    }
    int[] majority = new int[k];
    int agree = 0;
    for (int c = 0; c < k; c++) {
      for (int y = 1; y < classNames.size(); y++) {
        if (counts[c][y] > counts[c][majority[c]]) {
          majority[c] = y;
        }
      }
      agree += counts[c][majority[c]];
    }
    return new Clusters(
        counts,
        majority,
        AdjustedRandIndex.of(labels, group),
        agree / (double) points.length,
        classNames,
        space);
  }
}
