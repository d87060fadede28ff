package org.duetstudio.core.model.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/** The studio's Adam against ND4J's {@code AdamUpdater}, the oracle: the same weights and moments. */
class HeapAdamTest {

  @ParameterizedTest(name = "lr {0}, beta1 {1}, beta2 {2}")
  @CsvSource({"0.001, 0.9, 0.999", "0.0002, 0.5, 0.999", "0.01, 0.8, 0.99"})
  void givesNd4jsAdamUpdateStepByStep(double lr, double beta1, double beta2) {
    Nd4jRuntime.ensureLoaded();
    Adam config = Adam.builder().learningRate(lr).beta1(beta1).beta2(beta2).build();
    Nd4j.getRandom().setSeed(7);
    INDArray oracleW = Nd4j.randn(DataType.FLOAT, 37, 11);
    INDArray w = oracleW.dup();
    INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * w.length());
    GradientUpdater<?> oracle = config.instantiate(state, true);
    HeapAdam adam = new HeapAdam(config);
    adam.add("w", (int) w.length());
    for (int t = 0; t < 30; t++) {
      // gradients of changing scale and sign, some exactly zero
      INDArray g = Nd4j.randn(DataType.FLOAT, 37, 11).muli(Math.pow(10, t % 4 - 2));
      g.get(NDArrayIndex.point(t % 37), NDArrayIndex.all()).assign(0);
      adam.apply("w", w, g.dup(), t);
      INDArray update = g.dup();
      oracle.applyUpdater(update, t, 0);
      oracleW.subi(update);
    }
    assertClose(oracleW.data().asFloat(), w.data().asFloat(), "weights");
    assertClose(state.data().asFloat(), toFloats(adam.state("w")), "moments (m, then v)");
    assertTrue(w.sub(oracleW).norm2Number().doubleValue() < 1e-4, "the weights moved the same way");
  }

  @Test
  void readsAndWritesViewsAndOtherOrders() {
    Nd4jRuntime.ensureLoaded();
    Adam config = new Adam(0.01);
    INDArray whole = Nd4j.create(counting(1, 40), new long[] {8, 5}, 'c');
    INDArray view = whole.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all()); // rows 2..5, a view
    INDArray fOrder = Nd4j.create(counting(1, 20), new long[] {4, 5}, 'f');
    INDArray g = Nd4j.create(counting(-10, 20), new long[] {4, 5}, 'c').divi(10);
    HeapAdam adam = new HeapAdam(config);
    adam.add("view", 20);
    adam.add("f", 20);
    INDArray expectView = view.dup('c');
    INDArray expectF = fOrder.dup('c');
    HeapAdam plain = new HeapAdam(config);
    plain.add("a", 20);
    plain.add("b", 20);
    plain.apply("a", expectView, g.dup(), 0);
    plain.apply("b", expectF, g.dup('f'), 0);

    adam.apply("view", view, g.dup(), 0);
    adam.apply("f", fOrder, g.dup('f'), 0);

    assertArrayEquals(expectView.data().asFloat(), view.dup('c').data().asFloat(), 0f);
    assertArrayEquals(expectF.data().asFloat(), fOrder.dup('c').data().asFloat(), 0f);
    float[] after = whole.dup('c').data().asFloat();
    for (int i = 0; i < 40; i++) {
      if (i < 10 || i >= 30) {
        assertTrue(after[i] == i + 1, "a value outside the view changed: " + i);
      }
    }
  }

  /** A dead unit's moments decay towards 0; subnormal floats on the way would make every step ~100x slower. */
  @Test
  void momentsOfAWeightWhoseGradientStaysZeroNeverBecomeSubnormal() {
    Nd4jRuntime.ensureLoaded();
    HeapAdam adam = new HeapAdam(new Adam(1e-3));
    adam.add("w", 4);
    INDArray w = Nd4j.create(new float[] {0.5f, -0.25f, 1f, 2f}, new long[] {4}, 'c');
    adam.apply("w", w, Nd4j.create(new float[] {1e-3f, -2e-2f, 3f, 1e-12f}, new long[] {4}, 'c'), 0);
    INDArray zero = Nd4j.zeros(DataType.FLOAT, 4);
    for (int t = 1; t < 3000; t++) {
      adam.apply("w", w, zero.dup(), t);
      for (double value : adam.state("w")) {
        float f = (float) value;
        assertTrue(f == 0 || Math.abs(f) >= Float.MIN_NORMAL, "subnormal moment " + f + " at step " + t);
      }
    }
    double[] state = adam.state("w");
    for (int i = 0; i < 4; i++) {
      assertTrue(Math.abs(state[i]) < 1e-28, "first moment " + i + " decayed (0.9^3000 of its start): " + state[i]);
    }
    assertTrue(state[6] > 0, "the large gradient's second moment is still there (0.999^3000 of 9e-3)");
    for (float f : w.data().asFloat()) {
      assertTrue(Float.isFinite(f));
    }
  }

  @Test
  void aStateThatDoesNotFitIsRefused() {
    HeapAdam adam = new HeapAdam(new Adam(1e-3));
    adam.add("w", 10);
    assertThrows(IllegalArgumentException.class, () -> adam.restore("w", new double[19]));
  }

  private static float[] counting(int from, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = from + i;
    }
    return f;
  }

  private static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    assertTrue(expected.length == actual.length, what + ": lengths");
    for (int i = 0; i < expected.length; i++) {
      float tol = 1e-5f * Math.max(1f, Math.abs(expected[i]));
      if (Math.abs(expected[i] - actual[i]) > tol) {
        throw new AssertionError(what + "[" + i + "]: ND4J " + expected[i] + ", studio " + actual[i]);
      }
    }
  }
}
