package org.duetstudio.ui.curves;

/** One value of a curve, with its position on each of the three clocks. */
public record CurvePoint(double epochs, double images, double seconds, double value) {
  public double x(XAxis axis) {
    return switch (axis) {
      case EPOCHS -> epochs;
      case IMAGES -> images;
      case SECONDS -> seconds;
    };
  }
}
