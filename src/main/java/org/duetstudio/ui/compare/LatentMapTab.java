package org.duetstudio.ui.compare;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.judge.JudgeSettings;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.common.SidePanes;
import org.duetstudio.ui.generator.LatentMapView;

/** The latent decision map: the latent plane decoded, each cell framed in the classifier's colour. */
final class LatentMapTab extends JudgeTab {
  private final FindingsViewModel vm;
  private final Canvas map = new Canvas(JudgeSettings.MAP_SIDE * 22, JudgeSettings.MAP_SIDE * 22);
  private final Label text = new Label(NOT_READY);
  private final ComboBox<Integer> mapClass = SidePanes.classPicker();
  private final VBox legend = new VBox(2);

  LatentMapTab(FindingsViewModel vm) {
    this.vm = vm;
    Exports.install(map, "latent-map", null);
    text.setWrapText(true);
    mapClass.setDisable(true);
    mapClass.setOnAction(
        e -> {
          if (mapClass.getValue() != null && vm.readyProperty().get()) {
            vm.decisionMap(mapClass.getValue());
          }
        });
    build(
        "Latent map",
        box(SidePanes.helpRow("judge-map"), text, new HBox(8, mapClass), new HBox(12, map, legend)));
    vm.readyProperty().addListener((o, a, r) -> onReady(r));
    vm.decisionMapProperty().addListener((o, a, m) -> show(m));
  }

  private void onReady(boolean ready) {
    mapClass.setDisable(!ready);
    legend.getChildren().clear();
    if (!ready) {
      text.setText(NOT_READY);
      return;
    }
    List<String> names = vm.classNames();
    SidePanes.setClasses(mapClass, names, vm.findingsProperty().get().settings().mapClass());
    mapClass.setVisible(vm.generatorModel() instanceof ConditionalGenerator);
    for (int c = 0; c < names.size(); c++) {
      Label l = new Label(names.get(c));
      l.setGraphic(swatch(LatentMapView.PALETTE[c % LatentMapView.PALETTE.length]));
      legend.getChildren().add(l);
    }
  }

  private static Node swatch(Color c) {
    return new Rectangle(10, 10, c);
  }

  private void show(LatentPaths.Labelled m) {
    GraphicsContext g = map.getGraphicsContext2D();
    g.clearRect(0, 0, map.getWidth(), map.getHeight());
    if (m == null) {
      return;
    }
    ImageShape shape = vm.generatorModel().shape();
    int side = (int) Math.round(Math.sqrt(m.size()));
    double cell = map.getWidth() / side;
    int[] p = m.predicted();
    float[] conf = m.confidence();
    for (int i = 0; i < m.size(); i++) {
      double x = (i % side) * cell;
      double y = (i / side) * cell;
      Color c = LatentMapView.PALETTE[p[i] % LatentMapView.PALETTE.length];
      g.setFill(c.deriveColor(0, 1, 1, 0.25 + 0.75 * conf[i]));
      g.fillRect(x, y, cell, cell);
      g.setImageSmoothing(false);
      g.drawImage(FxImages.image(m.images().get(i), shape), x + 4, y + 4, cell - 8, cell - 8);
    }
    text.setText(
        "Each cell: the image decoded at that point of the latent plane ("
            + m.how()
            + "), framed in the colour of the class the classifier sees in it; a paler frame means"
            + " less sure. Borders between colours are where the classifier changes its mind.");
  }

  /** For tests. */
  Canvas canvas() {
    return map;
  }
}
