package org.duetstudio.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.duetstudio.core.config.Preset;
import org.duetstudio.ui.classifier.ClassifierPane;
import org.duetstudio.ui.common.Explanations;
import org.duetstudio.ui.common.StallMeter;
import org.duetstudio.ui.compare.JudgePane;
import org.duetstudio.ui.curves.XAxis;
import org.duetstudio.ui.dataset.DatasetBar;
import org.duetstudio.ui.dataset.DropTarget;
import org.duetstudio.ui.experiment.ExperimentsPane;
import org.duetstudio.ui.generator.GeneratorPane;
import org.slf4j.LoggerFactory;

/**
 * The studio window's content: the data bar, a tool bar with the "both" commands and the curves' clock,
 * the classifier and the generator side by side, and a status bar with each side's progress.
 */
public final class MainWindow extends BorderPane {
  private final StudioViewModel vm;
  private final StallMeter stalls;
  private final ShellModels shell;
  private final DatasetBar datasetBar;
  private final ClassifierPane classifierPane;
  private final GeneratorPane generatorPane;
  private final JudgePane judgePane;
  private final Button trainBoth = new Button("Train both");
  private final Button pauseBoth = new Button("Pause both");
  private final Button stopBoth = new Button("Stop both");
  private final StatusBar status = new StatusBar();
  private final Label stallLabel = new Label();

  private final Button experimentsButton = new Button("Experiments…");
  private StartPane startPane;

  private Stage experimentsStage;
  private ExperimentsPane experimentsPane;

  public MainWindow(ShellModels shell, StallMeter stalls) {
    this.shell = shell;
    this.vm = shell.studio();
    this.stalls = stalls;
    this.datasetBar = new DatasetBar(vm.dataset());
    this.classifierPane =
        new ClassifierPane(
            vm.classifier(), vm.dataset().trainingDataProperty(), vm.canTrainProperty(), vm.xAxisProperty());
    this.generatorPane =
        new GeneratorPane(
            vm.generator(), vm.dataset().trainingDataProperty(), vm.canTrainProperty(), vm.xAxisProperty());
    this.judgePane = new JudgePane(vm.judge(), vm.xAxisProperty());
    getStyleClass().add("main-window");
    createView();
    DropTarget.install(this, vm.dataset(), judgePane::ask); // data and images dropped on the window
  }

  /** The start screen over the panes (hidden once training starts or a session opens). */
  public StartPane startPane() {
    return startPane;
  }

  /** Opens the experiments window (made once, then brought to the front). */
  public ExperimentsPane openExperiments() {
    if (experimentsStage == null) {
      experimentsPane =
          new ExperimentsPane(
              vm.dataset().trainingDataProperty(), vm.generator(), shell.tasks(), shell.modelWork());
      Scene scene = new Scene(experimentsPane, 1100, 720);
      if (getScene() != null) {
        scene.getStylesheets().setAll(getScene().getStylesheets());
      }
      experimentsStage = new Stage();
      experimentsStage.setTitle("Duet Studio — experiments");
      experimentsStage.setScene(scene);
      if (getScene() != null && getScene().getWindow() != null) {
        experimentsStage.initOwner(getScene().getWindow());
      }
    }
    experimentsStage.show();
    experimentsStage.toFront();
    return experimentsPane;
  }

  /** Save or open a session file (*.duet) through a file chooser. */
  private Button sessionButton(String text, boolean save) {
    Button b = new Button(text);
    b.disableProperty().bind(vm.anyActiveProperty());
    b.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.getExtensionFilters()
              .add(new FileChooser.ExtensionFilter("Duet Studio sessions", "*.duet"));
          File f;
          if (save) {
            chooser.setInitialFileName("session.duet");
            f = chooser.showSaveDialog(getScene().getWindow());
          } else {
            f = chooser.showOpenDialog(getScene().getWindow());
          }
          if (f == null) {
            return;
          }
          Path path = f.toPath();
          if (save && !path.getFileName().toString().contains(".")) {
            path = path.resolveSibling(path.getFileName() + ".duet");
          }
          if (save) {
            shell.sessions().save(path);
          } else {
            shell.sessions().open(path);
          }
        });
    return b;
  }

  /** Writes a report of both sides as one HTML file. */
  private Button reportButton() {
    Button b = new Button("Report…");
    b.setTooltip(new Tooltip("Both sides' settings, numbers and pictures as one HTML page"));
    b.disableProperty().bind(vm.anyActiveProperty());
    b.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setInitialFileName("report.html");
          File f = chooser.showSaveDialog(getScene().getWindow());
          if (f != null) {
            shell.sessions().report(f.toPath());
          }
        });
    return b;
  }

  /** Presets: each says what it trains and how long it takes, and asks, before it starts. */
  private MenuButton presetsButton() {
    MenuButton presets = new MenuButton("Presets");
    for (Preset p : Preset.all()) {
      MenuItem item = new MenuItem(p.name() + "…");
      item.setOnAction(e -> askPreset(p));
      presets.getItems().add(item);
    }
    presets.disableProperty().bind(vm.anyActiveProperty().or(Bindings.not(vm.canTrainProperty())));
    return presets;
  }

  private void askPreset(Preset p) {
    Alert ask =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            vm.announcement(p),
            ButtonType.OK,
            ButtonType.CANCEL);
    ask.setTitle(p.name());
    ask.setHeaderText(p.name() + ": train both sides now?");
    ask.getDialogPane().setMinWidth(520);
    if (getScene() != null && getScene().getWindow() != null) {
      ask.initOwner(getScene().getWindow());
    }
    ask.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(b -> startPreset(p));
  }

  /** Applies {@code p} and presses Train both. */
  public void startPreset(Preset p) {
    vm.applyPreset(p);
    vm.trainBoth();
  }

  private void createView() {
    experimentsButton.setOnAction(e -> openExperiments());
    experimentsButton.setTooltip(
        new Tooltip(
            "Generative vs discriminative classifiers, few labels, does synthetic data help?"));
    trainBoth.getStyleClass().add("accent");
    trainBoth.setOnAction(e -> vm.trainBoth());
    trainBoth.disableProperty()
        .bind(
            Bindings.not(vm.canTrainProperty())
                .or(vm.classifier().activeProperty().and(vm.generator().activeProperty())));
    pauseBoth.setOnAction(e -> vm.togglePauseBoth());
    pauseBoth.disableProperty().bind(vm.anyActiveProperty().not());
    stopBoth.setOnAction(e -> vm.stopBoth());
    stopBoth.disableProperty().bind(vm.anyActiveProperty().not());

    ToggleGroup clock = new ToggleGroup();
    HBox clockButtons = new HBox();
    clockButtons.getStyleClass().add("segmented");
    for (XAxis a : XAxis.values()) {
      ToggleButton b = new ToggleButton(a.label());
      b.setUserData(a);
      b.setToggleGroup(clock);
      b.setSelected(a == vm.xAxisProperty().get());
      clockButtons.getChildren().add(b);
    }
    clock.selectedToggleProperty()
        .addListener(
            (o, old, now) -> {
              if (now == null) {
                old.setSelected(true); // one clock is always chosen
              } else {
                vm.xAxisProperty().set((XAxis) now.getUserData());
              }
            });
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    ToolBar tools =
        new ToolBar(
            trainBoth,
            pauseBoth,
            stopBoth,
            new Separator(Orientation.VERTICAL),
            new Label("Curves against:"),
            clockButtons,
            new Separator(Orientation.VERTICAL),
            presetsButton(),
            experimentsButton,
            new Separator(Orientation.VERTICAL),
            sessionButton("Save session…", true),
            sessionButton("Open session…", false),
            reportButton(),
            spacer,
            Explanations.button("studio"));

    SplitPane sides = new SplitPane(classifierPane, generatorPane);
    sides.setDividerPositions(0.5);
    SplitPane split = new SplitPane(sides, judgePane);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.64);
    startPane = new StartPane(shell, p -> {
      startPane.close();
      startPreset(p);
    });
    StackPane centre = new StackPane(split, startPane);
    StackPane.setAlignment(startPane, Pos.TOP_CENTER);
    StackPane.setMargin(startPane, new Insets(40, 20, 20, 20));

    ProgressBar cBar = new ProgressBar();
    cBar.progressProperty().bind(vm.classifier().progressProperty());
    cBar.setPrefWidth(110);
    ProgressBar gBar = new ProgressBar();
    gBar.progressProperty().bind(vm.generator().progressProperty());
    gBar.setPrefWidth(110);
    Label cLabel = new Label("Classifier");
    Label gLabel = new Label("Generator");
    HBox right = new HBox(8, cLabel, cBar, new Separator(Orientation.VERTICAL), gLabel, gBar,
        new Separator(Orientation.VERTICAL), stallLabel);
    right.setAlignment(Pos.CENTER_RIGHT);
    right.setPadding(new Insets(0, 6, 0, 0));
    status.getRightItems().add(right);
    // the last session message while there is one, else the back-end
    status.textProperty()
        .bind(
            Bindings.when(shell.sessions().statusProperty().isEmpty())
                .then(
                    Bindings.when(shell.autosave().statusProperty().isEmpty())
                        .then(vm.backendProperty())
                        .otherwise(shell.autosave().statusProperty()))
                .otherwise(shell.sessions().statusProperty()));
    stallLabel.getStyleClass().add("stall-label");
    // the stall figure refreshes twice a second: the longest wait of the FX thread in that window
    Timeline refresh =
        new Timeline(
            new KeyFrame(
                Duration.millis(500),
                e -> {
                  double window = stalls.takeWindowMaxMillis();
                  stallLabel.setText(
                      String.format(
                          Locale.ROOT, "UI stall %3.0f ms (max %3.0f)", window, stalls.maxMillis()));
                  if (window > 40 && Boolean.getBoolean("duet.debugStalls")) {
                    LoggerFactory.getLogger(MainWindow.class).warn("UI stall {} ms", Math.round(window));
                  }
                }));
    refresh.setCycleCount(Timeline.INDEFINITE);
    refresh.play();

    setTop(new VBox(datasetBar, tools));
    setCenter(centre);
    setBottom(status);
  }

  public DatasetBar datasetBar() {
    return datasetBar;
  }

  public ClassifierPane classifierPane() {
    return classifierPane;
  }

  public GeneratorPane generatorPane() {
    return generatorPane;
  }

  public JudgePane judgePane() {
    return judgePane;
  }

  public Button trainBothButton() {
    return trainBoth;
  }

  public Button pauseBothButton() {
    return pauseBoth;
  }

  public Button stopBothButton() {
    return stopBoth;
  }

  public StatusBar statusBar() {
    return status;
  }
}
