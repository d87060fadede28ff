package org.duetstudio.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads images from a CSV file: one image per line, the label first, then the pixel values 0..255 (the
 * layout of the Kaggle Fashion-MNIST CSVs). A header line is recognised and skipped. Labels are integers
 * (class 0, class 1, ...) or names (sorted alphabetically into classes).
 *
 * <p>The image shape is given, or inferred: n values make a square grey image when n is a square, a
 * square RGB image (channel-major) when n/3 is.
 */
public final class CsvLoader {
  private CsvLoader() {}

  /**
   * @param shape the image shape, or null to infer a square one from the number of values
   */
  public static ImageDataset load(Path file, ImageShape shape) throws DatasetException {
    List<String> lines;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = r.lines().toList();
    } catch (NoSuchFileException e) {
      throw new DatasetException(file, "does not exist", e);
    } catch (IOException | UncheckedIOException e) {
      throw new DatasetException(
          file, "could not be read as UTF-8 text (" + e.getMessage() + "); is it a CSV file?", e);
    }
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      throw new DatasetException(file, "is empty");
    }
    String[] head = lines.get(first).split(",", -1);
    if (head.length >= 2 && !isNumber(head[1])) {
      first++; // header line
    }
    List<String[]> records = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = first; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        records.add(lines.get(i).split(",", -1));
        lineNumbers.add(i + 1);
      }
    }
    if (records.isEmpty()) {
      throw new DatasetException(file, "holds a header but no images");
    }
    int values = records.get(0).length - 1;
    if (values < 1) {
      throw new DatasetException(file, "line " + lineNumbers.get(0) + " holds a label but no pixels");
    }
    ImageShape s = shape != null ? shape : inferShape(file, values);
    if (s.length() != values) {
      throw new DatasetException(
          file,
          "line "
              + lineNumbers.get(0)
              + " holds "
              + values
              + " pixel values but a "
              + s
              + " image needs "
              + s.length());
    }
    boolean numericLabels = true;
    for (String[] rec : records) {
      if (!rec[0].trim().matches("\\d+")) {
        numericLabels = false;
        break;
      }
    }
    Map<String, Integer> nameToLabel = new TreeMap<>();
    List<String> classNames = new ArrayList<>();
    if (numericLabels) {
      int max = 0;
      for (String[] rec : records) {
        max = Math.max(max, Integer.parseInt(rec[0].trim()));
      }
      for (int c = 0; c <= max; c++) {
        classNames.add("class " + c);
      }
    } else {
      TreeSet<String> names = new TreeSet<>();
      for (String[] rec : records) {
        names.add(rec[0].trim());
      }
      for (String n : names) {
        nameToLabel.put(n, classNames.size());
        classNames.add(n);
      }
    }
    float[][] rows = new float[records.size()][];
    int[] labels = new int[records.size()];
    for (int i = 0; i < records.size(); i++) {
      String[] rec = records.get(i);
      int line = lineNumbers.get(i);
      if (rec.length - 1 != values) {
        throw new DatasetException(
            file,
            "line " + line + " holds " + (rec.length - 1) + " pixel values, expected " + values);
      }
      labels[i] =
          numericLabels ? Integer.parseInt(rec[0].trim()) : nameToLabel.get(rec[0].trim());
      float[] row = new float[values];
      for (int j = 0; j < values; j++) {
        double v;
        try {
          v = Double.parseDouble(rec[j + 1].trim());
        } catch (NumberFormatException e) {
          throw new DatasetException(
              file,
              "line " + line + ", column " + (j + 2) + ": '" + rec[j + 1].trim() + "' is not a number");
        }
        if (!(v >= 0 && v <= 255)) {
          throw new DatasetException(
              file,
              "line " + line + ", column " + (j + 2) + ": pixel value " + rec[j + 1].trim()
                  + " is outside 0..255");
        }
        row[j] = (float) (v / 255.0);
      }
      rows[i] = row;
    }
    String name = file.getFileName().toString();
    return ImageDataset.adopt(name, s, rows, labels, classNames);
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
