package org.duetstudio.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.judge.JudgeSettings;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.LabelledImages;
import org.duetstudio.ui.common.SidePanes;

/** An interpolation: the generator's images on a path from one class to another, labelled. */
final class InterpolationTab extends JudgeTab {
  private final FindingsViewModel vm;
  private final ComboBox<Integer> from = SidePanes.classPicker();
  private final ComboBox<Integer> to = SidePanes.classPicker();
  private final LabelledImages path = new LabelledImages(52);
  private final Label text = new Label(NOT_READY);

  InterpolationTab(FindingsViewModel vm) {
    this.vm = vm;
    Exports.install(path, "interpolation", null);
    text.setWrapText(true);
    Button walk = new Button("Walk");
    walk.disableProperty().bind(vm.readyProperty().not());
    walk.setOnAction(
        e -> {
          if (from.getValue() != null && to.getValue() != null) {
            vm.interpolate(from.getValue(), to.getValue());
          }
        });
    from.setDisable(true);
    to.setDisable(true);
    HBox row = new HBox(8, new Label("From"), from, new Label("to"), to, walk);
    row.setAlignment(Pos.CENTER_LEFT);
    build("Interpolation", box(SidePanes.helpRow("judge-interpolation"), row, text, path));
    vm.readyProperty().addListener((o, a, r) -> onReady(r));
    vm.interpolationProperty().addListener((o, a, p) -> show(p));
  }

  /** Walks from class {@code a} to class {@code b} (a confusion-matrix cell asked for it). */
  void walk(int a, int b) {
    from.setValue(a);
    to.setValue(b);
    vm.interpolate(a, b);
  }

  private void onReady(boolean ready) {
    from.setDisable(!ready);
    to.setDisable(!ready);
    if (!ready) {
      text.setText(NOT_READY);
      return;
    }
    JudgeSettings s = vm.findingsProperty().get().settings();
    SidePanes.setClasses(from, vm.classNames(), s.pathFrom());
    SidePanes.setClasses(to, vm.classNames(), s.pathTo());
  }

  private void show(LatentPaths.Labelled p) {
    if (p == null) {
      path.show(List.of(), null, List.of(), null);
      return;
    }
    List<String> caps = new ArrayList<>();
    int[] pred = p.predicted();
    for (int i = 0; i < p.size(); i++) {
      caps.add(p.classNames().get(pred[i]));
    }
    path.show(p.images(), vm.generatorModel().shape(), caps, p.confidence());
    text.setText(
        "The generator's images along a path "
            + p.how()
            + "; under each, the classifier's label and confidence.");
  }

  /** For tests. */
  LabelledImages images() {
    return path;
  }
}
