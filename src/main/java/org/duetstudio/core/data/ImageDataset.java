package org.duetstudio.core.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, labelled set of images of one shape.
 *
 * <p>Each image is a row of {@link ImageShape#length()} floats in [0, 1], channel-major. Labels are class
 * indices into {@link #classNames()}. The arrays handed to the constructor are copied; nothing handed out
 * aliases the internal state, except through the read-only accessors below.
 */
public final class ImageDataset {
  private final String name;
  private final ImageShape shape;
  private final float[][] rows;
  private final int[] labels;
  private final List<String> classNames;
  private volatile String fingerprint;

  /**
   * @param name a short description shown to users (e.g. "Fashion-MNIST sample, train")
   * @param shape the shape of every image
   * @param rows one pixel row per image, values in [0, 1]
   * @param labels one class index per image, in [0, classNames.size())
   * @param classNames the class names, index = label
   */
  public ImageDataset(
      String name, ImageShape shape, float[][] rows, int[] labels, List<String> classNames) {
    this(name, shape, copyRows(rows), labels.clone(), List.copyOf(classNames), true);
  }

  private ImageDataset(
      String name,
      ImageShape shape,
      float[][] rows,
      int[] labels,
      List<String> classNames,
      boolean validate) {
    this.name = Objects.requireNonNull(name, "name");
    this.shape = Objects.requireNonNull(shape, "shape");
    this.rows = rows;
    this.labels = labels;
    this.classNames = classNames;
    if (validate) {
      validate();
    }
  }

  private void validate() {
    if (rows.length != labels.length) {
      throw new IllegalArgumentException(
          rows.length + " images but " + labels.length + " labels");
    }
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("a data set needs at least one class");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != shape.length()) {
        throw new IllegalArgumentException(
            "image " + i + " has " + rows[i].length + " values, expected " + shape.length());
      }
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of image " + i + " is outside 0.." + (classNames.size() - 1));
      }
    }
  }

  private static float[][] copyRows(float[][] rows) {
    float[][] copy = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  /**
   * Builds a data set from arrays the caller gives up (no copies), after the same validation. For loaders
   * in this package, which have just allocated the arrays.
   */
  static ImageDataset adopt(
      String name, ImageShape shape, float[][] rows, int[] labels, List<String> classNames) {
    return new ImageDataset(name, shape, rows, labels, List.copyOf(classNames), true);
  }

  public String name() {
    return name;
  }

  public ImageShape shape() {
    return shape;
  }

  public int size() {
    return rows.length;
  }

  public boolean isEmpty() {
    return rows.length == 0;
  }

  public int numClasses() {
    return classNames.size();
  }

  public List<String> classNames() {
    return classNames;
  }

  public int label(int i) {
    return labels[i];
  }

  /** A copy of all labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** A copy of image {@code i}'s pixels. */
  public float[] image(int i) {
    return rows[i].clone();
  }

  /** Copies image {@code i} into {@code dest} at {@code offset}; the allocation-free way to fill batches. */
  public void copyImage(int i, float[] dest, int offset) {
    System.arraycopy(rows[i], 0, dest, offset, rows[i].length);
  }

  /** Number of images per class, index = label. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** The images at the given indices, in that order (indices may repeat). */
  public ImageDataset subset(int[] indices, String subsetName) {
    float[][] r = new float[indices.length][];
    int[] l = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      r[k] = rows[indices[k]];
      l[k] = labels[indices[k]];
    }
    // rows are never mutated, so sharing them between immutable data sets is safe
    return new ImageDataset(subsetName, shape, r, l, classNames, false);
  }

  /** The first {@code n} images (or all, if fewer). */
  public ImageDataset head(int n) {
    if (n >= size()) {
      return this;
    }
    int[] idx = new int[n];
    Arrays.setAll(idx, i -> i);
    return subset(idx, name + " (first " + n + ")");
  }

  /** Same images and labels under another name. */
  public ImageDataset withName(String newName) {
    return new ImageDataset(newName, shape, rows, labels, classNames, false);
  }

  /**
   * SHA-256 over shape, class names, labels and pixels: two data sets with the same fingerprint hold the
   * same images in the same order. Recorded in provenance so runs can be compared and replayed.
   */
  public String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = computeFingerprint();
      fingerprint = f;
    }
    return f;
  }

  private String computeFingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((shape.width() + "x" + shape.height() + "x" + shape.channels() + "|")
          .getBytes(StandardCharsets.UTF_8));
      md.update(String.join("\u0000", classNames).getBytes(StandardCharsets.UTF_8));
      ByteBuffer buf = ByteBuffer.allocate(4 * (shape.length() + 1));
      for (int i = 0; i < rows.length; i++) {
        buf.clear();
        buf.putInt(labels[i]);
        for (float v : rows[i]) {
          buf.putFloat(v);
        }
        md.update(buf.array(), 0, buf.position());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + size() + " images, " + shape + ", " + numClasses() + " classes)";
  }
}
