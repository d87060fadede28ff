package org.duetstudio.core.model.smile;

import org.duetstudio.core.data.ImageDataset;

/** Smile models read double rows; the studio keeps float rows. */
final class SmileRows {
  private SmileRows() {}

  /** A Smile soft classifier's answer: fills {@code posteriori} for {@code x}. */
  @FunctionalInterface
  interface SoftClassifier {
    void predict(double[] x, double[] posteriori);
  }

  /** Class probabilities for every image, one row each. */
  static float[][] probabilities(ImageDataset images, int classes, SoftClassifier model) {
    int p = images.shape().length();
    float[][] out = new float[images.size()][classes];
    double[] x = new double[p];
    double[] post = new double[classes];
    float[] row = new float[p];
    for (int i = 0; i < images.size(); i++) {
      images.copyImage(i, row, 0);
      toDouble(row, x);
      model.predict(x, post);
      for (int c = 0; c < classes; c++) {
        out[i][c] = (float) post[c];
      }
    }
    return out;
  }

  static void toDouble(float[] src, double[] dst) {
    for (int j = 0; j < src.length; j++) {
      dst[j] = src[j];
    }
  }
}
