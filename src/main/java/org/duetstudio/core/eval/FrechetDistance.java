package org.duetstudio.core.eval;

/**
 * The Fréchet distance between two sets of feature vectors, each fitted with a Gaussian:
 * |μ₁ − μ₂|² + Tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½). With the features of a classifier's penultimate layer
 * this is the idea of the FID (Heusel et al., 2017) — but measured with the studio's own classifier, so
 * its values are comparable between runs here and not with published FIDs (which use Inception-v3).
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  /**
   * The distance between the Gaussians fitted to {@code a} and {@code b} (rows = vectors), with the
   * preferred eigen-solver.
   */
  public static double between(float[][] a, float[][] b) {
    return between(a, b, EigenSolvers.preferred());
  }

  /** The same with the eigen-decompositions of {@code solver}. */
  public static double between(float[][] a, float[][] b, EigenSolver solver) {
    if (a.length < 2 || b.length < 2) {
      throw new IllegalArgumentException("each set needs at least two vectors");
    }
    int d = a[0].length;
    if (b[0].length != d) {
      throw new IllegalArgumentException("the sets' vectors differ in length: " + d + " and " + b[0].length);
    }
    double[] m1 = mean(a);
    double[] m2 = mean(b);
    double[][] s1 = covariance(a, m1);
    double[][] s2 = covariance(b, m2);
    double meanTerm = 0;
    for (int i = 0; i < d; i++) {
      meanTerm += (m1[i] - m2[i]) * (m1[i] - m2[i]);
    }
    double trace = 0;
    for (int i = 0; i < d; i++) {
      trace += s1[i][i] + s2[i][i];
    }
    double[][] root1 = solver.sqrtPsd(s1);
    double[][] m = multiply(multiply(root1, s2), root1);
    double crossTrace = 0;
    for (double lambda : solver.eigenvalues(m)) {
      crossTrace += Math.sqrt(Math.max(lambda, 0));
    }
    return Math.max(0, meanTerm + trace - 2 * crossTrace);
  }

  static double[] mean(float[][] x) {
    double[] m = new double[x[0].length];
    for (float[] row : x) {
      for (int j = 0; j < m.length; j++) {
        m[j] += row[j];
      }
    }
    for (int j = 0; j < m.length; j++) {
      m[j] /= x.length;
    }
    return m;
  }

  static double[][] covariance(float[][] x, double[] mean) {
    int d = mean.length;
    double[][] c = new double[d][d];
    double[] centred = new double[d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        centred[j] = row[j] - mean[j];
      }
      for (int i = 0; i < d; i++) {
        double ci = centred[i];
        if (ci == 0) {
          continue;
        }
        double[] ri = c[i];
        for (int j = i; j < d; j++) {
          ri[j] += ci * centred[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        c[i][j] /= x.length - 1;
        c[j][i] = c[i][j];
      }
    }
    return c;
  }

  static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int k = b.length;
    int m = b[0].length;
    double[][] out = new double[n][m];
    for (int i = 0; i < n; i++) {
      double[] oi = out[i];
      for (int p = 0; p < k; p++) {
        double aip = a[i][p];
        if (aip == 0) {
          continue;
        }
        double[] bp = b[p];
        for (int j = 0; j < m; j++) {
          oi[j] += aip * bp[j];
        }
      }
    }
    return out;
  }
}
