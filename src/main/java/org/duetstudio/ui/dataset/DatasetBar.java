package org.duetstudio.ui.dataset;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.duetstudio.core.data.ImageDataset;
import org.duetstudio.core.data.LoadOptions;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.ui.common.Explanations;
import org.duetstudio.ui.common.FxImages;

/**
 * The strip across the top: which data set, how many images, the classes with a few examples each, a
 * menu to open another one, how many training images to use, and for a folder of image files the size and
 * colour it is loaded at.
 */
public final class DatasetBar extends VBox {
  private static final int EXAMPLES_PER_CLASS = 3;
  private static final List<String> SIZES = List.of("automatic", "28x28", "32x32", "48x48", "64x64");

  private final DatasetViewModel vm;
  private final Label title = new Label();
  private final Label counts = new Label();
  private final HBox examples = new HBox(10);
  private final Label error = new Label();
  private final MenuButton open = new MenuButton("Open data…");
  private final ComboBox<Integer> limit = new ComboBox<>();
  private final ComboBox<String> size = new ComboBox<>();
  private final CheckBox grey = new CheckBox("Grey");
  private boolean syncing;

  public DatasetBar(DatasetViewModel vm) {
    this.vm = vm;
    getStyleClass().add("dataset-bar");
    createView();
    initListeners();
    refresh();
  }

  private void createView() {
    title.getStyleClass().add("dataset-title");
    counts.getStyleClass().add("dataset-counts");
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.loadingProperty());

    MenuItem idx = new MenuItem("IDX folder (MNIST format)…");
    idx.setOnAction(e -> chooseFolder("Folder with IDX files"));
    MenuItem folder = new MenuItem("Image folder (one sub-folder per class)…");
    folder.setOnAction(e -> chooseFolder("Folder of class folders"));
    MenuItem csv = new MenuItem("CSV file (label, pixels…)…");
    csv.setOnAction(e -> chooseCsv());
    MenuItem sample = new MenuItem("Fashion-MNIST sample");
    sample.setOnAction(e -> vm.open("sample"));
    open.getItems().addAll(idx, folder, csv, new SeparatorMenuItem(), sample);
    vm.locator()
        .fullFashionMnist()
        .ifPresent(
            s -> {
              MenuItem full = new MenuItem(s.name());
              full.setOnAction(e -> vm.open(s));
              open.getItems().add(full);
            });
    open.disableProperty().bind(vm.loadingProperty());

    limit.getItems().setAll(DatasetViewModel.TRAIN_LIMITS);
    limit.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer n) {
            return n == null || n == 0 ? "all" : String.format(Locale.ROOT, "%,d", n);
          }

          @Override
          public Integer fromString(String s) {
            return s.equals("all") ? 0 : Integer.parseInt(s.replace(",", ""));
          }
        });
    limit.valueProperty().bindBidirectional(vm.trainLimitProperty().asObject());
    // a size chosen elsewhere (command line, a preset) is offered too
    Runnable offer =
        () -> {
          int n = vm.trainLimitProperty().get();
          if (!limit.getItems().contains(n)) {
            limit.getItems().add(n);
            limit.getItems().sort((a, b) -> a == 0 ? -1 : b == 0 ? 1 : Integer.compare(b, a));
          }
          limit.setValue(n);
        };
    vm.trainLimitProperty().addListener((o, a, b) -> offer.run());
    offer.run();
    limit.setTooltip(new Tooltip("Fewer training images train faster; the test set stays whole."));

    size.getItems().setAll(SIZES);
    size.setTooltip(
        new Tooltip(
            "The size every image of this folder is loaded at. Automatic: the most common size, scaled"
                + " down to fit 64x64. Images of another size are scaled to fill it and cropped evenly."));
    grey.setTooltip(new Tooltip("Load the images grey (one channel) instead of in colour."));
    size.valueProperty().addListener((o, a, b) -> choose());
    grey.selectedProperty().addListener((o, a, b) -> choose());
    Label sizeLabel = new Label("Size:");
    HBox folderChoice = new HBox(6, sizeLabel, size, grey);
    folderChoice.setAlignment(Pos.CENTER_LEFT);
    folderChoice.visibleProperty().bind(vm.imageFolderProperty());
    folderChoice.managedProperty().bind(folderChoice.visibleProperty());
    folderChoice.disableProperty().bind(vm.loadingProperty());
    vm.sourceProperty().addListener((o, a, b) -> syncChoice());
    vm.errorProperty().addListener((o, a, b) -> syncChoice()); // a refused choice shows the loaded one
    syncChoice();

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header =
        new HBox(
            10,
            new Label("Data"),
            title,
            counts,
            busy,
            spacer,
            folderChoice,
            new Label("Training images:"),
            limit,
            open,
            Explanations.button("dataset"));
    header.setAlignment(Pos.CENTER_LEFT);
    header.getChildren().get(0).getStyleClass().add("section-label");

    ScrollPane strip = new ScrollPane(examples);
    strip.setFitToHeight(true);
    strip.setPrefViewportHeight(78);
    strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    strip.getStyleClass().add("example-strip");

    error.getStyleClass().add("error-banner");
    error.setWrapText(true);
    error.setMaxWidth(Double.MAX_VALUE);
    Button dismiss = new Button("×");
    dismiss.setOnAction(e -> vm.clearError());
    HBox errorRow = new HBox(6, error, dismiss);
    HBox.setHgrow(error, Priority.ALWAYS);
    errorRow.setAlignment(Pos.CENTER_LEFT);
    errorRow.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    errorRow.managedProperty().bind(errorRow.visibleProperty());
    error.textProperty().bind(vm.errorProperty());

    Label notice = new Label();
    notice.getStyleClass().add("notice");
    notice.textProperty().bind(vm.noticeProperty());
    notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());

    setSpacing(6);
    setPadding(new Insets(8, 10, 8, 10));
    getChildren().addAll(header, strip, errorRow, notice);
  }

  /** Shows the current folder's size and colour without loading it again. */
  private void syncChoice() {
    syncing = true;
    try {
      LoadOptions o = vm.loadOptions();
      String text = o.automaticSize() ? "automatic" : o.width() + "x" + o.height();
      if (!size.getItems().contains(text)) {
        size.getItems().add(text);
      }
      size.setValue(text);
      grey.setSelected(o.grey());
    } finally {
      syncing = false;
    }
  }

  /** Loads the folder again at the size and colour chosen. */
  private void choose() {
    if (syncing || size.getValue() == null) {
      return;
    }
    LoadOptions o =
        size.getValue().equals("automatic")
            ? LoadOptions.AUTOMATIC
            : LoadOptions.parseSize(size.getValue());
    vm.reload(o.withGrey(grey.isSelected()));
  }

  private void initListeners() {
    vm.dataProperty().addListener((o, a, b) -> refresh());
    vm.loadingProperty().addListener((o, a, b) -> refresh());
  }

  private void refresh() {
    TrainTestData d = vm.dataProperty().get();
    title.setText(vm.sourceProperty().get() == null ? "" : vm.sourceProperty().get().name());
    counts.setText(vm.summary());
    examples.getChildren().clear();
    if (d == null) {
      Label hint =
          new Label(
              vm.loadingProperty().get()
                  ? "Loading…"
                  : "No data yet: choose a data set under \"Open data…\" (the Fashion-MNIST sample ships"
                      + " with the studio).");
      hint.getStyleClass().add("caption");
      examples.getChildren().add(hint);
      return;
    }
    ImageDataset train = d.train();
    for (int c = 0; c < train.numClasses(); c++) {
      List<float[]> imgs = new ArrayList<>();
      for (int i = 0; i < train.size() && imgs.size() < EXAMPLES_PER_CLASS; i++) {
        if (train.label(i) == c) {
          imgs.add(train.image(i));
        }
      }
      ImageView view = new ImageView(FxImages.grid(imgs, train.shape(), EXAMPLES_PER_CLASS, 1));
      view.setFitHeight(40);
      view.setPreserveRatio(true);
      view.setSmooth(false);
      Label name = new Label(train.classNames().get(c));
      name.getStyleClass().add("example-label");
      VBox box = new VBox(2, view, name);
      box.setAlignment(Pos.CENTER);
      Tooltip.install(box, new Tooltip(String.format(Locale.ROOT, "%s: %,d training images",
          train.classNames().get(c), train.classCounts()[c])));
      examples.getChildren().add(box);
    }
  }

  private void chooseFolder(String title) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    File f = chooser.showDialog(getScene().getWindow());
    if (f != null) {
      vm.open(f.getPath());
    }
  }

  private void chooseCsv() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("CSV file of images");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
    File f = chooser.showOpenDialog(getScene().getWindow());
    if (f != null) {
      vm.open(f.getPath());
    }
  }

  /** For tests: the open-data menu. */
  public MenuButton openMenu() {
    return open;
  }

  /** For tests: the image folder's size choice. */
  public ComboBox<String> sizeChoice() {
    return size;
  }

  /** For tests: the image folder's grey choice. */
  public CheckBox greyChoice() {
    return grey;
  }

  /** For tests: the error line. */
  public Label errorLabel() {
    return error;
  }

}
