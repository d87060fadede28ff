package org.duetstudio.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.ui.classifier.PredictionGrid;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.curves.CurveChart;
import org.duetstudio.ui.curves.XAxis;

/**
 * Presenter view, for a projector: the two things a class should look at side by side — the classifier's
 * answers on test images beside the generator's newest samples — with the classifier's accuracy and the
 * generator's loss below, and one line under each saying what it shows. It draws from the same view
 * models as the panes (its own grid, image and charts on the same data), and only while it is shown.
 */
public final class PresenterView extends GridPane {
  private final StudioViewModel vm;
  private final PredictionGrid grid = new PredictionGrid(72);
  private final ScrollPane predictions = new ScrollPane(grid);
  private final ImageView samples = new ImageView();
  private final StackPane samplesBox = new StackPane(samples);
  private final Label samplesNote = new Label("Samples appear here while the generator trains.");
  private final CurveChart accuracy;
  private final CurveChart loss;
  private Predictions shownInGrid;
  private TrainingEvent.SamplesReady shownSamples;

  public PresenterView(StudioViewModel vm, ObjectProperty<XAxis> axis) {
    this.vm = vm;
    getStyleClass().add("presenter-view");
    setMinSize(0, 0); // the window's size, whatever its parts would like
    setHgap(16);
    setVgap(8);
    setPadding(new Insets(10, 14, 8, 14));
    // two equal columns whatever their content would like: nothing preferred, all the room shared
    ColumnConstraints left = new ColumnConstraints(0, 0, Double.MAX_VALUE, Priority.ALWAYS, HPos.LEFT, true);
    ColumnConstraints right = new ColumnConstraints(0, 0, Double.MAX_VALUE, Priority.ALWAYS, HPos.LEFT, true);
    getColumnConstraints().setAll(left, right);
    RowConstraints top = new RowConstraints();
    top.setPercentHeight(60);
    top.setVgrow(Priority.ALWAYS);
    RowConstraints bottom = new RowConstraints();
    bottom.setPercentHeight(40);
    bottom.setVgrow(Priority.ALWAYS);
    getRowConstraints().setAll(top, bottom);

    predictions.setFitToWidth(true);
    predictions.setMinSize(0, 0);
    grid.setPrefColumns(6);
    add(
        part(
            "presenter-classifier",
            "The classifier predicts",
            predictions,
            line(
                "Test images it has never seen, with its answer: ✓ right, ✗ wrong; the bar: how sure.")),
        0,
        0);

    samples.setPreserveRatio(true);
    samples.setSmooth(false);
    samplesBox.setMinSize(0, 0);
    samplesBox.setPrefSize(200, 200);
    samples.fitWidthProperty().bind(samplesBox.widthProperty());
    samples.fitHeightProperty().bind(samplesBox.heightProperty());
    samplesNote.getStyleClass().add("presenter-line");
    fit(samplesNote);
    add(part("presenter-generator", "The generator creates", samplesBox, samplesNote), 1, 0);

    accuracy = new CurveChart("Accuracy", "% correct", vm.classifier().accuracyCurves(), axis);
    add(
        part(
            "presenter-classifier",
            null,
            accuracy,
            line("Its share of right answers: blue while training, orange on test images.")),
        0,
        1);
    loss = new CurveChart("", "loss", vm.generator().lossCurves(), axis);
    loss.titleProperty()
        .bind(Bindings.createStringBinding(() -> vm.generator().plotProperty().get().lossTitle(),
            vm.generator().plotProperty()));
    add(
        part(
            "presenter-generator",
            null,
            loss,
            line("Its loss, step by step: the number its training tries to push down.")),
        1,
        1);

    for (CurveChart c : new CurveChart[] {accuracy, loss}) {
      c.setMinWidth(0); // the column's width, whatever the title's
    }
    vm.classifier().predictionsProperty().addListener((o, a, b) -> refresh());
    vm.generator().samplesProperty().addListener((o, a, b) -> refresh());
    visibleProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  private static Label line(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("presenter-line");
    fit(l);
    return l;
  }

  /** One line at the column's width; on a narrow screen with large fonts it wraps rather than widen it. */
  private static void fit(Label l) {
    l.setMaxWidth(Double.MAX_VALUE);
    l.setMinWidth(0);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
  }

  /** A titled part: its content grows, one line under it. */
  private static VBox part(String styleClass, String title, Node content, Label line) {
    VBox box = new VBox(4);
    box.getStyleClass().add(styleClass);
    box.setMinSize(0, 0);
    if (title != null) {
      Label t = new Label(title);
      t.getStyleClass().add("presenter-title");
      box.getChildren().add(t);
    }
    box.getChildren().addAll(content, line);
    VBox.setVgrow(content, Priority.ALWAYS);
    box.setAlignment(Pos.TOP_LEFT);
    return box;
  }

  /** Draws what changed, when shown (hidden, it costs nothing but its charts). */
  private void refresh() {
    if (!isVisible()) {
      return;
    }
    Predictions p = vm.classifier().predictionsProperty().get();
    if (p != shownInGrid) {
      shownInGrid = p;
      grid.show(vm.classifier().testImagesProperty().get(), p);
    }
    TrainingEvent.SamplesReady s = vm.generator().samplesProperty().get();
    if (s != shownSamples) {
      shownSamples = s;
      samples.setImage(s == null ? null : FxImages.grid(s.images(), s.shape(), s.columns(), 2));
      samplesNote.setText(
          s == null
              ? "Samples appear here while the generator trains."
              : s.iteration() == 0
                  ? "Before training, the generator draws noise."
                  : "New images from the same random points each time — watch them sharpen (epoch "
                      + s.epoch()
                      + ").");
    }
  }

  // accessors for tests

  /** Where the predictions are shown (a scrolling grid). */
  public ScrollPane predictionsArea() {
    return predictions;
  }

  public PredictionGrid predictionGrid() {
    return grid;
  }

  /** The generator's newest samples. */
  public ImageView samplesView() {
    return samples;
  }

  public CurveChart accuracyChart() {
    return accuracy;
  }

  public CurveChart lossChart() {
    return loss;
  }
}
