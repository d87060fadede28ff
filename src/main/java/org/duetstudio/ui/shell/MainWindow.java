package org.duetstudio.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.duetstudio.core.config.Preset;
import org.duetstudio.core.model.ConditionalGenerator;
import org.duetstudio.core.store.LibraryVersions;
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
 * The studio window's content: the menu bar, the data bar, a tool bar with the "both" commands and the
 * curves' clock, the classifier and the generator side by side (or, in presenter view, their two pictures
 * large), and a status bar with each side's progress. Its view state — zoom, theme, presenter view — and
 * what it remembers between starts (size, position, dividers) are in its {@link WindowState}; {@link
 * #showOn(Stage)} puts it on the screen.
 */
public final class MainWindow extends BorderPane {
  /** The window's judge divider on screens lower than {@link #LOW_SCREEN}: the panes get more. */
  static final double LOW_JUDGE_DIVIDER = 0.8;
  static final double JUDGE_DIVIDER = 0.64;
  static final double LOW_SCREEN = 900;
  /** The judge divider when the judge is given room (Ctrl+J). */
  static final double JUDGE_ROOM = 0.4;

  private final StudioViewModel vm;
  private final WindowState state;
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
  private final SplitPane sides = new SplitPane();
  private final SplitPane split = new SplitPane();
  private final StackPane centre = new StackPane();
  private final MenuBar menuBar;
  private PresenterView presenterView;

  private final Button experimentsButton = new Button("Experiments…");
  private final ToolBar toolBar = new ToolBar();
  private StartPane startPane;

  private Stage experimentsStage;
  private ExperimentsPane experimentsPane;

  /** A window that remembers nothing between starts (its state in memory only). */
  public MainWindow(ShellModels shell, StallMeter stalls) {
    this(shell, stalls, new WindowState(null, shell.tasks()));
  }

  public MainWindow(ShellModels shell, StallMeter stalls, WindowState state) {
    this.shell = shell;
    this.state = state;
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
    // a confusion-matrix cell (true A, predicted B) offers the conditional generator's path from A to B
    classifierPane.offerPaths(
        judgePane::showPath,
        () -> vm.judge().findings().readyProperty().get()
            && vm.generator().model() instanceof ConditionalGenerator);
    getStyleClass().add("main-window");
    createView();
    DropTarget.install(this, vm.dataset(), judgePane::ask); // data and images dropped on the window
    this.menuBar = StudioMenu.create(this, vm, state);
    ((VBox) getTop()).getChildren().addFirst(menuBar);
    viewState();
    keys();
  }

  /**
   * Shows the window on {@code stage}: where it was last time if that is still on a screen, else sized
   * to the screen's visual bounds; then remembers its size, position and dividers as they change.
   */
  public Scene showOn(Stage stage) {
    List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
    return showOn(stage, screens, Screen.getPrimary().getVisualBounds());
  }

  /** {@link #showOn(Stage)} on the screens given (their visual bounds; for tests). */
  public Scene showOn(Stage stage, List<Rectangle2D> screens, Rectangle2D primary) {
    WindowSettings s = state.settings();
    Rectangle2D r = s.placement(screens, primary);
    setJudgeDivider(s, r.getHeight());
    Scene scene = new Scene(this, r.getWidth(), r.getHeight());
    scene.getStylesheets().add(stylesheet());
    stage.setScene(scene);
    stage.setMinWidth(Math.min(WindowSettings.MIN_WIDTH, r.getWidth()));
    stage.setMinHeight(Math.min(WindowSettings.MIN_HEIGHT, r.getHeight()));
    stage.setX(r.getMinX());
    stage.setY(r.getMinY());
    stage.setWidth(r.getWidth());
    stage.setHeight(r.getHeight());
    stage.setMaximized(s.maximized());
    Runnable remember =
        () -> {
          if (!stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified()) {
            state.update(
                w -> w.withBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
          } else if (stage.isMaximized()) {
            state.update(w -> w.withBounds(w.x(), w.y(), w.width(), w.height(), true));
          }
        };
    stage.xProperty().addListener((o, a, b) -> remember.run());
    stage.yProperty().addListener((o, a, b) -> remember.run());
    stage.widthProperty().addListener((o, a, b) -> remember.run());
    stage.heightProperty().addListener((o, a, b) -> remember.run());
    stage.maximizedProperty().addListener((o, a, b) -> remember.run());
    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> state.flush());
    remember.run();
    return scene;
  }

  /**
   * Splits the window's first frame: the bars show first, then the classifier, the generator and the
   * judge, each in a frame of its own. In JavaFX's software pipeline (a virtual display, no GPU) the first
   * paint of a node is slow, and a pulse waits for the previous frame's paint: the whole window in one
   * frame kept the UI thread waiting over a second right after start; in steps, each wait is a part of
   * that. Call before the stage is shown.
   */
  public void revealInStages() {
    List<Node> stages = List.of(classifierPane, generatorPane, judgePane);
    for (Node n : stages) {
      n.setVisible(false);
      n.setManaged(false); // not sized either: its layout at full size comes with its own frame
    }
    int[] next = {0};
    Runnable[] listener = new Runnable[1];
    // after each pulse's layout, one more pane for the frame after it
    listener[0] =
        () -> Platform.runLater(
            () -> {
              if (next[0] < stages.size()) {
                Node n = stages.get(next[0]++);
                n.setManaged(true);
                n.setVisible(true);
              }
              if (next[0] == stages.size() && getScene() != null) {
                getScene().removePostLayoutPulseListener(listener[0]);
              }
            });
    sceneProperty()
        .addListener(
            (o, old, scene) -> {
              if (old != null) {
                old.removePostLayoutPulseListener(listener[0]);
              }
              if (scene != null && next[0] < stages.size()) {
                scene.addPostLayoutPulseListener(listener[0]);
              }
            });
    if (getScene() != null) {
      getScene().addPostLayoutPulseListener(listener[0]);
    }
  }

  /** The studio's stylesheet (on top of the theme's). */
  public static String stylesheet() {
    return Objects.requireNonNull(MainWindow.class.getResource("/assets/css/studio.css"))
        .toExternalForm();
  }

  private void setJudgeDivider(WindowSettings s, double height) {
    double judge = s.judgeDivider() > 0 ? s.judgeDivider() : height < LOW_SCREEN ? LOW_JUDGE_DIVIDER : JUDGE_DIVIDER;
    split.setDividerPositions(judge);
  }

  /** Zoom, theme and presenter view, applied now and whenever they change. */
  private void viewState() {
    styleProperty()
        .bind(
            Bindings.createStringBinding(
                () -> fontSize(state.rootFontSizeProperty().get()), state.rootFontSizeProperty()));
    // the tool bar is the teacher's, not the audience's: in presenter view it keeps the zoom's size, so
    // that it fits a 1280-wide projector without hiding buttons behind its overflow menu
    toolBar.styleProperty()
        .bind(
            Bindings.createStringBinding(
                () -> state.presenterProperty().get() ? fontSize(state.fontSizeProperty().get()) : "",
                state.presenterProperty(),
                state.fontSizeProperty()));
    applyTheme(state.themeProperty().get());
    state.themeProperty().addListener((o, a, t) -> applyTheme(t));
    state.presenterProperty().addListener((o, a, on) -> showPresenter(on));
    showPresenter(state.presenterProperty().get());
    sides.setDividerPositions(state.settings().sidesDivider());
    Runnable dividers =
        () -> state.update(
            w -> w.withDividers(sides.getDividerPositions()[0], split.getDividerPositions()[0]));
    sides.getDividers().get(0).positionProperty().addListener((o, a, b) -> dividers.run());
    split.getDividers().get(0).positionProperty().addListener((o, a, b) -> dividers.run());
  }

  /** The inline style that sets a node's font size, and so its em, in pixels. */
  private static String fontSize(double px) {
    return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px);
  }

  private void applyTheme(Theme t) {
    Application.setUserAgentStylesheet(t.stylesheet());
    for (Theme other : Theme.values()) {
      getStyleClass().remove(other.styleClass());
    }
    getStyleClass().add(t.styleClass());
    if (experimentsPane != null) {
      experimentsPane.getStyleClass().removeAll(Theme.DARK.styleClass(), Theme.LIGHT.styleClass());
      experimentsPane.getStyleClass().add(t.styleClass());
    }
  }

  /** Presenter view on or off: the two pictures large instead of the panes, no data bar, no judge. */
  private void showPresenter(boolean on) {
    if (on && presenterView == null) {
      presenterView = new PresenterView(vm, vm.xAxisProperty());
      presenterView.setVisible(false);
      centre.getChildren().add(1, presenterView);
    }
    if (presenterView != null) {
      presenterView.setVisible(on);
      presenterView.setManaged(on);
    }
    split.setVisible(!on);
    split.setManaged(!on); // hidden, its least size (at presenter's fonts) must not widen the window
    datasetBar.setVisible(!on);
    datasetBar.setManaged(!on);
  }

  /**
   * While a side trains, Space pauses or resumes both and Esc stops them — wherever the focus is, except in
   * a text field (which keeps its keys). Otherwise the keys do what they always do (Space presses the
   * focused button). The zoom keys also answer to = and the keypad.
   */
  private void keys() {
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() || e.isAltDown() || !vm.anyActiveProperty().get()
              || getScene() != null && getScene().getFocusOwner() instanceof TextInputControl) {
            return;
          }
          if (e.getCode() == KeyCode.SPACE) {
            vm.togglePauseBoth();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            vm.stopBoth();
            e.consume();
          }
        });
    sceneProperty()
        .addListener(
            (o, old, scene) -> {
              if (scene == null) {
                return;
              }
              Map<KeyCombination, Runnable> more =
                  Map.of(
                      new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), state::zoomIn,
                      new KeyCodeCombination(
                          KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                      state::zoomIn,
                      new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), state::zoomIn,
                      new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), state::zoomOut,
                      new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), state::resetZoom);
              scene.getAccelerators().putAll(more);
            });
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
      experimentsPane.getStyleClass().add(state.themeProperty().get().styleClass());
      experimentsPane.styleProperty().bind(state.fontSizeProperty().asString(Locale.ROOT, "-fx-font-size: %.2fpx;"));
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
    b.setTooltip(
        new Tooltip(
            save
                ? "Save the session: both sides' settings, models and curves, as one *.duet file"
                : "Open a saved session (*.duet)"));
    b.disableProperty().bind(vm.anyActiveProperty());
    b.setOnAction(e -> chooseSession(save));
    return b;
  }

  /** Asks for a session file (*.duet) and saves to it or opens it. */
  void chooseSession(boolean save) {
    if (vm.anyActiveProperty().get()) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Duet Studio sessions", "*.duet"));
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
  }

  /** Writes a report of both sides as one HTML file. */
  private Button reportButton() {
    Button b = new Button("Report…");
    b.setTooltip(new Tooltip("Both sides' settings, numbers and pictures as one HTML page"));
    b.disableProperty().bind(vm.anyActiveProperty());
    b.setOnAction(e -> chooseReport());
    return b;
  }

  /** Asks where, then writes a report of both sides as one HTML file. */
  void chooseReport() {
    if (vm.anyActiveProperty().get()) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName("report.html");
    File f = chooser.showSaveDialog(getScene().getWindow());
    if (f != null) {
      shell.sessions().report(f.toPath());
    }
  }

  /** Opens the data bar's menu of data sets (from the keyboard: Ctrl+O). */
  void openData() {
    if (state.presenterProperty().get()) {
      state.presenterProperty().set(false); // the data bar is hidden in presenter view
    }
    MenuButton open = datasetBar.openMenu();
    if (!open.isDisabled()) {
      open.requestFocus();
      open.show();
    }
  }

  /** Closes the window as its close button does (both runs are stopped). */
  void quit() {
    Window w = getScene() == null ? null : getScene().getWindow();
    if (w != null) {
      w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
      w.hide();
    }
  }

  /**
   * The judge large (its tabs at a usable size on a low screen) or back to a strip under the panes
   * (View → Judge large, Ctrl+J).
   */
  void toggleJudgeRoom() {
    double now = split.getDividerPositions()[0];
    double low = getHeight() > 0 && getHeight() < LOW_SCREEN ? LOW_JUDGE_DIVIDER : JUDGE_DIVIDER;
    split.setDividerPositions(now > JUDGE_ROOM + 0.05 ? JUDGE_ROOM : low);
  }

  void toggleFullScreen() {
    if (getScene() != null && getScene().getWindow() instanceof Stage st) {
      st.setFullScreen(!st.isFullScreen());
    }
  }

  /** Every explanation in one window: the topics on the left, the chosen one's text on the right. */
  void showExplanations() {
    Map<String, String> topics = Explanations.topics();
    ListView<String> list = new ListView<>();
    list.getItems().setAll(topics.keySet());
    list.setCellFactory(
        v -> new ListCell<>() {
          @Override
          protected void updateItem(String key, boolean empty) {
            super.updateItem(key, empty);
            setText(empty || key == null ? null : topics.get(key));
          }
        });
    list.setPrefWidth(220);
    Label text = new Label();
    text.setWrapText(true);
    text.getStyleClass().add("explanation");
    text.setAlignment(Pos.TOP_LEFT);
    text.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    ScrollPane scroll = new ScrollPane(text);
    scroll.setFitToWidth(true);
    scroll.setPrefSize(460, 360);
    list.getSelectionModel().selectedItemProperty().addListener(
        (o, a, key) -> text.setText(key == null ? "" : Explanations.text(key)));
    list.getSelectionModel().selectFirst();
    Dialog<Void> d = new Dialog<>();
    d.setTitle("Duet Studio — explanations");
    d.getDialogPane().setContent(new HBox(10, list, scroll));
    d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    own(d.getDialogPane(), d);
    d.setOnShown(e -> list.requestFocus());
    d.show();
  }

  /** The studio's version and those of the software under it. */
  void showAbout() {
    StringBuilder v = new StringBuilder();
    LibraryVersions.detect().forEach((k, ver) -> v.append(k).append(": ").append(ver).append('\n'));
    v.append("javafx: ").append(System.getProperty("javafx.runtime.version", "unknown")).append('\n');
    v.append("theme: AtlantaFX Primer\n");
    Alert about = new Alert(Alert.AlertType.INFORMATION, v.toString().strip(), ButtonType.OK);
    about.setTitle("About Duet Studio");
    about.setHeaderText(
        "Duet Studio " + LibraryVersions.studio()
            + " — a classifier and a generator on the same images, side by side.\nGPL-3.0-or-later.");
    own(about.getDialogPane(), about);
    about.show();
  }

  /** Dialogs over the window, in its theme and zoom. */
  private void own(Node content, Dialog<?> d) {
    if (getScene() != null && getScene().getWindow() != null) {
      d.initOwner(getScene().getWindow());
      d.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
    }
    content.getStyleClass().add(state.themeProperty().get().styleClass());
    content.styleProperty().bind(styleProperty());
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

  void askPreset(Preset p) {
    Alert ask =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            vm.announcement(p),
            ButtonType.OK,
            ButtonType.CANCEL);
    ask.setTitle(p.name());
    ask.setHeaderText(p.name() + ": train both sides now?");
    ask.getDialogPane().setMinWidth(520);
    own(ask.getDialogPane(), ask);
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
    toolBar.getItems().setAll(
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
            new Label("Session:"),
            sessionButton("Save…", true),
            sessionButton("Open…", false),
            reportButton(),
            spacer,
            Explanations.button("studio"));

    sides.getItems().setAll(classifierPane, generatorPane);
    sides.setDividerPositions(0.5);
    split.getItems().setAll(sides, judgePane);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(JUDGE_DIVIDER);
    SplitPane.setResizableWithParent(judgePane, false); // a taller window gives the panes the room
    Button room = judgePane.roomButton();
    room.setTooltip(new Tooltip("Give the judge more room, or give it back to the panes (Ctrl+J)"));
    room.setOnAction(e -> toggleJudgeRoom());
    split.getDividers().getFirst().positionProperty().addListener(
        (o, old, now) -> room.setText(now.doubleValue() > JUDGE_ROOM + 0.05 ? "Larger" : "Smaller"));
    startPane = new StartPane(shell, p -> {
      startPane.close();
      startPreset(p);
    });
    centre.getChildren().setAll(split, startPane);
    StackPane.setAlignment(startPane, Pos.TOP_CENTER);
    StackPane.setMargin(startPane, new Insets(16, 20, 16, 20));

    ProgressBar cBar = new ProgressBar();
    cBar.progressProperty().bind(vm.classifier().progressProperty());
    cBar.setPrefWidth(110);
    ProgressBar gBar = new ProgressBar();
    gBar.progressProperty().bind(vm.generator().progressProperty());
    gBar.setPrefWidth(110);
    Label cLabel = new Label("Classifier");
    Label gLabel = new Label("Generator");
    Separator stallSeparator = new Separator(Orientation.VERTICAL);
    HBox right = new HBox(8, cLabel, cBar, new Separator(Orientation.VERTICAL), gLabel, gBar,
        stallSeparator, stallLabel);
    // a developer figure: shown only with -Dduet.debugStalls=true, and never in presenter view
    stallLabel.visibleProperty().bind(state.presenterProperty().not().and(
        Bindings.createBooleanBinding(() -> Boolean.getBoolean("duet.debugStalls"))));
    stallLabel.managedProperty().bind(stallLabel.visibleProperty());
    stallSeparator.visibleProperty().bind(stallLabel.visibleProperty());
    stallSeparator.managedProperty().bind(stallLabel.visibleProperty());
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

    setTop(new VBox(datasetBar, toolBar));
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

  public MenuBar menuBar() {
    return menuBar;
  }

  /** The tool bar under the menu bar (Train both, the curves' clock, presets, experiments, session). */
  public ToolBar toolBar() {
    return toolBar;
  }

  /** The stall figure in the status bar (shown only when debugging stalls, never in presenter view). */
  public Label stallLabel() {
    return stallLabel;
  }

  /** Presenter view (View → Presenter view, F5; {@code studio --presenter} sets it at start). */
  public BooleanProperty presenterProperty() {
    return state.presenterProperty();
  }

  /** Zoom, theme, presenter view and what the window remembers. */
  public WindowState windowState() {
    return state;
  }

  /** The presenter view, once it has been shown (null before). */
  public PresenterView presenterView() {
    return presenterView;
  }

  /** The split between the two sides and the one between them and the judge, for tests. */
  public SplitPane sidesSplit() {
    return sides;
  }

  public SplitPane judgeSplit() {
    return split;
  }
}
