package org.duetstudio.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An experiment's answer: one row per point (x, e.g. training images or share of synthetic data) with
 * one test accuracy per series (e.g. "naive Bayes", "logistic regression"), and a sentence that reads it.
 *
 * @param xLabel what x measures
 * @param series the series' names, in column order
 * @param rows the points, in the order they were measured
 * @param conclusion what the table says, in one or two sentences
 */
public record ExperimentResult(
    String title, String xLabel, List<String> series, List<Row> rows, String conclusion, double seconds) {
  public ExperimentResult {
    series = List.copyOf(series);
    rows = List.copyOf(rows);
  }

  /**
   * @param x the point
   * @param label how the point reads in a table (e.g. "10 labels", "synthetic only")
   * @param accuracy one test accuracy per series, in [0, 1]; NaN where a series has no value here
   */
  public record Row(double x, String label, double[] accuracy) {
    public Row {
      accuracy = accuracy.clone();
    }

    @Override
    public double[] accuracy() {
      return accuracy.clone();
    }
  }

  /** The table as CSV: x, label, then one column per series. */
  public String toCsv() {
    StringBuilder b = new StringBuilder("x,label");
    for (String s : series) {
      b.append(',').append(s.replace(',', ';'));
    }
    b.append('\n');
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "%s,%s", fmt(r.x()), r.label().replace(',', ';')));
      for (double a : r.accuracy()) {
        b.append(',').append(Double.isNaN(a) ? "" : String.format(Locale.ROOT, "%.4f", a));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** The table for a terminal. */
  public String toTable() {
    List<String> lines = new ArrayList<>();
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-22s", xLabel));
    for (String s : series) {
      head.append(String.format(Locale.ROOT, " %20s", s));
    }
    lines.add(head.toString());
    for (Row r : rows) {
      StringBuilder l = new StringBuilder(String.format(Locale.ROOT, "%-22s", r.label()));
      for (double a : r.accuracy()) {
        l.append(Double.isNaN(a) ? String.format(Locale.ROOT, " %20s", "–") : String.format(Locale.ROOT, " %19.1f%%", 100 * a));
      }
      lines.add(l.toString());
    }
    return String.join("\n", lines) + "\n";
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
