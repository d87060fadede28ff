package org.duetstudio.core.eval;

import java.util.List;

/**
 * Counts of (actual class, predicted class) pairs, and the measures read from them: accuracy, per-class
 * precision, recall and F1. Immutable.
 */
public final class ConfusionMatrix {
  private final int[][] counts;
  private final List<String> classNames;
  private final int total;

  /** @param counts counts[actual][predicted] */
  public ConfusionMatrix(int[][] counts, List<String> classNames) {
    int k = classNames.size();
    if (counts.length != k) {
      throw new IllegalArgumentException("counts must be " + k + "x" + k);
    }
    this.counts = new int[k][];
    int t = 0;
    for (int a = 0; a < k; a++) {
      if (counts[a].length != k) {
        throw new IllegalArgumentException("counts must be " + k + "x" + k);
      }
      this.counts[a] = counts[a].clone();
      for (int c : counts[a]) {
        if (c < 0) {
          throw new IllegalArgumentException("negative count");
        }
        t += c;
      }
    }
    this.classNames = List.copyOf(classNames);
    this.total = t;
  }

  /** Builds the matrix from actual and predicted labels. */
  public static ConfusionMatrix of(int[] actual, int[] predicted, List<String> classNames) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          actual.length + " actual labels but " + predicted.length + " predictions");
    }
    int k = classNames.size();
    int[][] m = new int[k][k];
    for (int i = 0; i < actual.length; i++) {
      m[actual[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(m, classNames);
  }

  public int numClasses() {
    return classNames.size();
  }

  public List<String> classNames() {
    return classNames;
  }

  /** Images whose true class is {@code actual} and that were predicted as {@code predicted}. */
  public int count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  public int total() {
    return total;
  }

  public int correct() {
    int c = 0;
    for (int i = 0; i < counts.length; i++) {
      c += counts[i][i];
    }
    return c;
  }

  /** Share of all images predicted correctly; 0 when empty. */
  public double accuracy() {
    return total == 0 ? 0 : (double) correct() / total;
  }

  /** Images of class {@code c}. */
  public int support(int c) {
    int s = 0;
    for (int v : counts[c]) {
      s += v;
    }
    return s;
  }

  /** Of the images predicted as {@code c}, the share that are {@code c}; NaN if none was. */
  public double precision(int c) {
    int predicted = 0;
    for (int[] row : counts) {
      predicted += row[c];
    }
    return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
  }

  /** Of the images of class {@code c}, the share predicted as {@code c} (per-class accuracy); NaN if none. */
  public double recall(int c) {
    int s = support(c);
    return s == 0 ? Double.NaN : (double) counts[c][c] / s;
  }

  /** Harmonic mean of precision and recall; NaN when either is undefined, 0 when both are 0. */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    if (Double.isNaN(p) || Double.isNaN(r)) {
      return Double.NaN;
    }
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Mean of the defined per-class F1 scores. */
  public double macroF1() {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < numClasses(); c++) {
      double f = f1(c);
      if (!Double.isNaN(f)) {
        sum += f;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** A plain-text table, for the console and reports. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-14s", "actual\\pred"));
    for (int c = 0; c < numClasses(); c++) {
      sb.append(String.format("%6d", c));
    }
    sb.append(String.format("%9s%n", "recall"));
    for (int a = 0; a < numClasses(); a++) {
      sb.append(String.format("%-14s", abbreviate(a + " " + classNames.get(a))));
      for (int p = 0; p < numClasses(); p++) {
        sb.append(String.format("%6d", counts[a][p]));
      }
      sb.append(String.format("%8.1f%%%n", 100 * recall(a)));
    }
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 13 ? s : s.substring(0, 12) + "…";
  }
}
