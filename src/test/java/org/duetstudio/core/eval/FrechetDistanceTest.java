package org.duetstudio.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
  private static float[][] gaussian(int n, int d, double mean, double sd, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) (mean + sd * r.nextGaussian());
      }
    }
    return x;
  }

  @Test
  void aSetIsAtDistanceZeroFromItself() {
    float[][] x = gaussian(400, 20, 0, 1, 1);
    assertThat(FrechetDistance.between(x, x)).isCloseTo(0, within(1e-6));
  }

  @Test
  void knownAnswersForGaussians() {
    int d = 10;
    // equal covariances, means 0.5 apart in every dimension: d * 0.25
    float[][] a = gaussian(20_000, d, 0, 1, 2);
    float[][] b = new float[a.length][d];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < d; j++) {
        b[i][j] = a[i][j] + 0.5f;
      }
    }
    assertThat(FrechetDistance.between(a, b)).isCloseTo(d * 0.25, within(1e-3));
    // Σ = I against Σ = 4I, same mean: Tr(I + 4I − 2·2I) = d
    float[][] c = gaussian(20_000, d, 0, 2, 3);
    assertThat(FrechetDistance.between(a, c)).isCloseTo(d, within(0.25));
  }

  @Test
  void squareRootOfAMatrixSquaresBack() {
    double[][] s = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
    double[][] r = EigenSolvers.jacobi().sqrtPsd(s);
    double[][] back = FrechetDistance.multiply(r, r);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(back[i][j]).isCloseTo(s[i][j], within(1e-9));
      }
    }
  }
}
