package org.duetstudio.core.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an IDX image file and its IDX label file (the MNIST / Fashion-MNIST format), plain or gzip
 * compressed (detected from the content, not the name).
 *
 * <p>Images: magic {@code 0x00000803}, dimensions {@code n, rows, cols} (grey) or {@code n, rows, cols, 3}
 * (RGB, channel last in the file). Labels: magic {@code 0x00000801}, dimension {@code n}. Every problem is
 * reported as a {@link DatasetException} that names the file.
 */
public final class IdxLoader {
  private static final int IMAGE_MAGIC = 0x00000803;
  private static final int LABEL_MAGIC = 0x00000801;

  private IdxLoader() {}

  /**
   * Loads an image file and a label file into one data set.
   *
   * @param classNames class names, index = label; when null, "class 0", "class 1", ... up to the largest
   *     label
   */
  public static ImageDataset load(Path images, Path labels, List<String> classNames, String name)
      throws DatasetException {
    Pixels px = readImages(images);
    int[] y = readLabels(labels);
    if (y.length != px.count) {
      throw new DatasetException(
          labels,
          "holds "
              + y.length
              + " labels but the image file "
              + images.getFileName()
              + " holds "
              + px.count
              + " images");
    }
    int max = -1;
    for (int label : y) {
      max = Math.max(max, label);
    }
    List<String> names = classNames;
    if (names == null) {
      names = new ArrayList<>();
      for (int c = 0; c <= max; c++) {
        names.add("class " + c);
      }
    }
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= names.size()) {
        throw new DatasetException(
            labels,
            "label "
                + y[i]
                + " of item "
                + i
                + " is out of range: the data set has "
                + names.size()
                + " classes (0.."
                + (names.size() - 1)
                + ")");
      }
    }
    return ImageDataset.adopt(name, px.shape, px.rows, y, names);
  }

  private record Pixels(ImageShape shape, int count, float[][] rows) {}

  private static Pixels readImages(Path file) throws DatasetException {
    ByteBuffer b = ByteBuffer.wrap(readAll(file));
    int magic = header(b, file);
    if (magic == LABEL_MAGIC) {
      throw new DatasetException(
          file, "is an IDX label file, not an image file (were the two files swapped?)");
    }
    if ((magic & 0xFFFFFF00) != 0x00000800 || (magic & 0xFF) < 3 || (magic & 0xFF) > 4) {
      throw new DatasetException(
          file,
          String.format(
              "is not an IDX image file: magic number 0x%08X, expected 0x%08X (unsigned bytes, 3"
                  + " dimensions)",
              magic, IMAGE_MAGIC));
    }
    int dims = magic & 0xFF;
    if (b.remaining() < 4 * dims) {
      throw new DatasetException(file, "is truncated: its header is incomplete");
    }
    int n = b.getInt();
    int h = b.getInt();
    int w = b.getInt();
    int c = dims == 4 ? b.getInt() : 1;
    if (n < 0 || h <= 0 || w <= 0 || (c != 1 && c != 3)) {
      throw new DatasetException(
          file,
          "has impossible dimensions "
              + n
              + " x "
              + h
              + " x "
              + w
              + (dims == 4 ? " x " + c : "")
              + " (images must be at least 1x1 pixels with 1 or 3 channels)");
    }
    if (n == 0) {
      throw new DatasetException(file, "holds no images");
    }
    long perImage = (long) h * w * c;
    long expected = perImage * n;
    if (perImage > 50_000_000L || expected > Integer.MAX_VALUE) {
      throw new DatasetException(
          file, "announces " + n + " images of " + h + "x" + w + ", which is too large to load");
    }
    if (b.remaining() < expected) {
      throw new DatasetException(
          file,
          "is truncated: its header announces "
              + n
              + " images of "
              + h
              + "x"
              + w
              + " ("
              + expected
              + " pixel bytes) but only "
              + b.remaining()
              + " bytes follow");
    }
    if (b.remaining() > expected) {
      throw new DatasetException(
          file,
          "has "
              + (b.remaining() - expected)
              + " bytes more than its header announces; is the header or the file damaged?");
    }
    ImageShape shape = new ImageShape(w, h, c);
    float[][] rows = new float[n][shape.length()];
    byte[] raw = b.array();
    int base = b.position();
    int plane = h * w;
    for (int i = 0; i < n; i++) {
      float[] row = rows[i];
      int off = base + (int) (i * perImage);
      if (c == 1) {
        for (int p = 0; p < plane; p++) {
          row[p] = (raw[off + p] & 0xFF) / 255f;
        }
      } else {
        // file is channel-last (h, w, c); we store channel-major
        for (int p = 0; p < plane; p++) {
          for (int ch = 0; ch < 3; ch++) {
            row[ch * plane + p] = (raw[off + p * 3 + ch] & 0xFF) / 255f;
          }
        }
      }
    }
    return new Pixels(shape, n, rows);
  }

  private static int[] readLabels(Path file) throws DatasetException {
    ByteBuffer b = ByteBuffer.wrap(readAll(file));
    int magic = header(b, file);
    if (magic == IMAGE_MAGIC) {
      throw new DatasetException(
          file, "is an IDX image file, not a label file (were the two files swapped?)");
    }
    if (magic != LABEL_MAGIC) {
      throw new DatasetException(
          file,
          String.format(
              "is not an IDX label file: magic number 0x%08X, expected 0x%08X", magic, LABEL_MAGIC));
    }
    if (b.remaining() < 4) {
      throw new DatasetException(file, "is truncated: its header is incomplete");
    }
    int n = b.getInt();
    if (n <= 0) {
      throw new DatasetException(file, "announces " + n + " labels");
    }
    if (b.remaining() < n) {
      throw new DatasetException(
          file,
          "is truncated: its header announces "
              + n
              + " labels but only "
              + b.remaining()
              + " bytes follow");
    }
    if (b.remaining() > n) {
      throw new DatasetException(
          file,
          "has " + (b.remaining() - n) + " bytes more than its header announces");
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = b.get() & 0xFF;
    }
    return y;
  }

  private static int header(ByteBuffer b, Path file) throws DatasetException {
    if (b.remaining() < 4) {
      throw new DatasetException(
          file, "is too short to be an IDX file (" + b.remaining() + " bytes)");
    }
    return b.getInt();
  }

  /** Heap memory not in use now, in bytes. */
  static long available() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  private static DatasetException tooLarge(Path file, long bytes, boolean exact) {
    return new DatasetException(
        file,
        String.format(
            Locale.ROOT,
            "unpacks to %s%,d MB, whose images need about five times that in memory, but only %,d MB are"
                + " available; start the studio with more memory (-Xmx) or use a smaller file",
            exact ? "" : "more than ",
            bytes >> 20,
            available() >> 20));
  }

  /** Reads the whole file, gunzipping it when it starts with the gzip magic bytes. */
  static byte[] readAll(Path file) throws DatasetException {
    if (Files.isDirectory(file)) {
      throw new DatasetException(file, "is a folder, not a file");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      boolean gzip = b0 == 0x1f && b1 == 0x8b;
      long limit = Math.min(Integer.MAX_VALUE - 8, available() / 5); // the bytes, and 4 per pixel as floats
      if (!gzip) {
        if (Files.size(file) > limit) {
          throw tooLarge(file, Files.size(file), true);
        }
        return raw.readAllBytes();
      }
      try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
        byte[] bytes = in.readNBytes((int) limit + 1); // grows as the bytes arrive
        if (bytes.length > limit) {
          throw tooLarge(file, limit, false);
        }
        return bytes;
      } catch (EOFException e) {
        throw new DatasetException(
            file, "is a truncated gzip file (it ends before the compressed data does)", e);
      } catch (ZipException e) {
        throw new DatasetException(file, "is a corrupt gzip file (" + e.getMessage() + ")", e);
      }
    } catch (NoSuchFileException e) {
      throw new DatasetException(file, "does not exist", e);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new DatasetException(file, "could not be read (" + why + ")", e);
    }
  }
}
