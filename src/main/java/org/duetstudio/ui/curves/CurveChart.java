package org.duetstudio.ui.curves;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.slf4j.LoggerFactory;

/**
 * A line chart of the series of a {@link Curves}, against the shared clock. Cheap to keep live: it redraws
 * at most {@value #REDRAWS_PER_SECOND} times a second, each series decimated to {@value #MAX_POINTS}
 * points, and it updates its existing data points in place (no symbols, so no node per point) instead of
 * rebuilding them. Series of at most {@value #DOTTED_UP_TO} points show a dot per point. It keeps a
 * readable height ({@value #MIN_HEIGHT} px): a pane too low for its charts scrolls rather than squash them.
 */
public final class CurveChart extends LineChart<Number, Number> {
  /** The least height a chart is given (in pixels at zoom 100%): below it, its pane scrolls instead. */
  public static final double MIN_HEIGHT = 150;
  static final int MAX_POINTS = 200;
  static final int REDRAWS_PER_SECOND = 2;
  static final int DOTTED_UP_TO = 30;
  private static final AxisRange EMPTY = new AxisRange(0, 1, 0.25);

  private final Curves curves;
  private final ObjectProperty<XAxis> axis;
  private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
  private final PauseTransition throttle = new PauseTransition(Duration.millis(1000.0 / REDRAWS_PER_SECOND));
  private boolean dirty;

  public CurveChart(String title, String yLabel, Curves curves, ObjectProperty<XAxis> axis) {
    super(new NumberAxis(), new NumberAxis());
    this.curves = curves;
    this.axis = axis;
    setTitle(title);
    setAnimated(false);
    // axes animate range changes on their own (60 layouts a second while they do): off
    getXAxis().setAnimated(false);
    getYAxis().setAnimated(false);
    setCreateSymbols(false);
    getYAxis().setLabel(yLabel);
    // round ranges set with each redraw (AxisRange), not ranged by the axes over the data at every layout
    ((NumberAxis) getXAxis()).setAutoRanging(false);
    ((NumberAxis) getYAxis()).setAutoRanging(false);
    getStyleClass().add("curve-chart");
    setMinHeight(MIN_HEIGHT);
    rebuildSeries();
    throttle.setOnFinished(e -> {
      if (dirty) {
        redraw();
      }
    });
    curves.versionProperty().addListener((o, a, b) -> requestRedraw());
    axis.addListener((o, a, b) -> redraw());
    redraw();
  }

  /** Points currently drawn for a series (after decimation), for tests. */
  public int drawnPoints(String name) {
    XYChart.Series<Number, Number> s = series.get(name);
    return s == null ? 0 : s.getData().size();
  }

  private void requestRedraw() {
    dirty = true;
    if (throttle.getStatus() != Animation.Status.RUNNING) {
      redraw();
      throttle.playFromStart(); // further changes in this window wait for its end
    }
  }

  private void redraw() {
    long t0 = System.nanoTime();
    redraw0();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (ms > 15 && Boolean.getBoolean("duet.debugStalls")) {
      LoggerFactory.getLogger(CurveChart.class).info("redraw {} {} ms", getTitle(), ms);
    }
  }

  /** One chart series per curve, in the curves' order (their colours follow it). */
  private void rebuildSeries() {
    series.clear();
    getData().clear();
    for (String name : curves.names()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(name);
      series.put(name, s);
      getData().add(s);
    }
  }

  private void redraw0() {
    dirty = false;
    if (!curves.names().equals(List.copyOf(series.keySet()))) {
      rebuildSeries();
    }
    XAxis a = axis.get();
    getXAxis().setLabel(a.label());
    double[] xs = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] ys = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (Map.Entry<String, XYChart.Series<Number, Number>> e : series.entrySet()) {
      List<CurvePoint> pts = Curves.decimate(curves.points(e.getKey()), MAX_POINTS);
      for (CurvePoint p : pts) {
        extend(xs, p.x(a));
        extend(ys, p.value());
      }
      ObservableList<XYChart.Data<Number, Number>> data = e.getValue().getData();
      // sparse series (per-epoch values, a one-pass model) get a dot per point, or one point is invisible
      boolean dots = pts.size() <= DOTTED_UP_TO;
      if (!data.isEmpty() && (data.get(0).getNode() != null) != dots) {
        data.clear(); // switching between dots and plain line: rebuild once
      }
      int common = Math.min(data.size(), pts.size());
      for (int i = 0; i < common; i++) {
        XYChart.Data<Number, Number> d = data.get(i);
        CurvePoint p = pts.get(i);
        d.setXValue(p.x(a));
        d.setYValue(p.value());
      }
      if (pts.size() > common) {
        List<XYChart.Data<Number, Number>> extra = new ArrayList<>();
        for (CurvePoint p : pts.subList(common, pts.size())) {
          XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(a), p.value());
          if (dots) {
            d.setNode(new StackPane()); // styled as the series' symbol
          }
          extra.add(d);
        }
        data.addAll(extra);
      } else if (data.size() > common) {
        data.remove(common, data.size());
      }
    }
    boolean empty = xs[0] > xs[1] || ys[0] > ys[1];
    setRange((NumberAxis) getXAxis(), empty ? EMPTY : AxisRange.around(xs[0], xs[1]), empty);
    setRange((NumberAxis) getYAxis(), empty ? EMPTY : AxisRange.around(ys[0], ys[1]), empty);
  }

  private static void extend(double[] range, double v) {
    if (Double.isFinite(v)) { // a NaN loss is not drawn and does not stretch the axis
      range[0] = Math.min(range[0], v);
      range[1] = Math.max(range[1], v);
    }
  }

  /**
   * Sets an axis's round range (a property set to the value it has changes nothing, so the axis is laid out
   * anew only when the range moves). Before its first point a chart shows its grid and axis names but no
   * numbers: a scale over no data would be made up.
   */
  private static void setRange(NumberAxis a, AxisRange r, boolean empty) {
    a.setLowerBound(r.lower());
    a.setUpperBound(r.upper());
    a.setTickUnit(r.tick());
    a.setTickLabelsVisible(!empty);
  }

  /** Whether the chart has no point yet (and so shows no scale), for tests. */
  public boolean isEmpty() {
    return !getXAxis().isTickLabelsVisible();
  }

  /** This chart's x and y ranges now, for tests. */
  public AxisRange[] ranges() {
    NumberAxis x = (NumberAxis) getXAxis();
    NumberAxis y = (NumberAxis) getYAxis();
    return new AxisRange[] {
      new AxisRange(x.getLowerBound(), x.getUpperBound(), x.getTickUnit()),
      new AxisRange(y.getLowerBound(), y.getUpperBound(), y.getTickUnit())
    };
  }
}
