package org.duetstudio.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.judge.GuidancePoint;
import org.duetstudio.core.judge.JudgeFindings;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.Denoiser;
import org.duetstudio.core.report.Sentences;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.LabelledImages;
import org.duetstudio.ui.common.SidePanes;

/**
 * A diffusion model through the classifier's eyes: its guidance against label fidelity and the images'
 * variety, and one sample's walk from noise to picture labelled at every shown step.
 */
final class GuidanceTab extends JudgeTab {
  private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis(0, 100, 20));
  private final FindingsViewModel vm;
  private final Label text = new Label(NOT_READY);
  private final Label eyesText = new Label();
  private final LabelledImages eyes = new LabelledImages(52);

  GuidanceTab(FindingsViewModel vm) {
    this.vm = vm;
    Exports.install(chart, "guidance", null);
    chart.setAnimated(false);
    chart.setCreateSymbols(true);
    chart.getXAxis().setLabel("guidance");
    chart.getYAxis().setLabel("%");
    chart.setTitle("Label fidelity and variety against guidance");
    chart.setMinHeight(150);
    chart.setPrefHeight(210);
    text.setWrapText(true);
    VBox left = new VBox(6, text);
    left.setPrefWidth(300);
    left.setMinWidth(220);
    HBox row = new HBox(12, left, chart);
    HBox.setHgrow(chart, Priority.ALWAYS);
    eyesText.setWrapText(true);
    Exports.install(eyes, "denoising-path", null);
    build("Diffusion", box(SidePanes.helpRow("judge-guidance"), row, eyesText, eyes));
    vm.readyProperty().addListener(
        (o, a, r) -> {
          if (!r) {
            text.setText(NOT_READY);
          } else if (!(vm.generatorModel() instanceof Denoiser
              && vm.generatorModel() instanceof ConditionalGenerator)) {
            text.setText(
                "Guidance is how a class-conditional diffusion model is steered: train a diffusion"
                    + " generator with \"Class-conditional\" on to see its trade-off here.");
          } else {
            text.setText("Drawing the same noise at each guidance…");
          }
        });
    vm.findingsProperty().addListener((o, a, f) -> show(f));
  }

  private void show(JudgeFindings f) {
    showEyes(f == null ? null : f.denoising());
    List<GuidancePoint> points = f == null ? null : f.guidance();
    chart.getData().clear();
    if (points == null) {
      return;
    }
    XYChart.Series<Number, Number> fidelity = new XYChart.Series<>();
    fidelity.setName("labelled as asked (%)");
    XYChart.Series<Number, Number> variety = new XYChart.Series<>();
    variety.setName("variety (% of real images')");
    for (GuidancePoint p : points) {
      fidelity.getData().add(new XYChart.Data<>(p.guidance(), 100 * p.fidelity()));
      variety.getData().add(new XYChart.Data<>(p.guidance(), 100 * p.variety()));
    }
    chart.getData().add(fidelity);
    chart.getData().add(variety);
    // variety can pass 100% (unguided images mix classes): the axis grows to show it, in steps of 20
    double top = 100;
    for (GuidancePoint p : points) {
      top = Math.max(top, 20 * Math.ceil(5 * p.variety()));
    }
    ((NumberAxis) chart.getYAxis()).setUpperBound(top);
    GuidancePoint best = points.get(0);
    for (GuidancePoint p : points) {
      if (p.fidelity() > best.fidelity()) {
        best = p;
      }
    }
    text.setText(
        Sentences.guidance(points)
            + String.format(
                Locale.ROOT,
                " The classifier recognises the asked-for class most often at guidance %.0f.",
                best.guidance()));
  }

  /** One sample's walk from noise to picture, labelled by the classifier at every shown step. */
  private void showEyes(LatentPaths.Labelled p) {
    if (p == null) {
      eyes.show(List.of(), null, List.of(), null);
      eyesText.setText("");
      return;
    }
    List<String> caps = new ArrayList<>();
    int[] pred = p.predicted();
    for (int i = 0; i < p.size(); i++) {
      caps.add(p.classNames().get(pred[i]));
    }
    eyes.show(p.images(), vm.generatorModel().shape(), caps, p.confidence());
    eyesText.setText(
        "The walk from noise to picture through the classifier's eyes: " + p.how()
            + "; under each step, what the classifier sees and how sure it is.");
  }

  /** For tests. */
  Label text() {
    return text;
  }
}
