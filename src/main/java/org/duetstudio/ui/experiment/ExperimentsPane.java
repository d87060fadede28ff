package org.duetstudio.ui.experiment;

import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.ExperimentResult;
import org.duetstudio.core.experiment.FewLabels;
import org.duetstudio.core.experiment.GenerativeVsDiscriminative;
import org.duetstudio.core.experiment.SyntheticData;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.store.AtomicFiles;
import org.duetstudio.core.training.RunState;
import org.duetstudio.core.store.HtmlReport;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.SidePanes;
import org.duetstudio.ui.generator.GeneratorViewModel;

/**
 * The three experiments, a tab each: what it asks, its few settings, Run and Stop, which point is
 * training and the time left, then the table, the chart and what they say.
 */
public final class ExperimentsPane extends TabPane {
  private final ObservableValue<TrainTestData> data;
  private final GeneratorViewModel generator;
  private final BackgroundTasks modelWork;
  private final ExperimentViewModel genVsDisc;
  private final ExperimentViewModel fewLabels;
  private final ExperimentViewModel synthetic;

  /**
   * @param data the studio's training data (with its limits)
   * @param generator the generator pane, whose finished conditional model the synthetic-data experiment
   *     uses
   * @param tasks runs the experiments
   * @param modelWork the lane for work on trained models (drawing the generated images)
   */
  public ExperimentsPane(
      ObservableValue<TrainTestData> data,
      GeneratorViewModel generator,
      BackgroundTasks tasks,
      BackgroundTasks modelWork) {
    this.data = data;
    this.generator = generator;
    this.modelWork = modelWork;
    genVsDisc = new ExperimentViewModel("gen-vs-disc", tasks);
    fewLabels = new ExperimentViewModel("few-labels", tasks);
    synthetic = new ExperimentViewModel("synthetic", tasks);
    getStyleClass().add("experiments-pane");
    setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    getTabs()
        .addAll(
            SidePanes.tab("Generative vs discriminative", genVsDiscView()),
            SidePanes.tab("Few labels", fewLabelsView()),
            SidePanes.tab("Does synthetic data help?", syntheticView()));
  }

  private final java.util.Map<String, Button> runButtons = new java.util.HashMap<>();

  /** Presses Run on experiment {@code name} (gen-vs-disc, few-labels, synthetic) and shows its tab. */
  public void start(String name) {
    Button b = runButtons.get(name);
    if (b == null) {
      throw new IllegalArgumentException(
          "unknown experiment '" + name + "'; choose " + runButtons.keySet());
    }
    getSelectionModel().select(List.of("gen-vs-disc", "few-labels", "synthetic").indexOf(name));
    b.fire();
  }

  public ExperimentViewModel genVsDisc() {
    return genVsDisc;
  }

  public ExperimentViewModel fewLabels() {
    return fewLabels;
  }

  public ExperimentViewModel synthetic() {
    return synthetic;
  }

  private Node genVsDiscView() {
    Button run = new Button("Run");
    run.setOnAction(
        e -> {
          TrainTestData d = data.getValue();
          if (d == null) {
            genVsDisc.refuse("Load a data set first.");
            return;
          }
          genVsDisc.run(m -> GenerativeVsDiscriminative.run(d, GenerativeVsDiscriminative.DEFAULT_SIZES, 42, m));
        });
    runButtons.put("gen-vs-disc", run);
    return layout(
        genVsDisc,
        "Ng & Jordan (2001) compared a generative classifier, naive Bayes, with its discriminative twin,"
            + " logistic regression, as the training set grows: the generative one was better with few"
            + " examples, the discriminative one with many. Here both learn from 20 up to all training"
            + " images (small sets averaged over several draws) and are tested on the test images.",
        new HBox(8, run),
        "training images");
  }

  private Node fewLabelsView() {
    Spinner<Integer> epochs = new Spinner<>(1, 100, 10);
    epochs.setPrefWidth(80);
    ComboBox<ClassifierKind> kind = kinds(ClassifierKind.LOGISTIC_REGRESSION);
    Button run = new Button("Run");
    run.setOnAction(
        e -> {
          TrainTestData d = data.getValue();
          if (d == null) {
            fewLabels.refuse("Load a data set first.");
            return;
          }
          GeneratorSpec vae = GeneratorSpec.defaults(GeneratorKind.VAE).withEpochs(epochs.getValue());
          ClassifierSpec c = ClassifierSpec.defaults(kind.getValue());
          fewLabels.run(m -> FewLabels.run(d, vae, c, FewLabels.DEFAULT_LABELS, 42, m));
        });
    HBox settings =
        new HBox(8, new Label("Classifier"), kind, new Label("VAE epochs"), epochs, run);
    settings.setAlignment(Pos.CENTER_LEFT);
    runButtons.put("few-labels", run);
    return layout(
        fewLabels,
        "Semi-supervised learning, made visible: a VAE learns from all training images with no labels;"
            + " then, with only 10, 100 or 1,000 labelled images, the same classifier learns from raw"
            + " pixels and from the VAE's latent codes of those images.",
        settings,
        "labelled images");
  }

  private Node syntheticView() {
    Spinner<Integer> real = new Spinner<>(100, 10_000, 1000, 100);
    real.setPrefWidth(100);
    real.setEditable(true);
    ComboBox<ClassifierKind> kind = kinds(ClassifierKind.MLP);
    Button run = new Button("Run");
    run.setOnAction(
        e -> {
          TrainTestData d = data.getValue();
          if (!(generator.model() instanceof ConditionalGenerator g)
              || generator.stateProperty().get() != RunState.COMPLETED) {
            synthetic.refuse(
                "Train a class-conditional generator first (tick \"Class-conditional\" in the generator"
                    + " pane): its images are the synthetic data.");
            return;
          }
          if (d == null || !d.train().classNames().equals(g.classNames())) {
            synthetic.refuse("The generator was trained on other data than the data loaded now.");
            return;
          }
          int n = real.getValue();
          ClassifierSpec c = ClassifierSpec.defaults(kind.getValue());
          synthetic.refuse("Drawing the generated images…");
          // the generator is used on the model lane; the trainings then run on their own
          modelWork.run(
              () -> SyntheticData.pool(d, g, n, SyntheticData.DEFAULT_EXTRA, 42),
              (ImageDataset pool) ->
                  synthetic.run(
                      m -> SyntheticData.run(d, pool, c, n, SyntheticData.DEFAULT_EXTRA, 42, m)),
              t -> synthetic.refuse("Drawing the generated images failed: " + t.getMessage()));
        });
    HBox settings =
        new HBox(8, new Label("Classifier"), kind, new Label("Real images"), real, run);
    settings.setAlignment(Pos.CENTER_LEFT);
    runButtons.put("synthetic", run);
    return layout(
        synthetic,
        "The classifier learns from N real images plus generated ones from the trained class-conditional"
            + " generator (half as many, as many, twice as many), beside the same with flipped and shifted"
            + " copies of the real images (plain augmentation), and from generated images only (the"
            + " classification accuracy score). All are tested on the real test images.",
        settings,
        "generated images added");
  }

  private static ComboBox<ClassifierKind> kinds(ClassifierKind initial) {
    ComboBox<ClassifierKind> box = new ComboBox<>();
    box.getItems().setAll(ClassifierKind.values());
    box.setValue(initial);
    box.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(ClassifierKind k) {
            return k == null ? "" : k.displayName();
          }

          @Override
          public ClassifierKind fromString(String s) {
            return null;
          }
        });
    return box;
  }

  /** Description, settings, progress, then table, chart and conclusion. */
  private Node layout(ExperimentViewModel vm, String about, HBox settings, String xLabel) {
    Label intro = new Label(about);
    intro.setWrapText(true);
    Button stop = new Button("Stop");
    stop.setOnAction(e -> vm.cancel());
    stop.disableProperty().bind(vm.runningProperty().not());
    settings.getChildren().add(stop);
    settings.getChildren().stream()
        .filter(n -> n instanceof Button b && "Run".equals(b.getText()))
        .forEach(n -> n.disableProperty().bind(vm.runningProperty()));
    ProgressBar bar = new ProgressBar();
    bar.setPrefWidth(240);
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.runningProperty());
    bar.managedProperty().bind(bar.visibleProperty());
    Label status = new Label();
    status.textProperty().bind(vm.statusProperty());
    status.setWrapText(true);
    HBox progress = new HBox(8, bar, status);
    progress.setAlignment(Pos.CENTER_LEFT);

    GridPane table = new GridPane();
    table.setHgap(14);
    table.setVgap(3);
    table.getStyleClass().add("experiment-table");
    LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    chart.setAnimated(false);
    chart.getXAxis().setLabel(xLabel);
    chart.getYAxis().setLabel("test accuracy, %");
    ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
    chart.setMinHeight(260);
    Label conclusion = new Label();
    conclusion.setWrapText(true);
    conclusion.getStyleClass().add("experiment-conclusion");
    Button export = new Button("Export table as CSV…");
    export.disableProperty().bind(vm.resultProperty().isNull());
    export.setOnAction(e -> exportCsv(vm, export));
    vm.resultProperty().addListener((o, a, r) -> show(r, table, chart, conclusion, xLabel));
    // points appear in the table and the chart as they are measured
    vm.partialProperty().addListener((o, a, r) -> {
      if (r != null) {
        show(r, table, chart, conclusion, xLabel);
      }
    });
    Button report = new Button("Export report (HTML)…");
    report.disableProperty().bind(vm.resultProperty().isNull());
    report.setOnAction(e -> exportReport(vm, report));

    VBox box =
        new VBox(8, intro, settings, progress, conclusion, new HBox(16, table, chart), new HBox(8, export, report));
    HBox.setHgrow(chart, javafx.scene.layout.Priority.ALWAYS);
    box.setPadding(new Insets(10));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private static void show(
      ExperimentResult r, GridPane table, LineChart<String, Number> chart, Label conclusion, String xLabel) {
    table.getChildren().clear();
    chart.getData().clear();
    if (r == null) {
      conclusion.setText("");
      return;
    }
    conclusion.setText(r.conclusion());
    table.add(bold(xLabel), 0, 0);
    for (int s = 0; s < r.series().size(); s++) {
      table.add(bold(r.series().get(s)), s + 1, 0);
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      series.setName(r.series().get(s));
      for (ExperimentResult.Row row : r.rows()) {
        double a = row.accuracy()[s];
        if (!Double.isNaN(a)) {
          series.getData().add(new XYChart.Data<>(row.label(), 100 * a));
        }
      }
      chart.getData().add(series);
    }
    List<ExperimentResult.Row> rows = r.rows();
    for (int i = 0; i < rows.size(); i++) {
      table.add(new Label(rows.get(i).label()), 0, i + 1);
      double[] acc = rows.get(i).accuracy();
      for (int s = 0; s < acc.length; s++) {
        table.add(
            new Label(Double.isNaN(acc[s]) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * acc[s])),
            s + 1,
            i + 1);
      }
    }
  }

  private static Label bold(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private void exportReport(ExperimentViewModel vm, Node owner) {
    ExperimentResult r = vm.resultProperty().get();
    TrainTestData d = data.getValue();
    String about =
        d == null
            ? ""
            : String.format(
                Locale.ROOT,
                "Data: %s, %,d training and %,d test images. %.0f s.",
                d.source(),
                d.train().size(),
                d.test().size(),
                r.seconds());
    Exports.save(
        owner,
        vm.name() + ".html",
        file -> new HtmlReport(r.title()).paragraph(about).experiment(r).write(file));
  }

  private static void exportCsv(ExperimentViewModel vm, Node owner) {
    String csv = vm.resultProperty().get().toCsv();
    Exports.save(owner, vm.name() + ".csv", file -> AtomicFiles.writeString(file, csv));
  }
}
