package org.duetstudio.ui.compare;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.SampleVerdict;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.curves.CurveChart;
import org.duetstudio.ui.curves.XAxis;

/**
 * The verdict: which classes the classifier sees in the newest samples, how sure it is over the
 * generator's training, and — once both have finished — the Fréchet distance.
 */
final class VerdictTab extends JudgeTab {
  private final BarChart<String, Number> histogram = new BarChart<>(new CategoryAxis(), new NumberAxis());
  private final CurveChart confidence;
  private final Label summary = new Label();
  private final Label frechet = new Label();

  VerdictTab(ConfidenceViewModel live, FindingsViewModel findings, ObjectProperty<XAxis> axis) {
    confidence =
        new CurveChart("Mean confidence on the samples", "%", live.confidenceCurves(), axis);
    Exports.install(confidence, "judge-confidence", live.confidenceCurves());
    Exports.install(histogram, "judge-histogram", null);
    Label status = new Label();
    status.textProperty().bind(live.statusProperty());
    status.getStyleClass().add("caption");
    Label problem = new Label();
    problem.textProperty().bind(findings.statusProperty());
    problem.getStyleClass().add("caption");
    summary.getStyleClass().add("judge-summary");
    histogram.setTitle("Classes the classifier sees in the newest samples");
    histogram.getStyleClass().add("curve-chart");
    histogram.setLegendVisible(false);
    histogram.setAnimated(false);
    histogram.getXAxis().setAnimated(false);
    histogram.getYAxis().setAnimated(false);
    histogram.getYAxis().setLabel("samples");
    histogram.setMinHeight(150);
    confidence.setMinHeight(150);
    HBox charts = new HBox(8, histogram, confidence);
    HBox.setHgrow(histogram, Priority.ALWAYS);
    HBox.setHgrow(confidence, Priority.ALWAYS);
    VBox.setVgrow(charts, Priority.ALWAYS);
    frechet.getStyleClass().add("caption");
    frechet.setWrapText(true);
    VBox content = new VBox(4, new HBox(12, summary, status, problem), frechet, charts);
    content.setPadding(new Insets(4));
    buildShown("Verdict", content);
    live.verdictProperty().addListener((o, a, v) -> show(v));
    findings.judgementProperty().addListener((o, a, j) -> showJudgement(j));
    show(null);
  }

  private void show(SampleVerdict v) {
    histogram.getData().clear();
    histogram.getYAxis().setTickLabelsVisible(v != null); // no made-up scale over no samples
    if (v == null) {
      summary.setText("");
      return;
    }
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    int[] counts = v.counts();
    for (int c = 0; c < counts.length; c++) {
      s.getData().add(new XYChart.Data<>(v.classNames().get(c), counts[c]));
    }
    histogram.getData().add(s);
    summary.setText(
        String.format(
            Locale.ROOT,
            "%d samples · mean confidence %.0f%%%s",
            v.total(),
            100 * v.meanConfidence(),
            v.missingClasses().isEmpty() ? "" : " · never seen: " + String.join(", ", v.missingClasses())));
  }

  private void showJudgement(Judgement j) {
    if (j == null || j.frechet() == null) {
      frechet.setText(
          j == null ? "" : "This classifier has no feature layer: no Fréchet distance (use the MLP or CNN).");
      return;
    }
    frechet.setText(
        String.format(
            Locale.ROOT,
            "After training, %d samples against %d test images: Fréchet distance in the classifier's"
                + " features %.2f (two halves of the real images: %.2f). Measured with this studio's"
                + " classifier — not comparable to published FIDs.",
            j.samples(),
            j.realImages(),
            j.frechet(),
            j.frechetRealHalves()));
  }

  /** For tests. */
  BarChart<String, Number> histogram() {
    return histogram;
  }
}
