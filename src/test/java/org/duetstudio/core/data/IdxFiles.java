package org.duetstudio.core.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files (and broken ones) for tests. */
final class IdxFiles {
  private IdxFiles() {}

  static byte[] images(int n, int h, int w) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(0x803);
      out.writeInt(n);
      out.writeInt(h);
      out.writeInt(w);
      for (int i = 0; i < n * h * w; i++) {
        out.writeByte(i % 256);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] labels(int... labels) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(0x801);
      out.writeInt(labels.length);
      for (int l : labels) {
        out.writeByte(l);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(bytes)) {
        out.write(data);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Path write(Path dir, String name, byte[] data) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, data);
    return f;
  }
}
