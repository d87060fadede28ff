package org.duetstudio.ui.curves;

/**
 * A chart axis's range in round numbers: bounds on multiples of a tick unit of 1, 2 or 5 times a power of
 * ten, about five ticks over the data. The charts set it themselves instead of letting their axes range
 * over the data at each redraw: the range then changes only when the data cross a tick, and the axes do
 * not lay out their tick labels anew twice a second (in JavaFX's software pipeline, most of a chart's
 * redraw).
 */
public record AxisRange(double lower, double upper, double tick) {
  /** Ticks aimed at over the data. */
  static final int TICKS = 5;

  /** The round range around {@code [min, max]} (finite, {@code min <= max}). */
  public static AxisRange around(double min, double max) {
    if (!(Double.isFinite(min) && Double.isFinite(max)) || min > max) {
      throw new IllegalArgumentException("no range around [" + min + ", " + max + "]");
    }
    if (max == min) { // one value: a little either side of it
      double half = min == 0 ? 0.5 : Math.abs(min) * 0.05;
      min -= half;
      max += half;
    }
    double tick = roundUp((max - min) / TICKS);
    double lower = Math.floor(min / tick) * tick;
    double upper = Math.ceil(max / tick) * tick;
    return new AxisRange(lower, upper, tick);
  }

  /** The least of 1, 2, 5 times a power of ten that is at least {@code x} (positive). */
  static double roundUp(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    double f = x / p;
    double step = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return step * p;
  }
}
