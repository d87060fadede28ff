package org.duetstudio.ui.compare;

import java.util.Locale;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.SidePanes;

/** Label fidelity: how often the classifier agrees with the class a conditional generator was asked for. */
final class FidelityTab extends JudgeTab {
  private final BarChart<String, Number> chart =
      new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 20));
  private final Label text = new Label(NOT_READY);

  FidelityTab(FindingsViewModel vm) {
    Exports.install(chart, "label-fidelity", null);
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.getYAxis().setLabel("% labelled as asked");
    chart.setTitle("Label fidelity per requested class");
    chart.setMinHeight(150);
    chart.setPrefHeight(190);
    text.setWrapText(true);
    VBox left = new VBox(6, text);
    left.setPrefWidth(300);
    left.setMinWidth(220);
    HBox row = new HBox(12, left, chart);
    HBox.setHgrow(chart, Priority.ALWAYS);
    build("Label fidelity", box(SidePanes.helpRow("judge-fidelity"), row));
    vm.readyProperty().addListener(
        (o, a, r) -> {
          if (!r) {
            text.setText(NOT_READY);
          } else if (!(vm.generatorModel() instanceof ConditionalGenerator)) {
            text.setText(
                "Label fidelity needs a generator that can be asked for a class: train it with"
                    + " \"Class-conditional\" on.");
          }
        });
    vm.fidelityProperty().addListener((o, a, f) -> show(f));
  }

  private void show(LabelFidelity f) {
    chart.getData().clear();
    if (f == null) {
      return;
    }
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    for (int c = 0; c < f.classNames().size(); c++) {
      s.getData().add(new XYChart.Data<>(f.classNames().get(c), 100 * f.of(c)));
    }
    chart.getData().add(s);
    int worst = 0;
    for (int c = 1; c < f.classNames().size(); c++) {
      if (f.of(c) < f.of(worst)) {
        worst = c;
      }
    }
    text.setText(
        String.format(
            Locale.ROOT,
            "Asked for %d images of each class, the classifier agreed with the requested class for"
                + " %.0f%% of them. Weakest: %s (%.0f%%).",
            f.matrix().total() / f.classNames().size(),
            100 * f.overall(),
            f.classNames().get(worst),
            100 * f.of(worst)));
  }

  /** For tests. */
  Label text() {
    return text;
  }
}
