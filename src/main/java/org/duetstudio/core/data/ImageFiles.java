package org.duetstudio.core.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reading one image file into the studio's pixels: its size from the header alone (nothing decoded),
 * decoding it scaled down on the way (a large photo is subsampled while it is read, so its full size is
 * never held), cropping and scaling it to a target size, and turning it into a channel-major row in [0, 1].
 * The image folder loader and "ask the classifier" both read images through here.
 */
public final class ImageFiles {
  /** The file name endings read as images. */
  public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

  private ImageFiles() {}

  /** A size in pixels. */
  public record Size(int width, int height) {
    @Override
    public String toString() {
      return width + "x" + height;
    }
  }

  /** True when the file's name ends like an image the studio reads. */
  public static boolean isImageName(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The image's size read from its header, or null when no reader knows the file. */
  public static Size probe(Path f) {
    try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
      if (in == null) {
        return null;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader r = readers.next();
      try {
        r.setInput(in, true, true);
        return new Size(r.getWidth(0), r.getHeight(0));
      } finally {
        r.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Decodes {@code f} and returns it at exactly {@code width} × {@code height}: scaled to fill, the rest
   * cropped off evenly. A large image is subsampled while it is decoded, so that no more than about twice
   * the target is ever held. Null when it cannot be decoded.
   */
  public static BufferedImage read(Path f, int width, int height) {
    BufferedImage img;
    try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
      if (in == null) {
        return null;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader r = readers.next();
      try {
        r.setInput(in, true, true);
        int w = r.getWidth(0);
        int h = r.getHeight(0);
        int factor = Math.max(1, Math.min(w / (2 * width), h / (2 * height)));
        ImageReadParam param = r.getDefaultReadParam();
        if (factor > 1) {
          param.setSourceSubsampling(factor, factor, 0, 0);
        }
        img = r.read(0, param);
      } finally {
        r.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return img == null ? null : fit(img, width, height);
  }

  /** {@code img} at exactly the given size: scaled to fill (halving first while it is over twice as big), cropped evenly. */
  public static BufferedImage fit(BufferedImage img, int width, int height) {
    if (img.getWidth() == width && img.getHeight() == height) {
      return img;
    }
    // crop to the target's proportions, centred
    int sw = img.getWidth();
    int sh = img.getHeight();
    double target = (double) width / height;
    int cw = sw;
    int ch = sh;
    if ((double) sw / sh > target) {
      cw = Math.max(1, (int) Math.round(sh * target));
    } else {
      ch = Math.max(1, (int) Math.round(sw / target));
    }
    BufferedImage cur = img.getSubimage((sw - cw) / 2, (sh - ch) / 2, cw, ch);
    while (cur.getWidth() >= 2 * width && cur.getHeight() >= 2 * height) {
      cur = scale(cur, cur.getWidth() / 2, cur.getHeight() / 2);
    }
    return scale(cur, width, height);
  }

  private static BufferedImage scale(BufferedImage img, int w, int h) {
    boolean grey = img.getRaster().getNumBands() == 1;
    BufferedImage out =
        new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(img, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** True when any pixel's red, green and blue differ. */
  public static boolean hasColour(BufferedImage img) {
    if (img.getColorModel().getNumColorComponents() < 3) {
      return false;
    }
    for (int yy = 0; yy < img.getHeight(); yy++) {
      for (int xx = 0; xx < img.getWidth(); xx++) {
        int rgb = img.getRGB(xx, yy);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r != g || g != b) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * One image file as a row of {@code shape}: decoded, cropped and scaled to its size, made grey or kept
   * in colour as its channels say. What "ask the classifier" feeds the model.
   *
   * @throws DatasetException naming the file when it is not an image the studio can read
   */
  public static float[] asRow(Path f, ImageShape shape) throws DatasetException {
    if (!Files.isRegularFile(f)) {
      throw new DatasetException(f, Files.exists(f) ? "is not a file" : "does not exist");
    }
    BufferedImage img = read(f, shape.width(), shape.height());
    if (img == null) {
      throw new DatasetException(f, "could not be read as an image (PNG, JPEG, BMP or GIF)");
    }
    return toRow(img, shape.channels());
  }

  /** The mean value of the outermost pixels of a row of {@code shape}, over all channels: its background. */
  public static double borderMean(float[] row, ImageShape shape) {
    int w = shape.width();
    int h = shape.height();
    double sum = 0;
    int n = 0;
    for (int ch = 0; ch < shape.channels(); ch++) {
      int base = ch * w * h;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
            sum += row[base + y * w + x];
            n++;
          }
        }
      }
    }
    return sum / n;
  }

  /** Channel-major floats in [0, 1]; transparent pixels are composed over white. */
  public static float[] toRow(BufferedImage img, int channels) {
    int w = img.getWidth();
    int h = img.getHeight();
    int plane = w * h;
    float[] row = new float[plane * channels];
    if (img.getRaster().getNumBands() == 1) {
      // single-band grey: read the samples themselves; getRGB would push them through a gamma curve
      float max = (1 << img.getColorModel().getComponentSize(0)) - 1;
      for (int yy = 0; yy < h; yy++) {
        for (int xx = 0; xx < w; xx++) {
          float v = img.getRaster().getSample(xx, yy, 0) / max;
          for (int ch = 0; ch < channels; ch++) {
            row[ch * plane + yy * w + xx] = v;
          }
        }
      }
      return row;
    }
    for (int yy = 0; yy < h; yy++) {
      for (int xx = 0; xx < w; xx++) {
        int argb = img.getRGB(xx, yy);
        float a = ((argb >>> 24) & 0xFF) / 255f;
        float r = blend((argb >> 16) & 0xFF, a);
        float g = blend((argb >> 8) & 0xFF, a);
        float b = blend(argb & 0xFF, a);
        int p = yy * w + xx;
        if (channels == 1) {
          row[p] = 0.299f * r + 0.587f * g + 0.114f * b;
        } else {
          row[p] = r;
          row[plane + p] = g;
          row[2 * plane + p] = b;
        }
      }
    }
    return row;
  }

  private static float blend(int v, float alpha) {
    return (v / 255f) * alpha + (1 - alpha);
  }
}
