package org.duetstudio.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.duetstudio.core.data.ImageShape;
import org.duetstudio.core.eval.ClassificationAccuracyScore;
import org.duetstudio.core.eval.Judgement;
import org.duetstudio.core.eval.LabelFidelity;
import org.duetstudio.core.eval.LatentPaths;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.model.ImageGenerator;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.common.LabelledImages;
import org.duetstudio.ui.common.SidePanes;
import org.duetstudio.ui.generator.LatentMapView;

/**
 * The judge's views that need both models finished: label fidelity, the classification accuracy score,
 * the memorisation check, the latent decision map, an interpolation, and a drawing pad both models answer.
 */
public final class JudgeExtras {
  private static final String NOT_READY =
      "Train a classifier and a generator on the same data; once both have finished, this fills in.";

  private final JudgeViewModel vm;
  private final List<Tab> tabs = new ArrayList<>();

  private final BarChart<String, Number> fidelityChart =
      new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 20));
  private final Label fidelityText = new Label(NOT_READY);

  private final Label casText = new Label();
  private final ProgressBar casProgress = new ProgressBar(0);
  private final ProgressBar casReal = new ProgressBar(0);
  private final ProgressBar casSynthetic = new ProgressBar(0);
  private final Label casRealLabel = new Label();
  private final Label casSyntheticLabel = new Label();
  private final Button casRun = new Button("Measure CAS");
  private final Button casStop = new Button("Stop");

  private final Label memoText = new Label(NOT_READY);
  private final LabelledImages memoImages = new LabelledImages(44);

  private final Canvas map = new Canvas(15 * 22, 15 * 22);
  private final Label mapText = new Label(NOT_READY);
  private final ComboBox<Integer> mapClass = SidePanes.classPicker();
  private final VBox legend = new VBox(2);

  private final ComboBox<Integer> from = SidePanes.classPicker();
  private final ComboBox<Integer> to = SidePanes.classPicker();
  private final LabelledImages path = new LabelledImages(52);
  private final Label pathText = new Label(NOT_READY);

  private final DrawingPad pad = new DrawingPad(224);
  private final VBox answerBars = new VBox(2);
  private final ImageView reconstruction = new ImageView();
  private final Label answerText = new Label("Draw an item in white on the black square.");

  JudgeExtras(JudgeViewModel vm) {
    this.vm = vm;
    org.duetstudio.ui.common.Exports.install(map, "latent-map", null);
    org.duetstudio.ui.common.Exports.install(path, "interpolation", null);
    org.duetstudio.ui.common.Exports.install(memoImages, "memorisation", null);
    org.duetstudio.ui.common.Exports.install(fidelityChart, "label-fidelity", null);
    // the views are built now (they are updated while hidden) but join the scene when first shown
    Node fidelity = scroll(fidelityView());
    Node cas = scroll(casView());
    Node memo = scroll(memoView());
    Node latent = scroll(mapView());
    Node interpolation = scroll(pathView());
    Node drawing = scroll(padView());
    tabs.add(SidePanes.lazyTab("Label fidelity", () -> fidelity));
    tabs.add(SidePanes.lazyTab("CAS", () -> cas));
    tabs.add(SidePanes.lazyTab("Memorisation", () -> memo));
    tabs.add(SidePanes.lazyTab("Latent map", () -> latent));
    tabs.add(SidePanes.lazyTab("Interpolation", () -> interpolation));
    tabs.add(SidePanes.lazyTab("Drawing pad", () -> drawing));
    vm.readyProperty().addListener((o, a, r) -> onReady(r));
    vm.fidelityProperty().addListener((o, a, f) -> showFidelity(f));
    vm.casProperty().addListener((o, a, c) -> showCas(c));
    vm.judgementProperty().addListener((o, a, j) -> showMemorisation(j));
    vm.decisionMapProperty().addListener((o, a, m) -> showMap(m));
    vm.interpolationProperty().addListener((o, a, p) -> showPath(p));
    vm.drawingProperty().addListener((o, a, d) -> showAnswer(d));
    onReady(false);
  }

  List<Tab> tabs() {
    return tabs;
  }

  private static ScrollPane scroll(Node content) {
    ScrollPane s = new ScrollPane(content);
    s.setFitToWidth(true);
    return s;
  }

  private static Label caption(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add("caption");
    return l;
  }

  private static VBox box(Node... children) {
    VBox b = new VBox(6, children);
    b.setPadding(new Insets(6));
    return b;
  }

  private void onReady(boolean ready) {
    casRun.setDisable(!ready);
    pad.setDisable(!ready);
    List<String> names = ready ? vm.classNames() : List.of();
    for (ComboBox<Integer> c : List.of(mapClass, from, to)) {
      c.setDisable(!ready);
      if (ready) {
        SidePanes.setClasses(
            c,
            names,
            c == to
                ? Math.min(9, names.size() - 1)
                : c == mapClass ? JudgeViewModel.defaultMapClass(names.size()) : 0);
      }
    }
    if (!ready) {
      fidelityText.setText(NOT_READY);
      memoText.setText(NOT_READY);
      mapText.setText(NOT_READY);
      pathText.setText(NOT_READY);
      casText.setText(NOT_READY);
      return;
    }
    boolean conditional = vm.generatorModel() instanceof ConditionalGenerator;
    mapClass.setVisible(conditional);
    casText.setText(
        conditional
            ? "Trains a fresh "
                + vm.classifierName()
                + " on "
                + JudgeViewModel.CAS_IMAGES
                + " generated images and another on as many real ones, and tests both on real test"
                + " images (Ravuri & Vinyals, 2019)."
            : "CAS needs labelled generated images: train the generator with \"Class-conditional\" on.");
    casRun.setDisable(!conditional);
    if (!conditional) {
      fidelityText.setText(
          "Label fidelity needs a generator that can be asked for a class: train it with"
              + " \"Class-conditional\" on.");
    }
    legend.getChildren().clear();
    for (int c = 0; c < names.size(); c++) {
      Label l = new Label(names.get(c));
      l.setGraphic(swatch(LatentMapView.PALETTE[c % LatentMapView.PALETTE.length]));
      legend.getChildren().add(l);
    }
  }

  private static Node swatch(Color c) {
    javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(10, 10, c);
    return r;
  }

  // ---- label fidelity

  private Node fidelityView() {
    fidelityChart.setLegendVisible(false);
    fidelityChart.setAnimated(false);
    fidelityChart.getYAxis().setLabel("% labelled as asked");
    fidelityChart.setTitle("Label fidelity per requested class");
    fidelityChart.setMinHeight(150);
    fidelityChart.setPrefHeight(190);
    fidelityText.setWrapText(true);
    VBox left = new VBox(6, fidelityText);
    left.setPrefWidth(300);
    left.setMinWidth(220);
    HBox row = new HBox(12, left, fidelityChart);
    HBox.setHgrow(fidelityChart, Priority.ALWAYS);
    return box(SidePanes.helpRow("judge-fidelity"), row);
  }

  private void showFidelity(LabelFidelity f) {
    fidelityChart.getData().clear();
    if (f == null) {
      return;
    }
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    for (int c = 0; c < f.classNames().size(); c++) {
      s.getData().add(new XYChart.Data<>(f.classNames().get(c), 100 * f.of(c)));
    }
    fidelityChart.getData().add(s);
    int worst = 0;
    for (int c = 1; c < f.classNames().size(); c++) {
      if (f.of(c) < f.of(worst)) {
        worst = c;
      }
    }
    fidelityText.setText(
        String.format(
            Locale.ROOT,
            "Asked for %d images of each class, the classifier agreed with the requested class for"
                + " %.0f%% of them. Weakest: %s (%.0f%%).",
            f.matrix().total() / f.classNames().size(),
            100 * f.overall(),
            f.classNames().get(worst),
            100 * f.of(worst)));
  }

  // ---- CAS

  private Node casView() {
    casText.setWrapText(true);
    casRun.setOnAction(e -> vm.runCas());
    casStop.setOnAction(e -> vm.cancelCas());
    casProgress.setPrefWidth(200);
    casProgress.visibleProperty().bind(vm.casProgressProperty().greaterThanOrEqualTo(0));
    casProgress.progressProperty().bind(vm.casProgressProperty());
    casStop.visibleProperty().bind(casProgress.visibleProperty());
    Label status = new Label();
    status.textProperty().bind(vm.casStatusProperty());
    status.setWrapText(true);
    HBox run = new HBox(8, casRun, casProgress, casStop);
    run.setAlignment(Pos.CENTER_LEFT);
    GridPane bars = new GridPane();
    bars.setHgap(8);
    bars.setVgap(6);
    casReal.setPrefWidth(260);
    casSynthetic.setPrefWidth(260);
    casSynthetic.getStyleClass().add("synthetic-bar");
    bars.addRow(0, new Label("trained on real images"), casReal, casRealLabel);
    bars.addRow(1, new Label("trained on generated images"), casSynthetic, casSyntheticLabel);
    return box(SidePanes.helpRow("judge-cas"), casText, run, status, bars);
  }

  private void showCas(ClassificationAccuracyScore c) {
    if (c == null) {
      casReal.setProgress(0);
      casSynthetic.setProgress(0);
      casRealLabel.setText("");
      casSyntheticLabel.setText("");
      return;
    }
    casReal.setProgress(c.real());
    casSynthetic.setProgress(c.synthetic());
    casRealLabel.setText(String.format(Locale.ROOT, "%.1f%%", 100 * c.real()));
    casSyntheticLabel.setText(
        String.format(
            Locale.ROOT, "%.1f%%  (CAS; %.0f%% of real)", 100 * c.synthetic(), 100 * c.ratio()));
  }

  // ---- memorisation

  private Node memoView() {
    memoText.setWrapText(true);
    return box(SidePanes.helpRow("judge-memorisation"), memoText, memoImages);
  }

  private void showMemorisation(Judgement j) {
    ImageGenerator g = vm.generatorModel();
    if (j == null || j.memorisation() == null || g == null) {
      memoImages.show(List.of(), null, List.of(), null);
      return;
    }
    var nn = j.memorisation().samples();
    memoText.setText(
        String.format(
            Locale.ROOT,
            "Each generated image (left of a pair) beside the training image nearest to it (right)."
                + " Generated images lie %.2f from their nearest training image on average; real test"
                + " images, which the generator never saw, lie %.2f. Far smaller would mean the"
                + " generator copies its training images.",
            nn.meanDistance(),
            j.memorisation().realTestMeanDistance()));
    vm.nearestPairs(
        12,
        pairs -> {
          List<String> caps = new ArrayList<>();
          double[] d = nn.distances();
          for (int i = 0; i < pairs.size() / 2; i++) {
            caps.add("sample");
            caps.add(String.format(Locale.ROOT, "nearest %.2f", d[i]));
          }
          memoImages.show(pairs, g.shape(), caps, null);
        });
  }

  // ---- decision map

  private Node mapView() {
    mapText.setWrapText(true);
    mapClass.setOnAction(e -> {
      if (mapClass.getValue() != null && vm.readyProperty().get()) {
        vm.decisionMap(mapClass.getValue());
      }
    });
    HBox row = new HBox(8, mapClass);
    return box(SidePanes.helpRow("judge-map"), mapText, row, new HBox(12, map, legend));
  }

  private void showMap(LatentPaths.Labelled m) {
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
    mapText.setText(
        "Each cell: the image decoded at that point of the latent plane ("
            + m.how()
            + "), framed in the colour of the class the classifier sees in it; a paler frame means"
            + " less sure. Borders between colours are where the classifier changes its mind.");
  }

  // ---- interpolation

  private Node pathView() {
    pathText.setWrapText(true);
    Button walk = new Button("Walk");
    walk.disableProperty().bind(vm.readyProperty().not());
    walk.setOnAction(
        e -> {
          if (from.getValue() != null && to.getValue() != null) {
            vm.interpolate(from.getValue(), to.getValue());
          }
        });
    HBox row = new HBox(8, new Label("From"), from, new Label("to"), to, walk);
    row.setAlignment(Pos.CENTER_LEFT);
    return box(SidePanes.helpRow("judge-interpolation"), row, pathText, path);
  }

  private void showPath(LatentPaths.Labelled p) {
    if (p == null) {
      path.show(List.of(), null, List.of(), null);
      return;
    }
    List<String> caps = new ArrayList<>();
    int[] pred = p.predicted();
    for (int i = 0; i < p.size(); i++) {
      caps.add(p.classNames().get(pred[i]));
    }
    path.show(p.images(), vm.generatorModel().shape(), caps, p.confidence());
    pathText.setText("The generator's images along a path " + p.how() + "; under each, the classifier's label and confidence.");
  }

  // ---- drawing pad

  private Node padView() {
    Button clear = new Button("Clear");
    clear.setOnAction(e -> pad.clear());
    pad.setOnDrawn(() -> {
      ImageGenerator g = vm.generatorModel();
      if (g != null) {
        vm.answer(pad.pixels(g.shape()));
      }
    });
    answerText.setWrapText(true);
    reconstruction.setFitWidth(112);
    reconstruction.setFitHeight(112);
    reconstruction.setSmooth(false);
    VBox left = new VBox(6, pad, clear);
    VBox right = new VBox(6, answerText, answerBars, reconstruction);
    HBox.setHgrow(right, Priority.ALWAYS);
    return box(SidePanes.helpRow("judge-drawing"), new HBox(12, left, right));
  }

  private void showAnswer(JudgeViewModel.DrawingAnswer a) {
    answerBars.getChildren().clear();
    reconstruction.setImage(null);
    if (a == null) {
      return;
    }
    List<String> names = vm.classNames();
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
      answerBars.getChildren().add(row);
    }
    String text =
        String.format(Locale.ROOT, "The classifier: %s (%.0f%%).", names.get(best), 100 * p[best]);
    if (a.reconstruction() != null) {
      reconstruction.setImage(FxImages.image(a.reconstruction(), vm.generatorModel().shape()));
      float[] z = a.code();
      text +=
          String.format(
              Locale.ROOT,
              " The VAE places it at latent code (%.2f, %.2f%s) and draws it back as below.",
              z[0],
              z.length > 1 ? z[1] : 0f,
              z.length > 2 ? ", …" : "");
    } else {
      text += " A GAN has no encoder: it cannot say where a drawing lies in its latent space.";
    }
    answerText.setText(text);
  }

  /** For tests. */
  public DrawingPad pad() {
    return pad;
  }

  public LabelledImages interpolationImages() {
    return path;
  }

  public Canvas mapCanvas() {
    return map;
  }

  public Label fidelityText() {
    return fidelityText;
  }

  public LabelledImages memorisationView() {
    return memoImages;
  }
}
