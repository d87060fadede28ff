package org.duetstudio.core.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained model's learned numbers, to save and restore it: named arrays (weights, counts) and named
 * blobs (a model a library serialises itself). Written as a small binary format; doubles hold floats
 * exactly, so a restored model answers exactly as the saved one did.
 */
public record ModelState(Map<String, double[]> arrays, Map<String, byte[]> blobs) {
  private static final int MAGIC = 0x44554554; // "DUET"
  /** More named arrays or blobs than any model has. */
  private static final int MAX_ENTRIES = 10_000;
  /** The longest array Java allows. */
  private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;
  /** Arrays start this small and grow as their numbers arrive. */
  private static final int CHUNK = 1 << 16;

  public ModelState {
    arrays = Map.copyOf(arrays);
    blobs = Map.copyOf(blobs);
  }

  public double[] array(String name) {
    double[] a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("the saved model has no '" + name + "'");
    }
    return a;
  }

  public byte[] blob(String name) {
    byte[] b = blobs.get(name);
    if (b == null) {
      throw new IllegalArgumentException("the saved model has no '" + name + "'");
    }
    return b;
  }

  public void writeTo(OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(MAGIC);
    d.writeInt(arrays.size());
    for (var e : new TreeMap<>(arrays).entrySet()) {
      d.writeUTF(e.getKey());
      d.writeInt(e.getValue().length);
      for (double v : e.getValue()) {
        d.writeDouble(v);
      }
    }
    d.writeInt(blobs.size());
    for (var e : new TreeMap<>(blobs).entrySet()) {
      d.writeUTF(e.getKey());
      d.writeInt(e.getValue().length);
      d.write(e.getValue());
    }
    d.flush();
  }

  /**
   * Reads a state written by {@link #writeTo}. The file may come from anyone, so nothing it says is
   * trusted: counts and lengths are checked for range, a length larger than the memory available is
   * refused before anything is allocated for it, and arrays grow only as their numbers actually arrive
   * (a short file claiming a huge array costs nothing). Every problem is an IOException with one sentence.
   */
  public static ModelState readFrom(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    try {
      if (d.readInt() != MAGIC) {
        throw new IOException("it is not a saved model");
      }
      Map<String, double[]> arrays = new LinkedHashMap<>();
      int n = count(d.readInt(), "arrays");
      for (int i = 0; i < n; i++) {
        String name = d.readUTF();
        int length = length(d.readInt(), Double.BYTES, name);
        if (arrays.put(name, readDoubles(d, length)) != null) {
          throw new IOException("it holds the array '" + name + "' twice");
        }
      }
      Map<String, byte[]> blobs = new LinkedHashMap<>();
      int m = count(d.readInt(), "blobs");
      for (int i = 0; i < m; i++) {
        String name = d.readUTF();
        int length = length(d.readInt(), 1, name);
        byte[] b = d.readNBytes(length); // grows as the bytes arrive
        if (b.length != length) {
          throw new EOFException();
        }
        if (blobs.put(name, b) != null) {
          throw new IOException("it holds the blob '" + name + "' twice");
        }
      }
      return new ModelState(arrays, blobs);
    } catch (EOFException e) {
      throw new IOException("it ends before the numbers its header announces (the file is cut short)", e);
    } catch (UTFDataFormatException e) {
      throw new IOException("a name in it is not valid text", e);
    }
  }

  private static int count(int n, String what) throws IOException {
    if (n < 0 || n > MAX_ENTRIES) {
      throw new IOException("it announces " + n + " " + what + " (at most " + MAX_ENTRIES + " are possible)");
    }
    return n;
  }

  private static int length(int length, int bytesEach, String name) throws IOException {
    if (length < 0 || length > MAX_LENGTH) {
      throw new IOException("it announces " + length + " values for '" + name + "', which is impossible");
    }
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    long bytes = (long) length * bytesEach;
    if (bytes > available) {
      throw new IOException(
          "its '" + name + "' needs " + megabytes(bytes) + " of memory but only " + megabytes(available)
              + " are available");
    }
    return length;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", Math.max(1, bytes >> 20));
  }

  private static double[] readDoubles(DataInputStream d, int length) throws IOException {
    double[] a = new double[Math.min(length, CHUNK)];
    for (int j = 0; j < length; j++) {
      if (j == a.length) {
        a = Arrays.copyOf(a, (int) Math.min(length, 2L * a.length));
      }
      a[j] = d.readDouble();
    }
    return a;
  }
}
