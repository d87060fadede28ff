package org.duetstudio.ui.compare;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.ui.common.SidePanes;

/** The classification accuracy score: measured on request, with progress and Stop, shown as two bars. */
final class CasTab extends JudgeTab {
  private final Label text = new Label(NOT_READY);
  private final ProgressBar progress = new ProgressBar(0);
  private final ProgressBar real = new ProgressBar(0);
  private final ProgressBar synthetic = new ProgressBar(0);
  private final Label realLabel = new Label();
  private final Label syntheticLabel = new Label();
  private final Button run = new Button("Measure CAS");
  private final Button stop = new Button("Stop");

  CasTab(CasViewModel cas, FindingsViewModel findings) {
    text.setWrapText(true);
    run.setOnAction(e -> cas.run());
    run.setDisable(true);
    stop.setOnAction(e -> cas.cancel());
    progress.setPrefWidth(200);
    progress.visibleProperty().bind(cas.progressProperty().greaterThanOrEqualTo(0));
    progress.progressProperty().bind(cas.progressProperty());
    stop.visibleProperty().bind(progress.visibleProperty());
    Label status = new Label();
    status.textProperty().bind(cas.statusProperty());
    status.setWrapText(true);
    HBox row = new HBox(8, run, progress, stop);
    row.setAlignment(Pos.CENTER_LEFT);
    GridPane bars = new GridPane();
    bars.setHgap(8);
    bars.setVgap(6);
    real.setPrefWidth(260);
    synthetic.setPrefWidth(260);
    synthetic.getStyleClass().add("synthetic-bar");
    bars.addRow(0, new Label("trained on real images"), real, realLabel);
    bars.addRow(1, new Label("trained on generated images"), synthetic, syntheticLabel);
    build("CAS", box(SidePanes.helpRow("judge-cas"), text, row, status, bars));
    findings.readyProperty().addListener(
        (o, a, r) -> {
          run.setDisable(!cas.possible());
          if (!r) {
            text.setText(NOT_READY);
          } else if (cas.possible()) {
            text.setText(
                "Trains a fresh "
                    + findings.classifier().name()
                    + " on "
                    + cas.images()
                    + " generated images and another on as many real ones, and tests both on real test"
                    + " images (Ravuri & Vinyals, 2019).");
          } else {
            text.setText(
                "CAS needs labelled generated images: train the generator with \"Class-conditional\""
                    + " on.");
          }
        });
    findings.casProperty().addListener((o, a, c) -> show(c));
  }

  private void show(ClassificationAccuracyScore c) {
    if (c == null) {
      real.setProgress(0);
      synthetic.setProgress(0);
      realLabel.setText("");
      syntheticLabel.setText("");
      return;
    }
    real.setProgress(c.real());
    synthetic.setProgress(c.synthetic());
    realLabel.setText(String.format(Locale.ROOT, "%.1f%%", 100 * c.real()));
    syntheticLabel.setText(
        String.format(
            Locale.ROOT, "%.1f%%  (CAS; %.0f%% of real)", 100 * c.synthetic(), 100 * c.ratio()));
  }
}
