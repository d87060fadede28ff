package org.duetstudio.core.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained model's learned numbers, to save and restore it: named arrays (weights, counts) and named
 * blobs (a model a library serialises itself). Written as a small binary format; doubles hold floats
 * exactly, so a restored model answers exactly as the saved one did.
 */
public record ModelState(Map<String, double[]> arrays, Map<String, byte[]> blobs) {
  private static final int MAGIC = 0x44554554; // "DUET"

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

  public static ModelState readFrom(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC) {
      throw new IOException("not a saved model");
    }
    Map<String, double[]> arrays = new LinkedHashMap<>();
    int n = d.readInt();
    for (int i = 0; i < n; i++) {
      String name = d.readUTF();
      double[] a = new double[d.readInt()];
      for (int j = 0; j < a.length; j++) {
        a[j] = d.readDouble();
      }
      arrays.put(name, a);
    }
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    int m = d.readInt();
    for (int i = 0; i < m; i++) {
      String name = d.readUTF();
      blobs.put(name, d.readNBytes(d.readInt()));
    }
    return new ModelState(arrays, blobs);
  }
}
