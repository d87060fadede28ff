package org.duetstudio.ui.compare;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.SampleVerdict;
import org.duetstudio.ui.common.Explanations;
import org.duetstudio.ui.curves.CurveChart;
import org.duetstudio.ui.curves.XAxis;

/**
 * Between the two sides: the trained classifier judging the generator's newest samples — which classes
 * it sees in them, and how sure it is, over the generator's training.
 */
public final class JudgePane extends VBox {
  private final JudgeViewModel vm;
  private final BarChart<String, Number> histogram = new BarChart<>(new CategoryAxis(), new NumberAxis());
  private final CurveChart confidence;
  private final Label summary = new Label();
  private final Label frechet = new Label();

  public JudgePane(JudgeViewModel vm, ObjectProperty<XAxis> axis) {
    this.vm = vm;
    this.confidence = new CurveChart("Mean confidence on the samples", "%", vm.confidenceCurves(), axis);
    getStyleClass().add("judge-pane");
    org.duetstudio.ui.common.Exports.install(confidence, "judge-confidence", vm.confidenceCurves());
    org.duetstudio.ui.common.Exports.install(histogram, "judge-histogram", null);
    createView();
    vm.verdictProperty().addListener((o, a, v) -> show(v));
    show(null);
  }

  private void createView() {
    Label title = new Label("The judge");
    title.getStyleClass().add("pane-title");
    Label subtitle = new Label("the trained classifier looks at the generator's samples");
    subtitle.getStyleClass().add("pane-subtitle");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(8, title, subtitle, spacer, Explanations.button("judge"));
    header.setAlignment(Pos.BASELINE_LEFT);

    Label status = new Label();
    status.textProperty().bind(vm.statusProperty());
    status.getStyleClass().add("caption");
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

    setSpacing(4);
    setPadding(new Insets(6, 10, 6, 10));
    frechet.getStyleClass().add("caption");
    frechet.setWrapText(true);
    vm.judgementProperty().addListener((o, a, j) -> showJudgement(j));
    VBox verdictBox = new VBox(4, new HBox(12, summary, status), frechet, charts);
    verdictBox.setPadding(new Insets(4));
    extras = new JudgeExtras(vm);
    tabs.getTabs().add(org.duetstudio.ui.common.SidePanes.tab("Verdict", verdictBox));
    tabs.getTabs().addAll(extras.tabs());
    VBox.setVgrow(tabs, Priority.ALWAYS);
    getChildren().addAll(header, tabs);
  }

  private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
  private JudgeExtras extras;

  /** The judge's tabs: verdict, label fidelity, CAS, memorisation, latent map, interpolation, drawing pad. */
  public javafx.scene.control.TabPane tabs() {
    return tabs;
  }

  public JudgeExtras extras() {
    return extras;
  }

  private void show(SampleVerdict v) {
    histogram.getData().clear();
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
  public BarChart<String, Number> histogram() {
    return histogram;
  }
}
