package org.duetstudio.ui.compare;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.common.SidePanes;

/** A drawing pad both finished models answer: the classifier's probabilities, a VAE's version of it. */
final class DrawingPadTab extends JudgeTab {
  private final FindingsViewModel findings;
  private final DrawingPad pad = new DrawingPad(224);
  private final VBox bars = new VBox(2);
  private final ImageView reconstruction = new ImageView();
  private final Label text = new Label("Draw an item in white on the black square.");

  DrawingPadTab(DrawingPadViewModel vm, FindingsViewModel findings) {
    this.findings = findings;
    Button clear = new Button("Clear");
    clear.setOnAction(e -> pad.clear());
    pad.setDisable(true);
    pad.setOnDrawn(
        () -> {
          ImageGenerator g = findings.generatorModel();
          if (g != null) {
            vm.answer(pad.pixels(g.shape()));
          }
        });
    text.setWrapText(true);
    reconstruction.setFitWidth(112);
    reconstruction.setFitHeight(112);
    reconstruction.setSmooth(false);
    Label status = new Label();
    status.textProperty().bind(vm.statusProperty());
    VBox left = new VBox(6, pad, clear);
    VBox right = new VBox(6, text, bars, reconstruction, status);
    HBox.setHgrow(right, Priority.ALWAYS);
    build("Drawing pad", box(SidePanes.helpRow("judge-drawing"), new HBox(12, left, right)));
    findings.readyProperty().addListener((o, a, r) -> pad.setDisable(!r));
    vm.answerProperty().addListener((o, a, d) -> show(d));
  }

  private void show(DrawingPadViewModel.Answer a) {
    bars.getChildren().clear();
    reconstruction.setImage(null);
    if (a == null) {
      return;
    }
    List<String> names = findings.classNames();
    float[] p = a.probabilities();
    int best = LabelFidelity.argmax(p);
    for (int c = 0; c < p.length; c++) {
      ProgressBar bar = new ProgressBar(p[c]);
      bar.setPrefWidth(140);
      Label name = new Label(names.get(c));
      name.setMinWidth(90);
      if (c == best) {
        name.setStyle("-fx-font-weight: bold;");
      }
      HBox row = new HBox(6, name, bar, new Label(String.format(Locale.ROOT, "%.0f%%", 100 * p[c])));
      row.setAlignment(Pos.CENTER_LEFT);
      bars.getChildren().add(row);
    }
    String line =
        String.format(Locale.ROOT, "The classifier: %s (%.0f%%).", names.get(best), 100 * p[best]);
    if (a.reconstruction() != null) {
      reconstruction.setImage(FxImages.image(a.reconstruction(), findings.generatorModel().shape()));
      float[] z = a.code();
      line +=
          String.format(
              Locale.ROOT,
              " The VAE places it at latent code (%.2f, %.2f%s) and draws it back as below.",
              z[0],
              z.length > 1 ? z[1] : 0f,
              z.length > 2 ? ", …" : "");
    } else {
      line += " A GAN has no encoder: it cannot say where a drawing lies in its latent space.";
    }
    text.setText(line);
  }

  /** For tests. */
  DrawingPad pad() {
    return pad;
  }
}
