package org.duetstudio.ui.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.common.SidePanes;

/**
 * The Denoising tab: the walk from noise to picture as a strip per sample (one column per shown step),
 * an animation that replays it, and sliders for guidance and steps that redraw the same noise.
 */
final class DenoisingView extends VBox {
  private final DenoisingViewModel vm;
  private final ImageView strip = new ImageView();
  private final ImageView replay = new ImageView();
  private final Label caption = new Label();
  private final Label note = new Label();
  private final Slider guidance = new Slider(0, 8, 2);
  private final Slider steps = new Slider(1, 100, 20);
  private final SidePanes.ClassPicker classPicker = SidePanes.classPicker();
  private final FlowPane controls;
  private Timeline animation;
  private ImageShape shape;

  DenoisingView(DenoisingViewModel vm, GeneratorViewModel generator) {
    super(6);
    this.vm = vm;
    for (ImageView v : new ImageView[] {strip, replay}) {
      v.setPreserveRatio(true);
      v.setSmooth(false);
    }
    strip.setFitWidth(520);
    replay.setFitWidth(300);
    Exports.installImage(strip, "denoising", strip::getImage);
    guidance.setShowTickLabels(true);
    guidance.setMajorTickUnit(2);
    guidance.setBlockIncrement(0.5);
    steps.setShowTickLabels(true);
    steps.setMajorTickUnit(20);
    steps.setBlockIncrement(1);
    Label g = new Label();
    g.textProperty().bind(guidance.valueProperty().asString(Locale.ROOT, "Guidance %.1f"));
    Label s = new Label();
    s.textProperty().bind(steps.valueProperty().asString(Locale.ROOT, "Steps %.0f"));
    Button noise = new Button("New noise");
    noise.setOnAction(e -> vm.newNoise());
    Button play = new Button("Replay");
    play.setOnAction(e -> replay());
    Label cls = new Label("Class");
    for (Label l : new Label[] {cls, g, s}) {
      l.setMinWidth(Region.USE_PREF_SIZE); // a narrow pane wraps the row rather than cut the words
    }
    HBox ask = new HBox(8, cls, classPicker, noise, play);
    ask.setAlignment(Pos.CENTER_LEFT);
    HBox sliders = new HBox(8, g, guidance, s, steps);
    sliders.setAlignment(Pos.CENTER_LEFT);
    controls = new FlowPane(16, 6, ask, sliders);
    note.setWrapText(true);
    note.getStyleClass().add("caption");
    caption.getStyleClass().add("caption");
    caption.setWrapText(true);
    Label status = new Label();
    status.textProperty().bind(vm.statusProperty());
    status.getStyleClass().add("caption");
    getChildren().addAll(SidePanes.helpRow("denoising"), note, controls, strip, caption, replay, status);
    // a slider redraws when let go, not at every pixel it moves
    guidance.valueChangingProperty().addListener((o, a, moving) -> {
      if (!moving) {
        commit();
      }
    });
    steps.valueChangingProperty().addListener((o, a, moving) -> {
      if (!moving) {
        commit();
      }
    });
    guidance.setOnMouseReleased(e -> commit());
    steps.setOnMouseReleased(e -> commit());
    classPicker.valueProperty().addListener((o, a, c) -> {
      if (c != null && c != vm.classProperty().get()) {
        vm.classProperty().set(c);
        vm.redraw();
      }
    });
    vm.guidanceProperty().addListener((o, a, w) -> {
      if (!Double.isNaN(w.doubleValue())) {
        guidance.setValue(w.doubleValue());
      }
    });
    vm.stepsProperty().addListener((o, a, n) -> steps.setValue(n.intValue()));
    vm.pathProperty().addListener((o, a, p) -> show(p, generator));
    show(null, generator);
  }

  private void commit() {
    int n = (int) Math.round(steps.getValue());
    double w = Math.round(guidance.getValue() * 2) / 2.0;
    if (n != vm.stepsProperty().get() || w != vm.guidanceProperty().get()) {
      vm.stepsProperty().set(n);
      vm.guidanceProperty().set(w);
      vm.redraw();
    }
  }

  private void show(DenoisingViewModel.Path p, GeneratorViewModel generator) {
    stop();
    boolean ok = vm.available();
    controls.setDisable(!ok);
    if (!ok || p == null) {
      strip.setImage(null);
      replay.setImage(null);
      caption.setText("");
      note.setText(
          ok
              ? "Drawing the walk from noise to picture…"
              : "A diffusion generator draws by walking from noise to a picture in small steps; once one"
                  + " has finished training, its walk is shown here.");
      return;
    }
    boolean conditional = generator.model() instanceof ConditionalGenerator;
    guidance.setDisable(!conditional);
    classPicker.setDisable(!conditional);
    if (conditional && generator.runData() != null) {
      SidePanes.setClasses(classPicker, generator.runData().train().classNames(), vm.classProperty().get());
    }
    shape = generator.model().shape();
    note.setText(
        "Each row is one sample, from pure noise (left) to the picture (right); each column the image"
            + " after that many steps.");
    int frames = p.frames().size();
    List<float[]> cells = new ArrayList<>();
    for (int r = 0; r < DenoisingViewModel.SAMPLES; r++) {
      for (int k = 0; k < frames; k++) {
        cells.add(p.frames().get(k).get(r));
      }
    }
    strip.setImage(FxImages.grid(cells, shape, frames, 2));
    StringBuilder at = new StringBuilder("Columns after step:");
    for (int s : p.stepOfFrame()) {
      at.append(' ').append(s);
    }
    caption.setText(
        at + String.format(Locale.ROOT, " of %d%s.", p.steps(),
            conditional ? String.format(Locale.ROOT, ", guidance %.1f", p.guidance()) : ""));
    replay.setImage(FxImages.grid(p.frames().get(frames - 1), shape, DenoisingViewModel.SAMPLES, 2));
  }

  /** Plays the walk: every shown step for a fifth of a second, then the picture for a second. */
  private void replay() {
    DenoisingViewModel.Path p = vm.pathProperty().get();
    if (p == null || shape == null) {
      return;
    }
    stop();
    animation = new Timeline();
    int frames = p.frames().size();
    for (int k = 0; k < frames; k++) {
      List<float[]> row = p.frames().get(k);
      animation.getKeyFrames().add(new KeyFrame(Duration.millis(200.0 * k),
          e -> replay.setImage(FxImages.grid(row, shape, DenoisingViewModel.SAMPLES, 2))));
    }
    animation.getKeyFrames().add(new KeyFrame(Duration.millis(200.0 * frames + 1000)));
    animation.play();
  }

  private void stop() {
    if (animation != null) {
      animation.stop();
      animation = null;
    }
  }
}
