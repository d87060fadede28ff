package org.duetstudio.core.eval;

/**
 * Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations: simple and exact to rounding,
 * but slow on the judge's 500-dimensional feature covariances (seconds each; {@code JudgeBench} measures
 * it). The judge uses LAPACK when the back-end offers it ({@link EigenSolvers#preferred()}); this one is
 * the fallback and the tests' oracle.
 */
final class SymmetricEigen implements EigenSolver {
  private static final int MAX_SWEEPS = 60;

  @Override
  public double[] eigenvalues(double[][] symmetric) {
    return decompose(symmetric, false).values();
  }

  @Override
  public Decomposition decompose(double[][] symmetric) {
    return decompose(symmetric, true);
  }

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
