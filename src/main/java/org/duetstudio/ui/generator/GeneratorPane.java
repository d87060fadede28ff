package org.duetstudio.ui.generator;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
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

    lossChart = new CurveChart("", "loss", vm.lossCurves(), axis);
    partsChart = new CurveChart("", "", vm.partCurves(), axis);
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
    VBox samplesBox = new VBox(6, SidePanes.helpRow("samples"), samples, samplesCaption);
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
            SidePanes.tab("Latent space", fitted(latent)));
    VBox.setVgrow(tabs, Priority.ALWAYS);
    showSnapshot(null);

    setSpacing(8);
    setPadding(new Insets(10));
    getChildren().addAll(header, modelRow, controls, settings, failure, tabs);
  }



  /** Scrolls vertically only, so that notes wrap to the pane's width instead of running off it. */
  private static ScrollPane fitted(javafx.scene.Node content) {
    ScrollPane s = new ScrollPane(content);
    s.setFitToWidth(true);
    return s;
  }

  private void initListeners() {
    vm.samplesProperty().addListener((o, a, s) -> showSamples(s));
    vm.snapshotProperty().addListener((o, a, s) -> showSnapshot(s));
    vm.kindProperty().addListener((o, a, k) -> showSnapshot(vm.snapshotProperty().get()));
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
            ? "Before training: the untrained decoder draws noise"
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
      manifold.setImage(FxImages.grid(s.manifold(), s.shape(), s.manifoldSide(), 0));
      latentNote.setText(
          String.format(
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
