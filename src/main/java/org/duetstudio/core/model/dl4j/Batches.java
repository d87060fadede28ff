package org.duetstudio.core.model.dl4j;

import java.nio.FloatBuffer;
import java.util.Random;
import org.duetstudio.core.data.ImageDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

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
   * The k×k patches of the images at {@code idx} (a valid convolution's inputs, stride 1) as a [n·oh·ow,
   * k·k·c] matrix: one row per output position, image by image, row by row; in each row the channels,
   * then the patch's rows and columns (im2col's order). Times a [k·k·c, filters] matrix it is the
   * convolution, in channels-last order.
   *
   * <p>Cut here rather than by libnd4j's {@code im2col} op in the graph: that op and the copy that puts its
   * output in row order took a fifth of the CNN's step; this loop and one bulk copy into native memory
   * take a few per cent.
   */
  static INDArray patches(ImageDataset data, int[] idx, int k) {
    int c = data.shape().channels();
    int h = data.shape().height();
    int w = data.shape().width();
    int oh = h - k + 1;
    int ow = w - k + 1;
    int width = k * k * c;
    int perImage = oh * ow * width;
    float[] image = new float[data.shape().length()];
    float[] rows = new float[perImage];
    INDArray out = Nd4j.createUninitialized(DataType.FLOAT, (long) idx.length * oh * ow, width);
    FloatBuffer target = out.data().asNioFloat();
    for (int n = 0; n < idx.length; n++) {
      data.copyImage(idx[n], image, 0);
      int r = 0;
      for (int y = 0; y < oh; y++) {
        for (int x = 0; x < ow; x++) {
          for (int ch = 0; ch < c; ch++) {
            int plane = ch * h * w;
            for (int dy = 0; dy < k; dy++) {
              int from = plane + (y + dy) * w + x;
              for (int dx = 0; dx < k; dx++) {
                rows[r++] = image[from + dx];
              }
            }
          }
        }
      }
      target.put(n * perImage, rows, 0, perImage);
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
