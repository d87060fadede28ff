package org.duetstudio.ui.generator;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.duetstudio.core.eval.Clusters;
import org.duetstudio.core.eval.GanHealth;
import org.duetstudio.ui.common.LabelledImages;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.training.GeneratorSnapshot;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.common.RunControls;
import org.duetstudio.ui.common.SidePanes;
import org.duetstudio.ui.common.SpecSheet;
import org.duetstudio.ui.curves.CurveChart;
import org.duetstudio.ui.curves.XAxis;

/**
 * The right pane: a generative model learning p(image). Model and settings on top; below, its curves,
 * the images it creates (the same latent points each time, so one sees them sharpen), its
 * reconstructions, and — with a 2-D latent space — the map it has made of the data.
 */
public final class GeneratorPane extends VBox {
  private final GeneratorViewModel vm;
  private final ObservableValue<TrainTestData> data;
  private final ObservableBooleanValue canTrain;
  private final ObjectProperty<XAxis> axis;
  private final ImageView samples = new ImageView();
  private final Label samplesCaption = new Label("Samples appear here while the generator trains.");
  private final ImageView originals = new ImageView();
  private final ImageView reconstructions = new ImageView();
  private final LatentMapView latentMap = new LatentMapView(300);
  private final ImageView manifold = new ImageView();
  private final Label latentNote = new Label();
  private final HBox maps = new HBox(12);
  private final Label reconNote = new Label("Test images");
  private final Label reconCaption =
      new Label("…after passing through the generator (encode, then decode)");
  {
    reconNote.setWrapText(true);
    reconCaption.managedProperty().bind(reconCaption.visibleProperty());
  }
  private final TabPane tabs = new TabPane();
  private final CheckBox conditional = new CheckBox("Class-conditional");
  private final Label health = new Label();
  private final ComboBox<Integer> orderClass = SidePanes.classPicker();
  private final LabelledImages orderedImages = new LabelledImages(48);
  private final VBox orderBox = new VBox(6);
  private final Label extrasStatus = new Label();
  private final Label clustersSummary = new Label();
  private final GridPane clustersTable = new GridPane();
  private RunControls controls;
  private SpecSheet<GeneratorSpec> sheet;
  private CurveChart lossChart;
  private CurveChart partsChart;

  public GeneratorPane(
      GeneratorViewModel vm,
      ObservableValue<TrainTestData> data,
      ObservableBooleanValue canTrain,
      ObjectProperty<XAxis> axis) {
    this.vm = vm;
    this.data = data;
    this.canTrain = canTrain;
    this.axis = axis;
    getStyleClass().addAll("side-pane", "generator-pane");
    createView();
    initListeners();
  }

  private void createView() {
    HBox header = SidePanes.header("Generator", "learns p(image) — it creates", "generator");
    HBox modelRow =
        SidePanes.modelPicker(
            GeneratorKind.values(), GeneratorKind::displayName, vm.kindProperty(), vm.activeProperty());
    conditional.setTooltip(
        new javafx.scene.control.Tooltip(
            "Learn each image's class too, so the generator can be asked for a chosen class."));
    conditional.setSelected(vm.specProperty().get().conditional());
    conditional.selectedProperty().addListener(
        (o, a, on) -> vm.specProperty().set(vm.specProperty().get().withConditional(on)));
    vm.specProperty().addListener((o, a, sp) -> conditional.setSelected(sp.conditional()));
    conditional.disableProperty().bind(vm.activeProperty());
    conditional.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    modelRow.getChildren().add(conditional);
    controls = new RunControls(vm, canTrain, () -> vm.train(data.getValue()));
    sheet = new SpecSheet<>(GeneratorSpec.class, vm.specProperty());
    TitledPane settings =
        SidePanes.settings(
            sheet.node(),
            vm.specProperty(),
            s -> {
              GeneratorSpec g = (GeneratorSpec) s;
              return String.format(
                  Locale.ROOT,
                  "%d epochs, batch %d, latent %d, learning rate %s, seed %d",
                  g.epochs(),
                  g.batchSize(),
                  g.latentDim(),
                  SpecSheet.format(g.learningRate()),
                  g.seed());
            },
            vm.activeProperty());
    Label failure = SidePanes.failureBanner(vm);
    health.setWrapText(true);
    health.setMaxWidth(Double.MAX_VALUE);
    health.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    health.managedProperty().bind(health.visibleProperty());
    health.setVisible(false);

    lossChart = new CurveChart("", "loss", vm.lossCurves(), axis);
    partsChart = new CurveChart("", "", vm.partCurves(), axis);
    org.duetstudio.ui.common.Exports.install(lossChart, "generator-loss", vm.lossCurves());
    org.duetstudio.ui.common.Exports.install(partsChart, "generator-parts", vm.partCurves());
    org.duetstudio.ui.common.Exports.installImage(samples, "samples", samples::getImage);
    org.duetstudio.ui.common.Exports.installImage(reconstructions, "reconstructions", reconstructions::getImage);
    org.duetstudio.ui.common.Exports.installImage(manifold, "manifold", manifold::getImage);
    lossChart.titleProperty().bind(Bindings.createStringBinding(() -> vm.plotProperty().get().lossTitle(), vm.plotProperty()));
    partsChart.titleProperty().bind(Bindings.createStringBinding(() -> vm.plotProperty().get().partsTitle(), vm.plotProperty()));
    partsChart.getYAxis().labelProperty().bind(Bindings.createStringBinding(() -> vm.plotProperty().get().partsAxis(), vm.plotProperty()));
    VBox curves = new VBox(4, SidePanes.helpRow("curves-generator"), lossChart, partsChart);
    VBox.setVgrow(lossChart, Priority.ALWAYS);
    VBox.setVgrow(partsChart, Priority.ALWAYS);

    samples.setFitWidth(380);
    samples.setPreserveRatio(true);
    samples.setSmooth(false);
    samplesCaption.getStyleClass().add("caption");
    Button draw = new Button("Draw 10");
    draw.setOnAction(e -> vm.drawToOrder(orderClass.getValue() == null ? 0 : orderClass.getValue(), 10));
    HBox orderRow = new HBox(8, new Label("Ask for"), orderClass, draw);
    orderRow.setAlignment(Pos.CENTER_LEFT);
    orderBox.getChildren().setAll(orderRow, orderedImages);
    orderBox.managedProperty().bind(orderBox.visibleProperty());
    orderBox.setVisible(false);
    VBox samplesBox =
        new VBox(6, SidePanes.helpRow("samples"), samples, samplesCaption, orderBox, extrasStatus);
    samplesBox.setAlignment(Pos.TOP_CENTER);

    for (ImageView v : new ImageView[] {originals, reconstructions, manifold}) {
      v.setPreserveRatio(true);
      v.setSmooth(false);
    }
    originals.setFitWidth(520);
    reconstructions.setFitWidth(520);
    VBox recon =
        new VBox(
            6,
            SidePanes.helpRow("reconstructions"),
            reconNote,
            originals,
            reconCaption,
            reconstructions);
    recon.setPadding(new Insets(6));

    manifold.setFitWidth(300);
    latentNote.setWrapText(true);
    latentNote.getStyleClass().add("caption");
    maps.getChildren().setAll(latentMap, manifold);
    maps.managedProperty().bind(maps.visibleProperty());
    VBox latent = new VBox(6, SidePanes.helpRow("latent"), latentNote, maps);
    latent.setPadding(new Insets(6));

    tabs.getTabs()
        .addAll(
            SidePanes.tab("Curves", curves),
            SidePanes.tab("Samples", fitted(samplesBox)),
            SidePanes.tab("Reconstructions", fitted(recon)),
            SidePanes.tab("Latent space", fitted(latent)),
            lazyClusters());
    VBox.setVgrow(tabs, Priority.ALWAYS);
    showSnapshot(null);

    setSpacing(8);
    setPadding(new Insets(10));
    getChildren().addAll(header, modelRow, controls, settings, failure, health, tabs);
  }

  private javafx.scene.control.Tab lazyClusters() {
    Node box = fitted(clustersBox());
    return SidePanes.lazyTab("Clusters", () -> box);
  }

  /** k-means beside the true classes: on pixels, or on a finished VAE's latent codes. */
  private VBox clustersBox() {
    Button pixels = new Button("k-means on pixels");
    pixels.setOnAction(e -> vm.cluster(data.getValue(), false));
    Button codes = new Button("k-means on latent codes");
    codes.setOnAction(e -> vm.cluster(data.getValue(), true));
    HBox buttons = new HBox(8, pixels, codes);
    Label intro =
        new Label(
            "Unsupervised learning: k-means groups "
                + GeneratorViewModel.CLUSTER_POINTS
                + " test images into one cluster per class without seeing any label. Rows: clusters;"
                + " columns: the true classes.");
    intro.setWrapText(true);
    intro.getStyleClass().add("caption");
    clustersSummary.setWrapText(true);
    VBox box = new VBox(6, SidePanes.helpRow("clusters"), intro, buttons, clustersSummary, clustersTable);
    box.setPadding(new Insets(6));
    return box;
  }

  private void showClusters(Clusters c) {
    clustersTable.getChildren().clear();
    if (c == null) {
      clustersSummary.setText("");
      return;
    }
    clustersSummary.setText(
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
      h.setTooltip(new javafx.scene.control.Tooltip(names.get(j)));
      clustersTable.add(h, j + 1, 0);
    }
    for (int k = 0; k < c.k(); k++) {
      int size = Math.max(1, c.size(k));
      Label row = new Label("cluster " + (k + 1) + " → " + names.get(c.majority()[k]));
      row.getStyleClass().add("counts-header");
      clustersTable.add(row, 0, k + 1);
      for (int j = 0; j < names.size(); j++) {
        Label cell = new Label(String.valueOf(counts[k][j]));
        cell.getStyleClass().add("counts-cell");
        double share = counts[k][j] / (double) size;
        cell.setStyle(
            String.format(Locale.ROOT, "-fx-background-color: rgba(31,119,180,%.2f);", share));
        if (share > 0.55) {
          cell.setStyle(cell.getStyle() + "-fx-text-fill: white;");
        }
        clustersTable.add(cell, j + 1, k + 1);
      }
    }
  }

  private static String shortName(String s) {
    return s.length() <= 7 ? s : s.substring(0, 6) + "…";
  }

  private void showHealth(GanHealth h) {
    health.setVisible(h != null);
    if (h == null) {
      return;
    }
    health.setText("GAN health — " + h.message());
    health.getStyleClass().removeAll("health-ok", "health-bad");
    health.getStyleClass().add(h.healthy() ? "health-ok" : "health-bad");
  }



  /** Scrolls vertically only, so that notes wrap to the pane's width instead of running off it. */
  private static ScrollPane fitted(javafx.scene.Node content) {
    ScrollPane s = new ScrollPane(content);
    s.setFitToWidth(true);
    return s;
  }

  private void initListeners() {
    vm.healthProperty().addListener((o, a, h) -> showHealth(h));
    vm.clustersProperty().addListener((o, a, c) -> showClusters(c));
    vm.orderedProperty().addListener((o, a, imgs) -> showOrdered(imgs));
    extrasStatus.textProperty().bind(vm.extrasStatusProperty());
    extrasStatus.getStyleClass().add("caption");
    clustersTable.setHgap(1);
    clustersTable.setVgap(1);
    Runnable orderable =
        () -> {
          boolean done = vm.stateProperty().get() == org.duetstudio.core.training.RunState.COMPLETED;
          orderBox.setVisible(done && vm.model() instanceof org.duetstudio.core.model.ConditionalGenerator);
          if (data.getValue() != null) {
            SidePanes.setClasses(orderClass, data.getValue().train().classNames(), 7);
          }
        };
    vm.stateProperty().addListener((o, a, s) -> orderable.run());
    data.addListener((o, a, d) -> orderable.run());
    orderable.run();
    vm.samplesProperty().addListener((o, a, s) -> showSamples(s));
    vm.snapshotProperty().addListener((o, a, s) -> showSnapshot(s));
    vm.kindProperty().addListener((o, a, k) -> showSnapshot(vm.snapshotProperty().get()));
  }

  private void showOrdered(List<float[]> imgs) {
    if (imgs == null || data.getValue() == null) {
      orderedImages.show(List.of(), null, List.of(), null);
      return;
    }
    String name = orderClass.getConverter().toString(orderClass.getValue());
    List<String> caps = new java.util.ArrayList<>();
    for (int i = 0; i < imgs.size(); i++) {
      caps.add(name);
    }
    orderedImages.show(imgs, vm.model().shape(), caps, null);
  }

  private void showSamples(TrainingEvent.SamplesReady s) {
    if (s == null) {
      samples.setImage(null);
      samplesCaption.setText("Samples appear here while the generator trains.");
      return;
    }
    samples.setImage(FxImages.grid(s.images(), s.shape(), s.columns(), 2));
    samplesCaption.setText(
        s.iteration() == 0
            ? "Before training: the untrained generator draws noise"
            : String.format(
                Locale.ROOT,
                "%d new images from fixed points of the latent space — epoch %d, step %,d",
                s.images().size(),
                s.epoch(),
                s.iteration()));
  }

  private void showSnapshot(GeneratorSnapshot s) {
    if (s == null) {
      originals.setImage(null);
      reconstructions.setImage(null);
      manifold.setImage(null);
      latentMap.show(null);
      maps.setVisible(false);
      boolean encoder = vm.kindProperty().get().hasEncoder();
      latentNote.setText(
          encoder
              ? "The map appears after the first epoch when the latent space is 2-D."
              : "A GAN has no encoder: it cannot place images in its latent space or reconstruct"
                  + " them. Its only way to the data is through the discriminator's verdicts.");
      reconNote.setText(encoder ? "Test images" : latentNote.getText());
      reconCaption.setVisible(encoder);
      return;
    }
    reconNote.setText("Test images");
    reconCaption.setVisible(true);
    originals.setImage(FxImages.grid(s.originals(), s.shape(), 8, 2));
    reconstructions.setImage(FxImages.grid(s.reconstructions(), s.shape(), 8, 2));
    latentMap.show(s);
    maps.setVisible(s.hasLatentMap());
    if (s.hasLatentMap()) {
      manifold.setImage(
          s.manifold().isEmpty() ? null : FxImages.grid(s.manifold(), s.shape(), s.manifoldSide(), 0));
      latentNote.setText(
          s.manifold().isEmpty()
              ? String.format(
                  Locale.ROOT,
                  "%d test images at their codes, coloured by class. A conditional VAE learns a"
                      + " region per class (its prior), so the classes sit apart by design; it decodes"
                      + " a point only together with a class, so there is no single decoded map — the"
                      + " judge's latent map shows one class at a time.",
                  s.latentPoints().size())
              : String.format(
                  Locale.ROOT,
                  "Left: %d test images at their codes, coloured by class. Right: images decoded on a"
                      + " grid over the same plane (from -%.1f to %.1f).",
                  s.latentPoints().size(),
                  s.manifoldExtent(),
                  s.manifoldExtent()));
    } else {
      manifold.setImage(null);
      latentNote.setText(
          "This generator's latent space has more than 2 dimensions. Set \"Latent dimensions\" to 2"
              + " in its settings to see the map it makes of the data.");
    }
  }

  public CheckBox conditionalBox() {
    return conditional;
  }

  public RunControls controls() {
    return controls;
  }

  public SpecSheet<GeneratorSpec> sheet() {
    return sheet;
  }

  public ImageView samplesView() {
    return samples;
  }

  public ImageView reconstructionsView() {
    return reconstructions;
  }

  public CurveChart lossChart() {
    return lossChart;
  }

  public CurveChart partsChart() {
    return partsChart;
  }

  public TabPane tabs() {
    return tabs;
  }
}
