package org.duetstudio.core.eval;

import java.util.Arrays;
import java.util.List;
import org.duetstudio.core.data.ImageDataset;

/**
 * The memorisation check: for each generated image, the training image closest to it in pixel space
 * (Euclidean distance). A generator that copies its training data shows distances far below those of real
 * test images to their nearest training image.
 *
 * @param indices for each query, the index of its nearest training image
 * @param distances for each query, the distance to it
 */
public record NearestNeighbours(int[] indices, double[] distances) {
  public NearestNeighbours {
    indices = indices.clone();
    distances = distances.clone();
  }

  @Override
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public double[] distances() {
    return distances.clone();
  }

  public double meanDistance() {
    double s = 0;
    for (double d : distances) {
      s += d;
    }
    return distances.length == 0 ? Double.NaN : s / distances.length;
  }

  /** Brute force over {@code train}: exact, and fast enough for a few hundred queries. */
  public static NearestNeighbours find(List<float[]> queries, ImageDataset train) {
    int n = queries.size();
    int[] best = new int[n];
    double[] dist = new double[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    float[] row = new float[train.shape().length()];
    for (int t = 0; t < train.size(); t++) {
      train.copyImage(t, row, 0);
      for (int q = 0; q < n; q++) {
        float[] x = queries.get(q);
        if (x.length != row.length) {
          throw new IllegalArgumentException("query " + q + " is not of the training images' shape");
        }
        double s = 0;
        double limit = dist[q];
        for (int j = 0; j < row.length && s < limit; j++) {
          double d = x[j] - row[j];
          s += d * d;
        }
        if (s < dist[q]) {
          dist[q] = s;
          best[q] = t;
        }
      }
    }
    for (int q = 0; q < n; q++) {
      dist[q] = Math.sqrt(dist[q]);
    }
    return new NearestNeighbours(best, dist);
  }
}
