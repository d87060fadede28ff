package org.duetstudio.core.eval;

/**
 * Eigen-decomposition of real symmetric matrices, as the Fréchet distance needs it. The studio's own cyclic
 * Jacobi ({@link SymmetricEigen}) is one; a faster one (LAPACK, through the deep-learning back-end) is found
 * by {@link EigenSolvers#preferred()}.
 */
public interface EigenSolver {
  /** Eigenvalues (in any order) of a symmetric matrix; the matrix is left as it was. */
  double[] eigenvalues(double[][] symmetric);

  /** Eigenvalues and their eigenvectors; the matrix is left as it was. */
  Decomposition decompose(double[][] symmetric);

  /**
   * The principal square root of a symmetric positive semi-definite matrix (eigenvalues that rounding made
   * negative count as 0).
   */
  default double[][] sqrtPsd(double[][] symmetric) {
    Decomposition e = decompose(symmetric);
    int n = e.values().length;
    double[][] out = new double[n][n];
    for (int k = 0; k < n; k++) {
      double s = Math.sqrt(Math.max(e.values()[k], 0));
      if (s == 0) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double vik = e.vectors()[i][k] * s;
        if (vik == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          out[i][j] += vik * e.vectors()[j][k];
        }
      }
    }
    return out;
  }

  /**
   * @param values the eigenvalues, in any order
   * @param vectors their eigenvectors as columns: {@code vectors[i][k]} is component i of the k-th
   */
  record Decomposition(double[] values, double[][] vectors) {}
}
