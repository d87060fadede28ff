package org.duetstudio.core.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Loads a folder that holds one sub-folder per class, each full of PNG, JPEG, BMP or GIF images. Class
 * names are the sub-folder names, in alphabetical order.
 *
 * <p>Policy, chosen so that nothing is lost silently:
 *
 * <ul>
 *   <li>files that are not images (by extension), and image files that cannot be decoded, are
 *       <b>skipped and counted</b> in the {@link LoadResult};
 *   <li>a class folder with no loadable image, or a root with no class folders, is <b>refused</b>;
 *   <li>images of different sizes are <b>refused</b> unless a target size is given, in which case every
 *       image is resized to it (bilinear) on purpose;
 *   <li>channels: 3 if any image has colour, else 1, unless given.
 * </ul>
 */
public final class ImageFolderLoader {
  private static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");
  /** More pixels than any camera's photo (a 200-megapixel sensor): a header that says more is damaged. */
  private static final long MAX_PIXELS = 200_000_000L;

  /**
   * What shape to load images into.
   *
   * @param width target width, or 0 to take the images' own (which must then agree)
   * @param height target height, or 0 likewise
   * @param channels 1 or 3, or 0 to decide from the images
   */
  public record Options(int width, int height, int channels) {
    public Options {
      if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
        throw new IllegalArgumentException("give both width and height, or neither");
      }
      if (channels != 0 && channels != 1 && channels != 3) {
        throw new IllegalArgumentException("channels must be 0 (automatic), 1 or 3");
      }
    }

    /** Take size and channels from the images. */
    public static Options automatic() {
      return new Options(0, 0, 0);
    }
  }

  private ImageFolderLoader() {}

  public static LoadResult load(Path root, Options options) throws DatasetException {
    if (!Files.isDirectory(root)) {
      throw new DatasetException(
          root, Files.exists(root) ? "is not a folder" : "does not exist");
    }
    List<Path> classDirs;
    try (Stream<Path> s = Files.list(root)) {
      classDirs =
          s.filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new DatasetException(root, "could not be listed (" + e.getMessage() + ")", e);
    }
    if (classDirs.isEmpty()) {
      throw new DatasetException(
          root,
          "has no class folders: put the images of each class in a folder of its own, e.g. "
              + root.getFileName()
              + "/cat/1.png and "
              + root.getFileName()
              + "/dog/1.png");
    }
    List<String> classNames = new ArrayList<>();
    List<BufferedImage> images = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<LoadResult.Skipped> skipped = new ArrayList<>();
    for (Path dir : classDirs) {
      int label = classNames.size();
      classNames.add(dir.getFileName().toString());
      List<Path> entries;
      try (Stream<Path> s = Files.list(dir)) {
        entries = s.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        throw new DatasetException(dir, "could not be listed (" + e.getMessage() + ")", e);
      }
      int before = images.size();
      for (Path f : entries) {
        if (f.getFileName().toString().startsWith(".")) {
          continue;
        }
        if (!IMAGE_EXTENSIONS.contains(extension(f))) {
          skipped.add(new LoadResult.Skipped(f, "not an image file"));
          continue;
        }
        String tooLarge = tooLargeToDecode(f);
        if (tooLarge != null) {
          skipped.add(new LoadResult.Skipped(f, tooLarge));
          continue;
        }
        BufferedImage img;
        try {
          img = ImageIO.read(f.toFile());
        } catch (IOException | RuntimeException e) {
          img = null;
        }
        if (img == null) {
          skipped.add(new LoadResult.Skipped(f, "could not be decoded as an image"));
          continue;
        }
        images.add(img);
        files.add(f);
        labels.add(label);
      }
      if (images.size() == before) {
        throw new DatasetException(
            dir,
            "class folder '" + dir.getFileName() + "' holds no loadable image"
                + (entries.isEmpty() ? " (it is empty)" : ""));
      }
    }

    int width = options.width();
    int height = options.height();
    if (width == 0) {
      width = images.get(0).getWidth();
      height = images.get(0).getHeight();
      for (int i = 1; i < images.size(); i++) {
        BufferedImage img = images.get(i);
        if (img.getWidth() != width || img.getHeight() != height) {
          throw new DatasetException(
              root,
              String.format(
                  "holds images of different sizes (%s is %dx%d, %s is %dx%d); give a target size"
                      + " to resize them all on purpose",
                  root.relativize(files.get(0)),
                  width,
                  height,
                  root.relativize(files.get(i)),
                  img.getWidth(),
                  img.getHeight()));
        }
      }
    }
    int channels = options.channels();
    if (channels == 0) {
      channels = 1;
      for (BufferedImage img : images) {
        if (hasColour(img)) {
          channels = 3;
          break;
        }
      }
    }
    ImageShape shape = new ImageShape(width, height, channels);
    float[][] rows = new float[images.size()][];
    int[] y = new int[images.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = toRow(resize(images.get(i), width, height), channels);
      y[i] = labels.get(i);
    }
    String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
    return new LoadResult(ImageDataset.adopt(name, shape, rows, y, classNames), skipped);
  }

  /**
   * Why an image file is not to be decoded at all — its header announces more pixels than any photo has
   * or than the memory available holds (decoding it would end in an OutOfMemoryError) — or null.
   */
  static String tooLargeToDecode(Path f) {
    try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return null; // ImageIO.read will say it cannot decode it
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (w * h > MAX_PIXELS || 8 * w * h > available) {
          return String.format(
              Locale.ROOT, "is %dx%d pixels, too large to decode in the memory available", w, h);
        }
        return null;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null; // the header cannot be read: ImageIO.read will say so
    }
  }

  private static String extension(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean hasColour(BufferedImage img) {
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

  private static BufferedImage resize(BufferedImage img, int w, int h) {
    if (img.getWidth() == w && img.getHeight() == h) {
      return img;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
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

  /** Channel-major floats in [0, 1]; transparent pixels are composed over white. */
  static float[] toRow(BufferedImage img, int channels) {
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
