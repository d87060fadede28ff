package org.duetstudio.ui.compare;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.common.SidePanes;

/**
 * A drawing pad both finished models answer, and "ask the classifier" about an image file of one's own
 * (opened here or dropped on the window): the classifier's probabilities, a VAE's version of it.
 */
final class DrawingPadTab extends JudgeTab {
  private final DrawingPadViewModel vm;
  private final FindingsViewModel findings;
  private final Button openImage = new Button("Ask about an image…");
  private final ImageView asked = new ImageView();
  private final DrawingPad pad = new DrawingPad(224);
  private final VBox bars = new VBox(2);
  private final ImageView reconstruction = new ImageView();
  private final Label text = new Label("Draw an item in white on the black square.");

  DrawingPadTab(DrawingPadViewModel vm, FindingsViewModel findings) {
    this.vm = vm;
    this.findings = findings;
    openImage.setOnAction(e -> chooseImage());
    openImage.setTooltip(
        new Tooltip(
            "Open a PNG, JPEG, BMP or GIF of your own (or drop one on the window): it is scaled to the"
                + " data's size and the classifier says what it sees."));
    openImage.disableProperty().bind(findings.readyProperty().not());
    asked.setFitWidth(112);
    asked.setFitHeight(112);
    asked.setSmooth(false);
    asked.setPreserveRatio(true);
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
    status.setWrapText(true);
    VBox left = new VBox(6, pad, new HBox(6, clear, openImage));
    HBox pictures = new HBox(12, asked, reconstruction);
    VBox right = new VBox(6, text, bars, pictures, status);
    HBox.setHgrow(right, Priority.ALWAYS);
    build("Drawing pad", box(SidePanes.helpRow("judge-drawing"), new HBox(12, left, right)));
    findings.readyProperty().addListener((o, a, r) -> pad.setDisable(!r));
    vm.answerProperty().addListener((o, a, d) -> show(d));
  }

  private void chooseImage() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("An image to ask the classifier about");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
    File f = chooser.showOpenDialog(openImage.getScene().getWindow());
    if (f != null) {
      ask(f.toPath());
    }
  }

  /** Asks the classifier about an image file, and shows this tab. */
  void ask(Path file) {
    if (tab().getTabPane() != null) {
      tab().getTabPane().getSelectionModel().select(tab());
    }
    vm.ask(file);
  }

  private void show(DrawingPadViewModel.Answer a) {
    bars.getChildren().clear();
    reconstruction.setImage(null);
    asked.setImage(null);
    if (a == null) {
      return;
    }
    if (a.file() != null) {
      asked.setImage(FxImages.image(a.drawing(), findings.classifier().shape()));
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
        a.file() == null
            ? String.format(Locale.ROOT, "The classifier: %s (%.0f%%).", names.get(best), 100 * p[best])
            : String.format(
                Locale.ROOT,
                "%s, as the classifier sees it (left%s): %s (%.0f%%).",
                a.file().getFileName(),
                a.inverted() ? "; light and dark swapped to match the data's background" : "",
                names.get(best),
                100 * p[best]);
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
