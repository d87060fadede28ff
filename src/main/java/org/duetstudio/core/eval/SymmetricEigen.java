package org.duetstudio.core.eval;

/**
 * Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations: simple, exact to rounding,
 * and fast enough for the few-hundred-dimensional feature covariances the judge needs.
 */
final class SymmetricEigen {
  private static final int MAX_SWEEPS = 60;

  private SymmetricEigen() {}

  /** Eigenvalues (unordered) of a symmetric matrix. */
  static double[] eigenvalues(double[][] symmetric) {
    return decompose(symmetric, false).values;
  }

  /** The principal square root of a symmetric positive semi-definite matrix (negative rounding → 0). */
  static double[][] sqrtPsd(double[][] symmetric) {
    Decomposition e = decompose(symmetric, true);
    int n = e.values.length;
    double[][] out = new double[n][n];
    for (int k = 0; k < n; k++) {
      double s = Math.sqrt(Math.max(e.values[k], 0));
      if (s == 0) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double vik = e.vectors[i][k] * s;
        if (vik == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          out[i][j] += vik * e.vectors[j][k];
        }
      }
    }
    return out;
  }

  private record Decomposition(double[] values, double[][] vectors) {}

  private static Decomposition decompose(double[][] symmetric, boolean wantVectors) {
    int n = symmetric.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = symmetric[i].clone();
    }
    double[][] v = null;
    if (wantVectors) {
      v = new double[n][n];
      for (int i = 0; i < n; i++) {
        v[i][i] = 1;
      }
    }
    double scale = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scale += a[i][j] * a[i][j];
      }
    }
    double tolerance = 1e-22 * Math.max(scale, Double.MIN_NORMAL);
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off <= tolerance) {
        break;
      }
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = a[p][q];
          if (Math.abs(apq) < 1e-300) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) { // columns p and q
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) { // rows p and q
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          if (v != null) {
            for (int k = 0; k < n; k++) {
              double vkp = v[k][p];
              double vkq = v[k][q];
              v[k][p] = c * vkp - s * vkq;
              v[k][q] = s * vkp + c * vkq;
            }
          }
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i][i];
    }
    return new Decomposition(values, v);
  }
}
