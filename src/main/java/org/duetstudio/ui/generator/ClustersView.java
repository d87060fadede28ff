package org.duetstudio.ui.generator;

import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.ui.common.SidePanes;

/** The generator pane's Clusters tab: k-means beside the true classes, on pixels or a VAE's latent codes. */
final class ClustersView extends VBox {
  private final Label summary = new Label();
  private final GridPane table = new GridPane();

  ClustersView(TrainedGeneratorViewModel vm, ObservableValue<TrainTestData> data) {
    super(6);
    Button pixels = new Button("k-means on pixels");
    pixels.setOnAction(e -> vm.cluster(data.getValue(), false));
    Button codes = new Button("k-means on latent codes");
    codes.setOnAction(e -> vm.cluster(data.getValue(), true));
    Label intro =
        new Label(
            "Unsupervised learning: k-means groups "
                + TrainedGeneratorViewModel.clusterImages()
                + " test images into one cluster per class without seeing any label. Rows: clusters;"
                + " columns: the true classes.");
    intro.setWrapText(true);
    intro.getStyleClass().add("caption");
    summary.setWrapText(true);
    table.setHgap(1);
    table.setVgap(1);
    Label status = new Label();
    status.textProperty().bind(vm.statusProperty());
    status.getStyleClass().add("caption");
    getChildren()
        .addAll(SidePanes.helpRow("clusters"), intro, new HBox(8, pixels, codes), status, summary, table);
    setPadding(new Insets(6));
    vm.clustersProperty().addListener((o, a, c) -> show(c));
  }

  private void show(Clusters c) {
    table.getChildren().clear();
    if (c == null) {
      summary.setText("");
      return;
    }
    summary.setText(
        String.format(
            Locale.ROOT,
            "On %s: adjusted Rand index %.2f (1 = the clusters are the classes, 0 = chance); purity"
                + " %.0f%% (share of images whose cluster's most common class is their own).",
            c.space(),
            c.adjustedRand(),
            100 * c.purity()));
    int[][] counts = c.counts();
    List<String> names = c.classNames();
    for (int j = 0; j < names.size(); j++) {
      Label h = new Label(shortName(names.get(j)));
      h.getStyleClass().add("counts-header");
      h.setTooltip(new Tooltip(names.get(j)));
      table.add(h, j + 1, 0);
    }
    for (int k = 0; k < c.k(); k++) {
      int size = Math.max(1, c.size(k));
      Label row = new Label("cluster " + (k + 1) + " → " + names.get(c.majority()[k]));
      row.getStyleClass().add("counts-header");
      table.add(row, 0, k + 1);
      for (int j = 0; j < names.size(); j++) {
        Label cell = new Label(String.valueOf(counts[k][j]));
        cell.getStyleClass().add("counts-cell");
        double share = counts[k][j] / (double) size;
        cell.setStyle(
            String.format(Locale.ROOT, "-fx-background-color: rgba(31,119,180,%.2f);", share));
        if (share > 0.55) {
          cell.setStyle(cell.getStyle() + "-fx-text-fill: white;");
        }
        table.add(cell, j + 1, k + 1);
      }
    }
  }

  private static String shortName(String s) {
    return s.length() <= 7 ? s : s.substring(0, 6) + "…";
  }
}
