package org.duetstudio.core.store;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.duetstudio.core.experiment.ExperimentResult;

/**
 * A report as one HTML file that opens in any browser with no network: figures are embedded as PNG data,
 * charts drawn as inline SVG, tables as tables, with the settings that produced them. A short inline
 * script marks the page once every figure has loaded ({@code data-figures="loaded/total"} on the body),
 * which a headless browser can read back.
 */
public final class HtmlReport {
  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};

  private final String title;
  private final List<String> parts = new ArrayList<>();
  private int figures;

  public HtmlReport(String title) {
    this.title = title;
  }

  public HtmlReport heading(String text) {
    parts.add("<h2>" + esc(text) + "</h2>");
    return this;
  }

  public HtmlReport paragraph(String text) {
    parts.add("<p>" + esc(text) + "</p>");
    return this;
  }

  public HtmlReport preformatted(String text) {
    parts.add("<pre>" + esc(text) + "</pre>");
    return this;
  }

  /** A table; the first row is the header. */
  public HtmlReport table(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table><thead><tr>");
    for (String h : header) {
      b.append("<th>").append(esc(h)).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (List<String> r : rows) {
      b.append("<tr>");
      for (String c : r) {
        b.append("<td>").append(esc(c)).append("</td>");
      }
      b.append("</tr>");
    }
    parts.add(b.append("</tbody></table>").toString());
    return this;
  }

  /** A PNG figure from a file, embedded; a missing file is skipped. */
  public HtmlReport figure(Path png, String caption) throws IOException {
    if (!Files.isRegularFile(png)) {
      return this;
    }
    return figure(Files.readAllBytes(png), caption);
  }

  /** A PNG figure from its bytes, embedded. */
  public HtmlReport figure(byte[] png, String caption) {
    figures++;
    parts.add(
        "<figure><img alt=\""
            + esc(caption)
            + "\" src=\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(png)
            + "\"><figcaption>"
            + esc(caption)
            + "</figcaption></figure>");
    return this;
  }

  /** A figure from an image drawn in memory. */
  public HtmlReport figure(BufferedImage image, String caption) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return figure(bytes.toByteArray(), caption);
  }

  /** An experiment: its conclusion, a line chart (inline SVG) and its table. */
  public HtmlReport experiment(ExperimentResult r) {
    paragraph(r.conclusion());
    parts.add(svgChart(r));
    List<String> header = new ArrayList<>();
    header.add(r.xLabel());
    header.addAll(r.series());
    List<List<String>> rows = new ArrayList<>();
    for (ExperimentResult.Row row : r.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(row.label());
      for (double a : row.accuracy()) {
        cells.add(Double.isNaN(a) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * a));
      }
      rows.add(cells);
    }
    return table(header, rows);
  }

  /** Test accuracy per point, one line per series, points evenly spaced (the x labels name them). */
  static String svgChart(ExperimentResult r) {
    int w = 640;
    int h = 300;
    int left = 50;
    int bottom = 40;
    int n = r.rows().size();
    double lo = 1;
    double hi = 0;
    for (ExperimentResult.Row row : r.rows()) {
      for (double a : row.accuracy()) {
        if (!Double.isNaN(a)) {
          lo = Math.min(lo, a);
          hi = Math.max(hi, a);
        }
      }
    }
    lo = Math.max(0, Math.floor(lo * 10 - 0.5) / 10);
    hi = Math.min(1, Math.ceil(hi * 10 + 0.5) / 10);
    double span = Math.max(1e-9, hi - lo);
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                w, h, w, h));
    for (int t = 0; t <= 4; t++) {
      double v = lo + span * t / 4;
      double y = (h - bottom) - (h - bottom - 10) * (v - lo) / span;
      b.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
              + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.0f%%</text>",
          left, w - 10, y, y, left - 4, y + 4, 100 * v));
    }
    double step = n > 1 ? (w - left - 30) / (double) (n - 1) : 0;
    for (int i = 0; i < n; i++) {
      double x = left + 10 + i * step;
      b.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
          x, h - bottom + 16, esc(r.rows().get(i).label())));
    }
    b.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
        (w + left) / 2, h - 6, esc(r.xLabel())));
    for (int s = 0; s < r.series().size(); s++) {
      String colour = COLOURS[s % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < n; i++) {
        double a = r.rows().get(i).accuracy()[s];
        if (Double.isNaN(a)) {
          continue;
        }
        double x = left + 10 + i * step;
        double y = (h - bottom) - (h - bottom - 10) * (a - lo) / span;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        b.append(String.format(Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, colour));
      }
      b.append(String.format(Locale.ROOT,
          "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>", colour, pts.toString().strip()));
      b.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>",
          left + 10, 16 + 14 * s, colour, esc(r.series().get(s))));
    }
    return b.append("</svg>").toString();
  }

  public String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title><style>"
        + "body{font-family:sans-serif;margin:2em;max-width:1000px;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
        + "text-align:left}th{background:#f3f3f3}figure{display:inline-block;margin:1em 1em 1em 0}"
        + "img{image-rendering:pixelated;max-width:480px;border:1px solid #ddd}"
        + "figcaption{font-size:90%;color:#555}pre{background:#f7f7f7;padding:8px;overflow:auto}"
        + "</style></head><body data-figures=\"0/"
        + figures
        + "\"><h1>"
        + esc(title)
        + "</h1>\n"
        + String.join("\n", parts)
        + "\n<script>window.addEventListener('load',function(){var i=document.images,n=0;"
        + "for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0){n++;}}"
        + "document.body.setAttribute('data-figures',n+'/'+i.length);});</script>"
        + "</body></html>\n";
  }

  /** Writes the report atomically. */
  public void write(Path file) throws IOException {
    AtomicFiles.writeString(file, render());
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
