package org.duetstudio.core.model.dl4j;

import java.nio.FloatBuffer;
import java.util.Random;
import java.util.function.LongFunction;
import org.duetstudio.core.data.ImageDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Copies images and labels into ND4J arrays, one batch at a time. */
final class Batches {
  private Batches() {}

  /** Images at {@code idx} as a [n, width*height*channels] float matrix. */
  static INDArray features(ImageDataset data, int[] idx) {
    int len = data.shape().length();
    float[] buf = new float[idx.length * len];
    for (int k = 0; k < idx.length; k++) {
      data.copyImage(idx[k], buf, k * len);
    }
    return Nd4j.create(buf, new long[] {idx.length, len}, DataType.FLOAT);
  }

  /**
   * The k×k patches of the images at {@code idx} (a valid convolution's inputs, stride 1) as a [k·k·c,
   * n·oh·ow] matrix: one column per output position, image by image, row by row; one row per input
   * channel, then patch row and column (im2col's order). Its transpose times a [k·k·c, filters] matrix is
   * the convolution, in channels-last order.
   *
   * <p>Cut here rather than by libnd4j's {@code im2col} op in the graph: that op and the copy that put its
   * output in row order took a fifth of the CNN's step. Laid out this way each patch row is a run of
   * image pixels copied whole, which the JIT vectorises (0.85 ms for a batch of 64 where one value at a
   * time in [positions, k·k·c] order took 1.15).
   *
   * @param into given the number of values (k·k·c·n·oh·ow), an array of at least that many to write into,
   *     reused from batch to batch (a fresh native array of 3.7 MB is faulted in page by page: 0.4 ms);
   *     null for a new array
   */
  static INDArray patches(ImageDataset data, int[] idx, int k, LongFunction<INDArray> into) {
    int c = data.shape().channels();
    int h = data.shape().height();
    int w = data.shape().width();
    int oh = h - k + 1;
    int ow = w - k + 1;
    int positions = oh * ow;
    int rows = k * k * c;
    long cols = (long) idx.length * positions;
    INDArray out =
        into == null
            ? Nd4j.createUninitialized(DataType.FLOAT, rows, cols)
            : into.apply(rows * cols).get(NDArrayIndex.interval(0, rows * cols)).reshape(rows, cols);
    FloatBuffer target = out.data().asNioFloat();
    float[] image = new float[data.shape().length()];
    float[] stage = new float[rows * positions];
    for (int n = 0; n < idx.length; n++) {
      data.copyImage(idx[n], image, 0);
      int row = 0;
      for (int ch = 0; ch < c; ch++) {
        for (int dy = 0; dy < k; dy++) {
          for (int dx = 0; dx < k; dx++, row++) {
            for (int y = 0; y < oh; y++) {
              int from = ch * h * w + (y + dy) * w + dx;
              int to = row * positions + y * ow;
              for (int x = 0; x < ow; x++) {
                stage[to + x] = image[from + x];
              }
            }
          }
        }
      }
      for (int r = 0; r < rows; r++) {
        target.put(Math.toIntExact(r * cols + (long) n * positions), stage, r * positions, positions);
      }
    }
    return out;
  }

  /** Labels at {@code idx} as one-hot rows. */
  static INDArray oneHot(ImageDataset data, int[] idx) {
    int k = data.numClasses();
    float[] buf = new float[idx.length * k];
    for (int i = 0; i < idx.length; i++) {
      buf[i * k + data.label(idx[i])] = 1f;
    }
    return Nd4j.create(buf, new long[] {idx.length, k}, DataType.FLOAT);
  }

  /** Rows as a [n, d] float matrix. */
  static INDArray matrix(float[][] rows, int from, int to, int d) {
    float[] buf = new float[(to - from) * d];
    for (int i = from; i < to; i++) {
      System.arraycopy(rows[i], 0, buf, (i - from) * d, d);
    }
    return Nd4j.create(buf, new long[] {to - from, d}, DataType.FLOAT);
  }

  /** A [n, d] matrix back into rows. */
  static float[][] rows(INDArray m) {
    INDArray c = m.castTo(DataType.FLOAT).dup('c');
    int n = (int) c.size(0);
    int d = (int) c.size(1);
    float[] flat = c.data().asFloat();
    float[][] out = new float[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * d, out[i], 0, d);
    }
    return out;
  }

  /** {@code n} rows of {@code d} standard-normal values: latent points and noise, from a seeded RNG. */
  static float[][] gaussian(int n, int d, Random rng) {
    float[][] z = new float[n][d];
    for (float[] row : z) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) rng.nextGaussian();
      }
    }
    return z;
  }

  /** A [n, d] matrix of standard-normal values from a seeded RNG. */
  static INDArray gaussianMatrix(int n, int d, Random rng) {
    return matrix(gaussian(n, d, rng), 0, n, d);
  }

  static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  /** Inputs without labels, as one multi-input batch (for a bare SameDiff fit). */
  static MultiDataSet unlabelled(INDArray... inputs) {
    return new MultiDataSet(inputs, new INDArray[0]);
  }
}
