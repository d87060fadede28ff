package org.duetstudio.ui.curves;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Named series of points that grow while a model trains (owned by a view model, used on the FX thread).
 * {@link #versionProperty()} ticks once per batch of additions, which is when charts redraw.
 */
public final class Curves {
  private final Map<String, List<CurvePoint>> series = new LinkedHashMap<>();
  private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();

  /** Declares the series in display order (so colours stay put as series appear). */
  public Curves(String... names) {
    for (String n : names) {
      series.put(n, new ArrayList<>());
    }
  }

  public void add(String name, CurvePoint p) {
    series.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
  }

  /** Tells charts that a batch of points was added. */
  public void changed() {
    version.set(version.get() + 1);
  }

  /** Replaces the series (e.g. another model reports other quantities); all points are dropped. */
  public void reset(String... names) {
    series.clear();
    for (String n : names) {
      series.put(n, new ArrayList<>());
    }
    changed();
  }

  public void clear() {
    series.values().forEach(List::clear);
    changed();
  }

  public List<String> names() {
    return List.copyOf(series.keySet());
  }

  public List<CurvePoint> points(String name) {
    return List.copyOf(series.getOrDefault(name, List.of()));
  }

  public int size(String name) {
    return series.getOrDefault(name, List.of()).size();
  }

  public ReadOnlyIntegerProperty versionProperty() {
    return version.getReadOnlyProperty();
  }

  /**
   * At most {@code max} points that keep the curve's shape: the points are cut into equal buckets, each
   * bucket drawn as its mean (noisy per-step losses become the smoothed trend), first and last kept.
   */
  public static List<CurvePoint> decimate(List<CurvePoint> points, int max) {
    if (points.size() <= max) {
      return points;
    }
    List<CurvePoint> out = new ArrayList<>(max);
    double per = (double) points.size() / max;
    for (int b = 0; b < max; b++) {
      int from = (int) Math.floor(b * per);
      int to = Math.min(points.size(), (int) Math.floor((b + 1) * per));
      double e = 0;
      double i = 0;
      double s = 0;
      double v = 0;
      for (int k = from; k < to; k++) {
        CurvePoint p = points.get(k);
        e += p.epochs();
        i += p.images();
        s += p.seconds();
        v += p.value();
      }
      int n = to - from;
      out.add(new CurvePoint(e / n, i / n, s / n, v / n));
    }
    out.set(out.size() - 1, points.get(points.size() - 1));
    return out;
  }
}
