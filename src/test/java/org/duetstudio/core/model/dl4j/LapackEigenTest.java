package org.duetstudio.core.model.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.duetstudio.core.eval.EigenSolver;
import org.duetstudio.core.eval.EigenSolvers;
import org.duetstudio.core.eval.FrechetDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LAPACK's eigen-decomposition against the studio's Jacobi, the oracle. */
class LapackEigenTest {
  private final EigenSolver lapack = new LapackEigen();
  private final EigenSolver jacobi = EigenSolvers.jacobi();

  private static double[][] randomSymmetric(int n, long seed) {
    Random r = new Random(seed);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        a[i][j] = r.nextGaussian();
        a[j][i] = a[i][j];
      }
    }
    return a;
  }

  /** The covariance of {@code rows} ReLU'd random features: positive semi-definite, like the judge's. */
  private static float[][] features(int rows, int d, double shift, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[rows][d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) Math.max(0, shift + r.nextGaussian() * (1 + j % 3));
      }
    }
    return x;
  }

  private static double norm(double[] values) {
    return Arrays.stream(values).map(Math::abs).max().orElse(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 60, 200})
  void eigenvaluesAgreeWithTheJacobi(int n) {
    double[][] a = randomSymmetric(n, n);
    double[][] copy = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    double[] mine = lapack.eigenvalues(a);
    double[] oracle = jacobi.eigenvalues(a);
    assertThat(a).isDeepEqualTo(copy); // left as it was
    Arrays.sort(mine);
    Arrays.sort(oracle);
    assertThat(mine).hasSize(n);
    double scale = norm(oracle);
    for (int k = 0; k < n; k++) {
      // relative to the eigenvalue, or to the matrix's norm for the few near zero
      assertThat(mine[k]).isCloseTo(oracle[k], within(1e-8 * Math.max(Math.abs(oracle[k]), 1e-3 * scale)));
    }
  }

  @Test
  void eigenvectorsAreOrthonormalAndSatisfyAvEqualsLambdaV() {
    int n = 80;
    double[][] a = randomSymmetric(n, 11);
    EigenSolver.Decomposition d = lapack.decompose(a);
    double scale = norm(d.values());
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        double av = 0;
        for (int j = 0; j < n; j++) {
          av += a[i][j] * d.vectors()[j][k];
        }
        assertThat(av).isCloseTo(d.values()[k] * d.vectors()[i][k], within(1e-10 * scale));
      }
      for (int m = k; m < n; m++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += d.vectors()[i][k] * d.vectors()[i][m];
        }
        assertThat(dot).isCloseTo(k == m ? 1 : 0, within(1e-10));
      }
    }
  }

  @Test
  void squareRootsAgreeWithTheJacobiOnACovariance() {
    float[][] x = features(400, 50, 0.2, 3);
    double[][] c = covariance(x);
    double[][] mine = lapack.sqrtPsd(c);
    double[][] oracle = jacobi.sqrtPsd(c);
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c.length; j++) {
        assertThat(mine[i][j]).isCloseTo(oracle[i][j], within(1e-8));
      }
    }
  }

  @Test
  void frechetDistancesAgreeWithTheJacobi() {
    float[][] real = features(600, 120, 0.3, 5);
    float[][] fake = features(300, 120, 0.1, 6);
    double mine = FrechetDistance.between(real, fake, lapack);
    double oracle = FrechetDistance.between(real, fake, jacobi);
    assertThat(oracle).isGreaterThan(1);
    assertThat(mine).isCloseTo(oracle, within(1e-8 * oracle));
  }

  @Test
  void theJudgeFindsLapackAsItsSolver() {
    assertThat(EigenSolvers.preferred()).isInstanceOf(LapackEigen.class);
  }

  private static double[][] covariance(float[][] x) {
    int d = x[0].length;
    double[] mean = new double[d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / (double) x.length;
      }
    }
    double[][] c = new double[d][d];
    for (float[] row : x) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          c[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (x.length - 1);
        }
      }
    }
    return c;
  }
}
