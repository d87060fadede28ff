package org.duetstudio.ui.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.eval.GanHealth;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.training.GeneratorSnapshot;
import org.duetstudio.core.training.RunState;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.common.LabelledImages;
import org.duetstudio.ui.common.SidePane;
import org.duetstudio.ui.common.SidePanes;
import org.duetstudio.ui.common.SpecSheet;
import org.duetstudio.ui.curves.CurveChart;
import org.duetstudio.ui.curves.XAxis;

/**
 * The right pane: a generative model learning p(image). Model and settings on top (from {@link
 * SidePane}, with the class-conditional choice); below, its curves, the images it creates (the same latent
 * points each time, so one sees them sharpen), its reconstructions, with a 2-D latent space the map it has
 * made of the data, and k-means.
 */
public final class GeneratorPane extends SidePane<GeneratorSpec> {
  private final GeneratorViewModel vm;
  private final ObservableValue<TrainTestData> data;
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
  private final CheckBox conditional = new CheckBox("Class-conditional");
  private final Label health = new Label();
  private final ComboBox<Integer> orderClass = SidePanes.classPicker();
  private final LabelledImages orderedImages = new LabelledImages(48);
  private final VBox orderBox = new VBox(6);
  private final CurveChart lossChart;
  private final CurveChart partsChart;

  public GeneratorPane(
      GeneratorViewModel vm,
      ObservableValue<TrainTestData> data,
      ObservableBooleanValue canTrain,
      ObjectProperty<XAxis> axis) {
    super(
        new Header("Generator", "learns p(image) — it creates", "generator", "generator-pane"),
        vm,
        GeneratorKind.values(),
        GeneratorKind::displayName,
        vm.kindProperty(),
        new SpecSheet<>(GeneratorSpec.class, vm.specProperty(), s -> s.kind().settings()),
        g ->
            String.format(
                Locale.ROOT,
                "%d epochs, batch %d, %s, learning rate %s, seed %d",
                g.epochs(),
                g.batchSize(),
                g.kind().settings().contains("latentDim")
                    ? "latent " + g.latentDim()
                    : g.samplingSteps() + " steps, guidance " + SpecSheet.format(g.guidance()),
                SpecSheet.format(g.learningRate()),
                g.seed()),
        canTrain,
        () -> vm.train(data.getValue()));
    this.vm = vm;
    this.data = data;
    this.lossChart = new CurveChart("", "loss", vm.lossCurves(), axis);
    this.partsChart = new CurveChart("", "", vm.partCurves(), axis);
    conditionalChoice();
    healthLine();
    Node clusters = fitted(new ClustersView(vm.trained(), data));
    Node denoising = fitted(new DenoisingView(vm.denoising(), vm));
    // the tabs not shown at start join the scene when first shown (the first style and layout pass skips them)
    Node samplesContent = fitted(samplesTab());
    Node reconstructionsContent = fitted(reconstructionsTab());
    Node latentContent = fitted(latentTab());
    addTabs(
        SidePanes.tab("Curves", SidePanes.scrolling(curvesTab())),
        SidePanes.lazyTab("Samples", () -> samplesContent),
        SidePanes.lazyTab("Reconstructions", () -> reconstructionsContent),
        SidePanes.lazyTab("Latent space", () -> latentContent),
        SidePanes.lazyTab("Clusters", () -> clusters),
        SidePanes.lazyTab("Denoising", () -> denoising));
    showSnapshot(null);
    initListeners();
  }

  private void conditionalChoice() {
    conditional.setTooltip(
        new Tooltip("Learn each image's class too, so the generator can be asked for a chosen class."));
    conditional.setSelected(vm.specProperty().get().conditional());
    conditional.selectedProperty().addListener(
        (o, a, on) -> vm.specProperty().set(vm.specProperty().get().withConditional(on)));
    vm.specProperty().addListener((o, a, sp) -> conditional.setSelected(sp.conditional()));
    conditional.disableProperty().bind(vm.activeProperty());
    conditional.setMinWidth(Region.USE_PREF_SIZE);
    modelRow().getChildren().add(conditional);
  }

  private void healthLine() {
    health.setWrapText(true);
    health.setMaxWidth(Double.MAX_VALUE);
    health.setMinHeight(Region.USE_PREF_SIZE);
    health.managedProperty().bind(health.visibleProperty());
    health.setVisible(false);
    addAboveTabs(health);
  }

  private VBox curvesTab() {
    Exports.install(lossChart, "generator-loss", vm.lossCurves());
    Exports.install(partsChart, "generator-parts", vm.partCurves());
    lossChart.titleProperty().bind(
        Bindings.createStringBinding(() -> vm.plotProperty().get().lossTitle(), vm.plotProperty()));
    partsChart.titleProperty().bind(
        Bindings.createStringBinding(() -> vm.plotProperty().get().partsTitle(), vm.plotProperty()));
    partsChart.getYAxis().labelProperty().bind(
        Bindings.createStringBinding(() -> vm.plotProperty().get().partsAxis(), vm.plotProperty()));
    VBox curves = new VBox(4, SidePanes.helpRow("curves-generator"), lossChart, partsChart);
    VBox.setVgrow(lossChart, Priority.ALWAYS);
    VBox.setVgrow(partsChart, Priority.ALWAYS);
    return curves;
  }

  private VBox samplesTab() {
    Exports.installImage(samples, "samples", samples::getImage);
    samples.setFitWidth(380);
    samples.setPreserveRatio(true);
    samples.setSmooth(false);
    samplesCaption.getStyleClass().add("caption");
    Button draw = new Button("Draw 10");
    draw.setOnAction(
        e -> vm.trained().drawToOrder(orderClass.getValue() == null ? 0 : orderClass.getValue(), 10));
    HBox orderRow = new HBox(8, new Label("Ask for"), orderClass, draw);
    orderRow.setAlignment(Pos.CENTER_LEFT);
    // or in words: "two bags", "a sneaker", "trousers"
    TextField prompt = new TextField();
    prompt.setPromptText("a prompt, e.g. \"two bags\"");
    prompt.setPrefColumnCount(16);
    Button ask = new Button("Draw");
    ask.setOnAction(e -> vm.trained().prompt(prompt.getText()));
    prompt.setOnAction(e -> vm.trained().prompt(prompt.getText()));
    HBox promptRow = new HBox(8, new Label("Prompt"), prompt, ask);
    promptRow.setAlignment(Pos.CENTER_LEFT);
    orderBox.getChildren().setAll(orderRow, promptRow, orderedImages);
    orderBox.managedProperty().bind(orderBox.visibleProperty());
    orderBox.setVisible(false);
    Label status = new Label();
    status.textProperty().bind(vm.trained().statusProperty());
    status.getStyleClass().add("caption");
    VBox box = new VBox(6, SidePanes.helpRow("samples"), samples, samplesCaption, orderBox, status);
    box.setAlignment(Pos.TOP_CENTER);
    return box;
  }

  private VBox reconstructionsTab() {
    Exports.installImage(reconstructions, "reconstructions", reconstructions::getImage);
    for (ImageView v : new ImageView[] {originals, reconstructions, manifold}) {
      v.setPreserveRatio(true);
      v.setSmooth(false);
    }
    originals.setFitWidth(520);
    reconstructions.setFitWidth(520);
    reconNote.setWrapText(true);
    reconCaption.managedProperty().bind(reconCaption.visibleProperty());
    VBox recon =
        new VBox(
            6, SidePanes.helpRow("reconstructions"), reconNote, originals, reconCaption, reconstructions);
    recon.setPadding(new Insets(6));
    return recon;
  }

  private VBox latentTab() {
    Exports.installImage(manifold, "manifold", manifold::getImage);
    manifold.setFitWidth(300);
    latentNote.setWrapText(true);
    latentNote.getStyleClass().add("caption");
    maps.getChildren().setAll(latentMap, manifold);
    maps.managedProperty().bind(maps.visibleProperty());
    VBox latent = new VBox(6, SidePanes.helpRow("latent"), latentNote, maps);
    latent.setPadding(new Insets(6));
    return latent;
  }

  /** Scrolls vertically only, so that notes wrap to the pane's width instead of running off it. */
  private static ScrollPane fitted(Node content) {
    ScrollPane s = new ScrollPane(content);
    s.setFitToWidth(true);
    return s;
  }

  private void initListeners() {
    vm.healthProperty().addListener((o, a, h) -> showHealth(h));
    vm.trained().orderedProperty().addListener((o, a, imgs) -> showOrdered(imgs));
    Runnable orderable =
        () -> {
          boolean done = vm.stateProperty().get() == RunState.COMPLETED;
          orderBox.setVisible(done && vm.model() instanceof ConditionalGenerator);
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

  private void showHealth(GanHealth h) {
    health.setVisible(h != null);
    if (h == null) {
      return;
    }
    health.setText("GAN health — " + h.message());
    health.getStyleClass().removeAll("health-ok", "health-bad");
    health.getStyleClass().add(h.healthy() ? "health-ok" : "health-bad");
  }

  private void showOrdered(List<float[]> imgs) {
    if (imgs == null || data.getValue() == null) {
      orderedImages.show(List.of(), null, List.of(), null);
      return;
    }
    String name = orderClass.getConverter().toString(orderClass.getValue());
    List<String> caps = new ArrayList<>();
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

  // accessors for tests: nodes are clicked by reference

  public CheckBox conditionalBox() {
    return conditional;
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
}
