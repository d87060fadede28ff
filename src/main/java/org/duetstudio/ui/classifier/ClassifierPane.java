package org.duetstudio.ui.classifier;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.ConfusionMatrix;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.ui.common.RunControls;
import org.duetstudio.ui.common.SidePanes;
import org.duetstudio.ui.common.SpecSheet;
import org.duetstudio.ui.curves.CurveChart;
import org.duetstudio.ui.curves.XAxis;

/**
 * The left pane: a discriminative model learning p(class | image). Model and settings on top; below,
 * its curves, its answers on test images, and where it goes wrong.
 */
public final class ClassifierPane extends VBox {
  private final ClassifierViewModel vm;
  private final ObservableBooleanValue canTrain;
  private final javafx.beans.value.ObservableValue<TrainTestData> data;
  private final ObjectProperty<XAxis> axis;
  private final PredictionGrid grid = new PredictionGrid();
  private final ConfusionMatrixView matrix;
  private final FlowPane cellImages = new FlowPane(4, 4);
  private final Label cellTitle = new Label("Click a cell to see its images.");
  private final BarChart<String, Number> perClass =
      new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 20));
  private final TabPane tabs = new TabPane();
  private RunControls controls;
  private SpecSheet<ClassifierSpec> sheet;
  private TitledPane settings;
  private CurveChart lossChart;
  private CurveChart accuracyChart;

  public ClassifierPane(
      ClassifierViewModel vm,
      javafx.beans.value.ObservableValue<TrainTestData> data,
      ObservableBooleanValue canTrain,
      ObjectProperty<XAxis> axis) {
    this.vm = vm;
    this.data = data;
    this.canTrain = canTrain;
    this.axis = axis;
    this.matrix = new ConfusionMatrixView(this::showCell);
    getStyleClass().addAll("side-pane", "classifier-pane");
    createView();
    initListeners();
  }

  private void createView() {
    HBox header =
        SidePanes.header("Classifier", "learns p(class | image) — it predicts", "classifier");
    HBox modelRow =
        SidePanes.modelPicker(
            ClassifierKind.values(), ClassifierKind::displayName, vm.kindProperty(), vm.activeProperty());
    controls = new RunControls(vm, canTrain, () -> vm.train(data.getValue()));
    sheet = new SpecSheet<>(ClassifierSpec.class, vm.specProperty(), s -> s.kind().settings());
    settings =
        SidePanes.settings(
            sheet.node(),
            vm.specProperty(),
            s -> {
              ClassifierSpec c = (ClassifierSpec) s;
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
            },
            vm.activeProperty());
    Label failure = SidePanes.failureBanner(vm);

    lossChart =
        new CurveChart("Loss (cross-entropy)", "loss", vm.lossCurves(), axis);
    accuracyChart =
        new CurveChart(
            "Accuracy", "% correct", vm.accuracyCurves(), axis);
    // right-click: save a chart as PNG or its data as CSV, a picture as PNG
    org.duetstudio.ui.common.Exports.install(lossChart, "classifier-loss", vm.lossCurves());
    org.duetstudio.ui.common.Exports.install(accuracyChart, "classifier-accuracy", vm.accuracyCurves());
    org.duetstudio.ui.common.Exports.install(grid, "predictions", null);
    org.duetstudio.ui.common.Exports.install(matrix, "confusion-matrix", null);
    VBox curves = new VBox(4, SidePanes.helpRow("curves-classifier"), lossChart, accuracyChart);
    VBox.setVgrow(lossChart, Priority.ALWAYS);
    VBox.setVgrow(accuracyChart, Priority.ALWAYS);

    ScrollPane gridScroll = new ScrollPane(grid);
    gridScroll.setFitToWidth(true);
    VBox predictions = new VBox(4, SidePanes.helpRow("predictions"), gridScroll);
    VBox.setVgrow(gridScroll, Priority.ALWAYS);

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
    VBox confusion =
        new VBox(6, SidePanes.helpRow("confusion"), new ScrollPane(matrix), cellTitle, cellScroll, perClass);
    confusion.setPadding(new Insets(4));
    matrix.show(null);

    tabs.getTabs()
        .addAll(
            SidePanes.tab("Curves", curves),
            SidePanes.tab("Predictions", predictions),
            SidePanes.tab("Confusion matrix", new ScrollPane(confusion)));
    ((ScrollPane) tabs.getTabs().get(2).getContent()).setFitToWidth(true);
    VBox.setVgrow(tabs, Priority.ALWAYS);

    setSpacing(8);
    setPadding(new Insets(10));
    getChildren().addAll(header, modelRow, controls, settings, failure, tabs);
  }



  private void initListeners() {
    // the grid and the matrix are drawn when their tab is in view: a hidden view costs nothing
    vm.predictionsProperty().addListener((o, a, p) -> refreshVisible());
    tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> refreshVisible());
  }

  private Predictions shownInGrid;
  private ConfusionMatrix shownInMatrix;

  private void refreshVisible() {
    int tab = tabs.getSelectionModel().getSelectedIndex();
    Predictions p = vm.predictionsProperty().get();
    if (tab == 1 && p != shownInGrid) {
      shownInGrid = p;
      grid.show(vm.testImagesProperty().get(), p);
    }
    ConfusionMatrix m = vm.confusionProperty().get();
    if (tab == 2 && m != shownInMatrix) {
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
    cellImages.getChildren().clear();
    for (int i : idx.subList(0, Math.min(60, idx.size()))) {
      PredictionGrid.Cell cell = new PredictionGrid.Cell();
      cell.show(test, p, i);
      cellImages.getChildren().add(cell.root);
    }
  }

  // accessors for tests: nodes are clicked by reference
  public RunControls controls() {
    return controls;
  }

  public SpecSheet<ClassifierSpec> sheet() {
    return sheet;
  }

  public TitledPane settingsPane() {
    return settings;
  }

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

  public TabPane tabs() {
    return tabs;
  }
}
