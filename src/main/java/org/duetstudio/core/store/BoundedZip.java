package org.duetstudio.core.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zip from anyone, read within bounds: only the entry names its format defines (no folders, no
 * {@code ..}, no absolute paths, none twice), and no entry larger than its limit — neither as declared nor
 * as it actually unpacks — nor all of them together larger than the total, nor larger than the memory
 * available. A zip bomb stops at the limit with one sentence, having cost no more than the limit.
 */
final class BoundedZip implements AutoCloseable {
  /** A file refused for its entries; the message is the whole sentence, to be passed on as it is. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String sentence) {
      super(sentence);
    }
  }

  private final ZipFile zip;
  private final Path file;
  private final Map<String, Long> limits;
  private final long totalLimit;
  private long total;

  /**
   * @param limits the names the format defines, each with its largest unpacked size in bytes
   * @param totalLimit the largest unpacked size of all entries together
   */
  BoundedZip(ZipFile zip, Path file, Map<String, Long> limits, long totalLimit) {
    this.zip = zip;
    this.file = file;
    this.limits = Map.copyOf(limits);
    this.totalLimit = totalLimit;
  }

  /** Refuses a zip holding a name the format does not define, or one name twice. */
  void checkNames() throws IOException {
    Set<String> seen = new HashSet<>();
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (!limits.containsKey(name)) {
        throw new Refused(
            file + " was not opened: it holds an entry named '" + shown(name)
                + "', which is no part of a Duet Studio session");
      }
      if (!seen.add(name)) {
        throw new Refused(file + " was not opened: it holds the entry '" + name + "' twice");
      }
    }
  }

  /** The name as it may be shown in a sentence (control characters replaced, long names cut). */
  private static String shown(String name) {
    String s = name.replaceAll("\\p{Cntrl}", "?");
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The entry, or null when the zip does not hold it. */
  ZipEntry entry(String name) {
    return zip.getEntry(name);
  }

  /** The entry's bytes as they unpack, stopped with an IOException at its limit. */
  InputStream open(ZipEntry entry) throws IOException {
    long limit = limits.get(entry.getName());
    long declared = entry.getSize();
    if (declared > limit) {
      throw tooLarge(entry.getName(), limit);
    }
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (declared > available) {
      throw new Refused(
          file + " was not opened: its entry '" + entry.getName() + "' unpacks to " + megabytes(declared)
              + " but only " + megabytes(available) + " of memory are available");
    }
    long allowed = declared >= 0 ? declared : limit;
    return new FilterInputStream(zip.getInputStream(entry)) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) throws IOException {
        read += n;
        total += n;
        if (read > allowed) {
          throw read > limit
              ? tooLarge(entry.getName(), limit)
              : new Refused(
                  file + " is damaged: its entry '" + entry.getName() + "' unpacks to more than the "
                      + declared + " bytes it declares");
        }
        if (total > totalLimit) {
          throw new Refused(
              file + " was not opened: its entries unpack to more than " + megabytes(totalLimit)
                  + ", more than any session holds (a damaged file or a zip bomb)");
        }
      }
    };
  }

  private Refused tooLarge(String name, long limit) {
    return new Refused(
        file + " was not opened: its entry '" + name + "' unpacks to more than " + megabytes(limit)
            + ", more than a session holds (a damaged file or a zip bomb)");
  }

  private static String megabytes(long bytes) {
    return bytes < 1 << 20
        ? String.format(Locale.ROOT, "%,d bytes", bytes)
        : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
