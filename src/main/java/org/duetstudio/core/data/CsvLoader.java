package org.duetstudio.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads images from a CSV file: one image per record, the label first, then the pixel values 0..255 (the
 * layout of the Kaggle Fashion-MNIST CSVs). A header record is recognised and skipped, a byte-order mark
 * too; fields may be quoted (a class name with a comma in it). Labels are integers (class 0, class 1, ...)
 * or names (sorted alphabetically into classes).
 *
 * <p>The file is streamed record by record (through commons-csv): what is kept is the pixels, one float
 * row per image, and one label number per image — never the text. Before any pixel is kept, the file's
 * line count gives an upper bound on the images, and a data set that would not fit in the memory
 * available is refused with its size and that memory.
 *
 * <p>The image shape is given, or inferred: n values make a square grey image when n is a square, a
 * square RGB image (channel-major) when n/3 is.
 */
public final class CsvLoader {
  /** More classes than any image data set has; a label past it is a damaged file, not a class. */
  static final int MAX_CLASSES = 10_000;
  private static final char BOM = '\uFEFF';

  private CsvLoader() {}

  /**
   * @param shape the image shape, or null to infer a square one from the number of values
   */
  public static ImageDataset load(Path file, ImageShape shape) throws DatasetException {
    if (Files.isDirectory(file)) {
      throw new DatasetException(file, "is a folder, not a CSV file");
    }
    long lines = countLines(file);
    try (BufferedReader reader = reader(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
      return read(file, shape, lines, parser);
    } catch (NoSuchFileException e) {
      throw new DatasetException(file, "does not exist", e);
    } catch (UncheckedIOException e) {
      throw unreadable(file, e.getCause());
    } catch (IOException e) {
      throw unreadable(file, e);
    } catch (IllegalStateException e) { // commons-csv: a quote that never closes, and the like
      throw new DatasetException(file, "is not a well-formed CSV file (" + e.getMessage() + ")", e);
    }
  }

  private static DatasetException unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DatasetException(file, "does not exist", e);
    }
    if (e instanceof CSVException) { // a quote that never closes, and the like
      return new DatasetException(file, "is not a well-formed CSV file (" + e.getMessage() + ")", e);
    }
    if (e instanceof CharacterCodingException) {
      return new DatasetException(file, "is not UTF-8 text; is it a CSV file?", e);
    }
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new DatasetException(file, "could not be read as CSV text (" + why + ")", e);
  }

  /** UTF-8 that refuses malformed bytes, past a byte-order mark if there is one. */
  private static BufferedReader reader(Path file) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
    r.mark(1);
    if (r.read() != BOM) {
      r.reset();
    }
    return r;
  }

  /** Line breaks in the file (+1): an upper bound on its records, counted without keeping anything. */
  private static long countLines(Path file) throws DatasetException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      long lf = 0;
      long cr = 0;
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lf++;
          } else if (buf[i] == '\r') {
            cr++;
          }
        }
      }
      return Math.max(lf, cr) + 1;
    } catch (NoSuchFileException e) {
      throw new DatasetException(file, "does not exist", e);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * The records that are not blank lines, each with the line it starts on (counted here: one line per
   * record, plus the line breaks inside its quoted fields).
   */
  private static final class Records {
    private final Iterator<CSVRecord> it;
    private long line;
    private long nextLine = 1;

    Records(CSVParser parser) {
      this.it = parser.iterator();
    }

    /** The next record, or null at the end. */
    CSVRecord next() {
      while (it.hasNext()) {
        CSVRecord r = it.next();
        long at = nextLine;
        nextLine = at + 1 + breaksInside(r);
        if (r.size() == 1 && r.get(0).isBlank()) {
          continue;
        }
        line = at;
        return r;
      }
      return null;
    }

    private static long breaksInside(CSVRecord r) {
      long n = 0;
      for (String v : r) {
        for (int i = 0; i < v.length(); i++) {
          char c = v.charAt(i);
          if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
            n++;
          }
        }
      }
      return n;
    }
  }

  private static ImageDataset read(Path file, ImageShape given, long lines, CSVParser parser)
      throws DatasetException {
    Records records = new Records(parser);
    CSVRecord first = records.next();
    if (first == null) {
      throw new DatasetException(file, "is empty");
    }
    if (first.size() >= 2 && !isNumber(first.get(1))) {
      first = records.next(); // the first was a header
      if (first == null) {
        throw new DatasetException(file, "holds a header but no images");
      }
    }
    long firstLine = records.line;
    int values = first.size() - 1;
    if (values < 1) {
      throw new DatasetException(file, "line " + firstLine + " holds a label but no pixels");
    }
    ImageShape shape = given != null ? given : inferShape(file, values);
    if (shape.length() != values) {
      throw new DatasetException(
          file,
          "line " + firstLine + " holds " + values + " pixel values but a " + shape + " image needs "
              + shape.length());
    }
    checkMemory(file, lines, shape);
    List<float[]> rows = new ArrayList<>();
    int[] labels = new int[1024];
    Map<String, Integer> seen = new HashMap<>(); // label text -> first-seen index
    List<String> texts = new ArrayList<>();
    CSVRecord rec = first;
    long line = firstLine;
    while (true) {
      if (rec.size() - 1 != values) {
        throw new DatasetException(
            file, "line " + line + " holds " + (rec.size() - 1) + " pixel values, expected " + values);
      }
      String text = rec.get(0).trim();
      Integer id = seen.get(text);
      if (id == null) {
        if (seen.size() == MAX_CLASSES) {
          throw new DatasetException(
              file, "line " + line + " brings a class beyond " + MAX_CLASSES + "; is the first column the label?");
        }
        id = seen.size();
        seen.put(text, id);
        texts.add(text);
      }
      if (rows.size() == labels.length) {
        labels = Arrays.copyOf(labels, labels.length * 2);
      }
      labels[rows.size()] = id;
      rows.add(pixels(file, rec, line, values));
      rec = records.next();
      if (rec == null) {
        break;
      }
      line = records.line;
    }
    int[] remap = new int[texts.size()];
    List<String> classNames = classes(file, texts, remap);
    int[] y = new int[rows.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = remap[labels[i]];
    }
    return ImageDataset.adopt(file.getFileName().toString(), shape, rows.toArray(float[][]::new), y, classNames);
  }

  /**
   * The classes, and in {@code remap} each label text's class: "class 0".."class max" when every label is
   * a whole number, else the names sorted.
   */
  private static List<String> classes(Path file, List<String> texts, int[] remap) throws DatasetException {
    boolean numeric = texts.stream().allMatch(t -> t.matches("\\d+"));
    List<String> names = new ArrayList<>();
    if (numeric) {
      int max = 0;
      String largest = "0";
      for (int i = 0; i < texts.size(); i++) {
        String t = texts.get(i);
        remap[i] = t.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(t);
        if (remap[i] > max) {
          max = remap[i];
          largest = t;
        }
      }
      if (max >= MAX_CLASSES) {
        throw new DatasetException(
            file, "has the label " + shown(largest) + ", but at most " + MAX_CLASSES + " classes (0.." + (MAX_CLASSES - 1)
                + ") are possible; is the first column the label?");
      }
      for (int c = 0; c <= max; c++) {
        names.add("class " + c);
      }
      return names;
    }
    TreeMap<String, Integer> sorted = new TreeMap<>();
    for (int i = 0; i < texts.size(); i++) {
      sorted.put(texts.get(i), i);
    }
    for (var e : sorted.entrySet()) {
      remap[e.getValue()] = names.size();
      names.add(e.getKey().isEmpty() ? "(no name)" : e.getKey());
    }
    return names;
  }

  private static float[] pixels(Path file, CSVRecord rec, long line, int values) throws DatasetException {
    float[] row = new float[values];
    for (int j = 0; j < values; j++) {
      String s = rec.get(j + 1).trim();
      if (s.isEmpty()) {
        throw new DatasetException(file, "line " + line + ", column " + (j + 2) + ": the pixel value is missing");
      }
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new DatasetException(
            file, "line " + line + ", column " + (j + 2) + ": '" + shown(s) + "' is not a number");
      }
      if (!(v >= 0 && v <= 255)) {
        throw new DatasetException(
            file, "line " + line + ", column " + (j + 2) + ": pixel value " + shown(s) + " is outside 0..255");
      }
      row[j] = (float) (v / 255.0);
    }
    return row;
  }

  /** A field as it may be quoted in a sentence. */
  private static String shown(String s) {
    String t = s.replaceAll("\\p{Cntrl}", "?");
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  /**
   * Refuses a file whose images would not fit in the memory available, from an upper bound on their
   * number (its lines) — before any is kept.
   */
  static void checkMemory(Path file, long images, ImageShape shape) throws DatasetException {
    long perImage = 4L * shape.length() + 16 + 8 + 4; // the float row, its array header, a reference, a label
    long needed = images * perImage;
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (needed > available) {
      throw new DatasetException(
          file,
          String.format(
              Locale.ROOT,
              "holds up to %,d images of %s, which need %,d MB of memory, but only %,d MB are available; start"
                  + " the studio with more memory (-Xmx) or use a smaller file",
              images, shape, needed >> 20, available >> 20));
    }
  }

  private static ImageShape inferShape(Path file, int values) throws DatasetException {
    int side = (int) Math.round(Math.sqrt(values));
    if (side * side == values) {
      return new ImageShape(side, side, 1);
    }
    int rgbSide = (int) Math.round(Math.sqrt(values / 3.0));
    if (3 * rgbSide * rgbSide == values) {
      return new ImageShape(rgbSide, rgbSide, 3);
    }
    throw new DatasetException(
        file,
        values
            + " pixel values per line do not make a square image; give the width and height");
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
