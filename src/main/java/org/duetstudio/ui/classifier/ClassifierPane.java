package org.duetstudio.ui.classifier;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.ConfusionMatrix;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.SidePane;
import org.duetstudio.ui.common.SidePanes;
import org.duetstudio.ui.common.SpecSheet;
import org.duetstudio.ui.curves.CurveChart;
import org.duetstudio.ui.curves.XAxis;

/**
 * The left pane: a discriminative model learning p(class | image). Model and settings on top (from {@link
 * SidePane}); below, its curves, its answers on test images, and where it goes wrong.
 */
public final class ClassifierPane extends SidePane<ClassifierSpec> {
  private final ClassifierViewModel vm;
  private final PredictionGrid grid = new PredictionGrid();
  private final ConfusionMatrixView matrix;
  private final FlowPane cellImages = new FlowPane(4, 4);
  private final Hyperlink pathOffer = new Hyperlink();
  private BiConsumer<Integer, Integer> pathTo;
  private BooleanSupplier pathsAvailable = () -> false;
  private int offerFrom;
  private int offerTo;
  private final Label cellTitle = new Label("Click a cell to see its images.");
  private final BarChart<String, Number> perClass =
      new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 20));
  private final CurveChart lossChart;
  private final CurveChart accuracyChart;
  private final Tab predictionsTab;
  private final Tab confusionTab;
  private Predictions shownInGrid;
  private ConfusionMatrix shownInMatrix;

  public ClassifierPane(
      ClassifierViewModel vm,
      ObservableValue<TrainTestData> data,
      ObservableBooleanValue canTrain,
      ObjectProperty<XAxis> axis) {
    super(
        new Header("Classifier", "learns p(class | image) — it predicts", "classifier", "classifier-pane"),
        vm,
        ClassifierKind.values(),
        ClassifierKind::displayName,
        vm.kindProperty(),
        new SpecSheet<>(ClassifierSpec.class, vm.specProperty(), s -> s.kind().settings()),
        ClassifierPane::summary,
        canTrain,
        () -> vm.train(data.getValue()));
    this.vm = vm;
    this.matrix = new ConfusionMatrixView(this::showCell);
    this.lossChart = new CurveChart("Loss (cross-entropy)", "loss", vm.lossCurves(), axis);
    this.accuracyChart = new CurveChart("Accuracy", "% correct", vm.accuracyCurves(), axis);
    // right-click: save a chart as PNG or its data as CSV, a picture as PNG
    Exports.install(lossChart, "classifier-loss", vm.lossCurves());
    Exports.install(accuracyChart, "classifier-accuracy", vm.accuracyCurves());
    Exports.install(grid, "predictions", null);
    Exports.install(matrix, "confusion-matrix", null);
    VBox curves = new VBox(4, SidePanes.helpRow("curves-classifier"), lossChart, accuracyChart);
    VBox.setVgrow(lossChart, Priority.ALWAYS);
    VBox.setVgrow(accuracyChart, Priority.ALWAYS);
    // the tabs not shown at start join the scene when first shown (the first style and layout pass skips them)
    VBox predictions = predictionsView();
    ScrollPane confusion = confusionView();
    this.predictionsTab = SidePanes.lazyTab("Predictions", () -> predictions);
    this.confusionTab = SidePanes.lazyTab("Confusion matrix", () -> confusion);
    addTabs(SidePanes.tab("Curves", SidePanes.scrolling(curves)), predictionsTab, confusionTab);
    // the grid and the matrix are drawn when their tab is in view: a hidden view costs nothing
    vm.predictionsProperty().addListener((o, a, p) -> refreshVisible());
    tabs().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> refreshVisible());
  }

  private static String summary(ClassifierSpec c) {
    if (!c.kind().settings().contains("epochs")) {
      return String.format(Locale.ROOT, "one pass, batch %d, seed %d", c.batchSize(), c.seed());
    }
    return String.format(
        Locale.ROOT,
        "%d epochs, batch %d, learning rate %s, seed %d",
        c.epochs(),
        c.batchSize(),
        SpecSheet.format(c.learningRate()),
        c.seed());
  }

  private VBox predictionsView() {
    ScrollPane gridScroll = new ScrollPane(grid);
    gridScroll.setFitToWidth(true);
    VBox predictions = new VBox(4, SidePanes.helpRow("predictions"), gridScroll);
    VBox.setVgrow(gridScroll, Priority.ALWAYS);
    return predictions;
  }

  private ScrollPane confusionView() {
    perClass.setTitle("Per-class accuracy (recall), %");
    perClass.setLegendVisible(false);
    perClass.setAnimated(false);
    perClass.getXAxis().setAnimated(false);
    perClass.getYAxis().setAnimated(false);
    perClass.setMinHeight(180);
    cellTitle.getStyleClass().add("cell-title");
    ScrollPane cellScroll = new ScrollPane(cellImages);
    cellScroll.setFitToWidth(true);
    cellScroll.setPrefViewportHeight(90);
    pathOffer.managedProperty().bind(pathOffer.visibleProperty());
    pathOffer.setVisible(false);
    pathOffer.setOnAction(e -> pathTo.accept(offerFrom, offerTo));
    VBox confusion =
        new VBox(
            6, SidePanes.helpRow("confusion"), new ScrollPane(matrix), cellTitle, pathOffer, cellScroll,
            perClass);
    confusion.setPadding(new Insets(4));
    matrix.show(null);
    ScrollPane scroll = new ScrollPane(confusion);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private void refreshVisible() {
    // the selection model, not Tab.isSelected(): the tab hears of its selection after this listener
    Tab shown = tabs().getSelectionModel().getSelectedItem();
    Predictions p = vm.predictionsProperty().get();
    if (shown == predictionsTab && p != shownInGrid) {
      shownInGrid = p;
      grid.show(vm.testImagesProperty().get(), p);
    }
    ConfusionMatrix m = vm.confusionProperty().get();
    if (shown == confusionTab && m != shownInMatrix) {
      shownInMatrix = m;
      showConfusion(m);
    }
  }

  private void showConfusion(ConfusionMatrix m) {
    matrix.show(m);
    cellImages.getChildren().clear();
    cellTitle.setText("Click a cell to see its images.");
    perClass.getData().clear();
    if (m == null) {
      return;
    }
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    for (int c = 0; c < m.numClasses(); c++) {
      double r = m.recall(c);
      s.getData().add(new XYChart.Data<>(m.classNames().get(c), Double.isNaN(r) ? 0 : 100 * r));
    }
    perClass.getData().add(s);
  }

  /** Shows the test images of one confusion-matrix cell. */
  void showCell(int actual, int predicted) {
    Predictions p = vm.predictionsProperty().get();
    ImageDataset test = vm.testImagesProperty().get();
    if (p == null || test == null) {
      return;
    }
    List<Integer> idx = vm.cell(actual, predicted);
    cellTitle.setText(
        String.format(
            Locale.ROOT,
            "%d × true %s, predicted %s%s",
            idx.size(),
            p.classNames().get(actual),
            p.classNames().get(predicted),
            idx.size() > 60 ? " (first 60)" : ""));
    offerFrom = actual;
    offerTo = predicted;
    pathOffer.setText(
        "The generator's path from " + p.classNames().get(actual) + " to " + p.classNames().get(predicted)
            + ", labelled by the classifier step by step →");
    pathOffer.setVisible(pathTo != null && actual != predicted && pathsAvailable.getAsBoolean());
    cellImages.getChildren().clear();
    for (int i : idx.subList(0, Math.min(60, idx.size()))) {
      PredictionGrid.Cell cell = new PredictionGrid.Cell();
      cell.show(test, p, i);
      cellImages.getChildren().add(cell.root);
    }
  }

  /**
   * Offers, under an off-diagonal cell (true A, predicted B), the generator's path from A to B: {@code
   * show} walks it; {@code available} says whether a finished class-conditional generator can.
   */
  public void offerPaths(BiConsumer<Integer, Integer> show, BooleanSupplier available) {
    this.pathTo = show;
    this.pathsAvailable = available;
  }

  // accessors for tests: nodes are clicked by reference

  public PredictionGrid predictionGrid() {
    return grid;
  }

  public ConfusionMatrixView confusionMatrix() {
    return matrix;
  }

  public FlowPane cellImages() {
    return cellImages;
  }

  public CurveChart lossChart() {
    return lossChart;
  }

  public CurveChart accuracyChart() {
    return accuracyChart;
  }

  public Tab predictionsTab() {
    return predictionsTab;
  }

  public Tab confusionTab() {
    return confusionTab;
  }
}
