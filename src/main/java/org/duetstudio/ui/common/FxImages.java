package org.duetstudio.ui.common;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.duetstudio.core.data.ImageShape;

/**
 * Pixel rows (floats in [0, 1], channel-major) to JavaFX images. Pixels are composed in an int buffer and
 * written in one call: a 64-image grid costs well under a millisecond this way, where one write per pixel
 * cost tens.
 */
public final class FxImages {
  private static final int WHITE = 0xFFFFFFFF;

  private FxImages() {}

  /** One image at its own size. */
  public static WritableImage image(float[] row, ImageShape shape) {
    return grid(List.of(row), shape, 1, 0);
  }

  /**
   * Many images in one picture, {@code columns} wide with {@code gap} white pixels between them: one node
   * for a whole grid.
   */
  public static WritableImage grid(List<float[]> rows, ImageShape shape, int columns, int gap) {
    int cols = Math.max(1, Math.min(columns, rows.size()));
    int r = Math.max(1, (rows.size() + cols - 1) / cols);
    int w = Math.max(1, cols * shape.width() + (cols - 1) * gap);
    int h = Math.max(1, r * shape.height() + (r - 1) * gap);
    int[] argb = new int[w * h];
    Arrays.fill(argb, WHITE);
    for (int i = 0; i < rows.size(); i++) {
      int x = (i % cols) * (shape.width() + gap);
      int y = (i / cols) * (shape.height() + gap);
      draw(argb, w, rows.get(i), shape, x, y);
    }
    WritableImage img = new WritableImage(w, h);
    img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return img;
  }

  /**
   * Runs the pixel loops until the JIT has compiled them. Called once in the background at start: the
   * first sample grids, drawn by interpreted code, used to hold the UI thread for 30–50 ms.
   */
  public static void warmUp() {
    ImageShape shape = new ImageShape(28, 28, 1);
    List<float[]> rows = Collections.nCopies(64, new float[shape.length()]);
    for (int i = 0; i < 300; i++) {
      grid(rows, shape, 8, 2);
    }
  }

  private static void draw(int[] argb, int stride, float[] row, ImageShape shape, int ox, int oy) {
    int w = shape.width();
    int plane = w * shape.height();
    for (int p = 0; p < plane; p++) {
      int r = clamp(row[p]);
      int g = shape.channels() == 3 ? clamp(row[plane + p]) : r;
      int b = shape.channels() == 3 ? clamp(row[2 * plane + p]) : r;
      argb[(oy + p / w) * stride + ox + p % w] = 0xFF000000 | (r << 16) | (g << 8) | b;
    }
  }

  private static int clamp(float v) {
    return Math.max(0, Math.min(255, Math.round(v * 255)));
  }
}
