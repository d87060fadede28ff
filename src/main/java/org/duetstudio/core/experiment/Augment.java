package org.duetstudio.core.experiment;

import java.util.Random;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.ImageShape;

/**
 * Plain data augmentation, the baseline synthetic data must beat: each new image is a real one mirrored
 * left–right (half of the time) and shifted by up to two pixels each way, the uncovered border black.
 */
public final class Augment {
  static final int MAX_SHIFT = 2;

  private Augment() {}

  /** {@code n} augmented copies of images of {@code data}, drawn at random (seeded), labels kept. */
  public static ImageDataset flipsAndShifts(ImageDataset data, int n, long seed) {
    Random r = new Random(seed);
    ImageShape s = data.shape();
    float[][] out = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int src = r.nextInt(data.size());
      out[i] = transform(data.image(src), s, r.nextBoolean(), r.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT,
          r.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT);
      labels[i] = data.label(src);
    }
    return new ImageDataset(data.name() + "-augmented", s, out, labels, data.classNames());
  }

  /** One image mirrored (if {@code flip}) and shifted by (dx, dy). */
  static float[] transform(float[] img, ImageShape s, boolean flip, int dx, int dy) {
    int w = s.width();
    int h = s.height();
    float[] out = new float[img.length];
    for (int c = 0; c < s.channels(); c++) {
      int base = c * w * h;
      for (int y = 0; y < h; y++) {
        int sy = y - dy;
        if (sy < 0 || sy >= h) {
          continue;
        }
        for (int x = 0; x < w; x++) {
          int sx = x - dx;
          if (sx < 0 || sx >= w) {
            continue;
          }
          int fx = flip ? w - 1 - sx : sx;
          out[base + y * w + x] = img[base + sy * w + fx];
        }
      }
    }
    return out;
  }
}
