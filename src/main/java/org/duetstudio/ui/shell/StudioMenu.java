package org.duetstudio.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.duetstudio.core.config.Preset;

/**
 * The window's menu bar, with an accelerator for each common act: File (open data, open and save session,
 * report, quit), Train (both, pause, stop, presets, experiments), View (presenter, theme, zoom, full
 * screen) and Help (explanations, about). Space (pause or resume) and Esc (stop) are handled by the window
 * itself, so that they never take a key from a text field.
 */
final class StudioMenu {
  /** Ctrl+Enter (⌘+Enter on macOS). */
  static final KeyCombination TRAIN_BOTH = shortcut(KeyCode.ENTER);
  static final KeyCombination OPEN_DATA = shortcut(KeyCode.O);
  static final KeyCombination OPEN_SESSION =
      new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  static final KeyCombination SAVE_SESSION = shortcut(KeyCode.S);
  static final KeyCombination REPORT = shortcut(KeyCode.R);
  static final KeyCombination QUIT = shortcut(KeyCode.Q);
  static final KeyCombination EXPERIMENTS = shortcut(KeyCode.E);
  static final KeyCombination PRESENTER = new KeyCodeCombination(KeyCode.F5);
  static final KeyCombination DARK = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
      KeyCombination.SHIFT_DOWN);
  static final KeyCombination ZOOM_IN = shortcut(KeyCode.PLUS);
  static final KeyCombination ZOOM_OUT = shortcut(KeyCode.MINUS);
  static final KeyCombination ZOOM_RESET = shortcut(KeyCode.DIGIT0);
  static final KeyCombination JUDGE_ROOM = shortcut(KeyCode.J);
  static final KeyCombination FULL_SCREEN = new KeyCodeCombination(KeyCode.F11);
  static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

  private StudioMenu() {}

  static KeyCombination shortcut(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
  }

  static MenuBar create(MainWindow w, StudioViewModel vm, WindowState state) {
    var busy = vm.anyActiveProperty();
    MenuItem openData = item("Open data…", OPEN_DATA, w::openData);
    openData.disableProperty().bind(busy);
    MenuItem openSession = item("Open session…", OPEN_SESSION, () -> w.chooseSession(false));
    openSession.disableProperty().bind(busy);
    MenuItem saveSession = item("Save session…", SAVE_SESSION, () -> w.chooseSession(true));
    saveSession.disableProperty().bind(busy);
    MenuItem report = item("Report…", REPORT, w::chooseReport);
    report.disableProperty().bind(busy);
    Menu file =
        new Menu(
            "_File", null, openData, new SeparatorMenuItem(), openSession, saveSession, report,
            new SeparatorMenuItem(), item("Quit", QUIT, w::quit));

    MenuItem trainBoth = item("Train both", TRAIN_BOTH, vm::trainBoth);
    trainBoth.disableProperty().bind(w.trainBothButton().disableProperty());
    MenuItem pause = item("Pause or resume both (Space)", null, vm::togglePauseBoth);
    pause.disableProperty().bind(busy.not());
    MenuItem stop = item("Stop both (Esc)", null, vm::stopBoth);
    stop.disableProperty().bind(busy.not());
    Menu presets = new Menu("Presets");
    for (Preset p : Preset.all()) {
      presets.getItems().add(item(p.name() + "…", null, () -> w.askPreset(p)));
    }
    presets.disableProperty().bind(busy.or(Bindings.not(vm.canTrainProperty())));
    // room here for more acts on both sides (e.g. a step at a time while paused)
    Menu train =
        new Menu(
            "_Train", null, trainBoth, pause, stop, new SeparatorMenuItem(), presets,
            item("Experiments…", EXPERIMENTS, w::openExperiments));
    train.setId("train-menu");

    CheckMenuItem presenter = new CheckMenuItem("Presenter view");
    presenter.setAccelerator(PRESENTER);
    presenter.selectedProperty().bindBidirectional(state.presenterProperty());
    ToggleGroup themes = new ToggleGroup();
    Menu theme = new Menu("Theme");
    for (Theme t : Theme.values()) {
      RadioMenuItem r = new RadioMenuItem(t.label());
      r.setToggleGroup(themes);
      r.setUserData(t);
      r.setSelected(state.themeProperty().get() == t);
      r.setOnAction(e -> state.themeProperty().set(t));
      theme.getItems().add(r);
    }
    state.themeProperty().addListener((o, a, t) -> themes.getToggles().forEach(
        g -> g.setSelected(g.getUserData() == t)));
    MenuItem switchTheme =
        item("Switch light/dark", DARK, () -> state.themeProperty().set(
            state.themeProperty().get() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
    theme.getItems().addAll(new SeparatorMenuItem(), switchTheme);
    Menu view =
        new Menu(
            "_View", null, presenter, theme, new SeparatorMenuItem(),
            item("Zoom in", ZOOM_IN, state::zoomIn),
            item("Zoom out", ZOOM_OUT, state::zoomOut),
            item("Actual size", ZOOM_RESET, state::resetZoom),
            new SeparatorMenuItem(),
            item("Judge large or small", JUDGE_ROOM, w::toggleJudgeRoom),
            item("Full screen", FULL_SCREEN, w::toggleFullScreen));

    Menu help =
        new Menu(
            "_Help", null, item("Explanations…", HELP, w::showExplanations),
            item("About Duet Studio", null, w::showAbout));
    MenuBar bar = new MenuBar(file, train, view, help);
    bar.setUseSystemMenuBar(true); // macOS: the screen's menu bar
    return bar;
  }

  private static MenuItem item(String text, KeyCombination key, Runnable action) {
    MenuItem i = new MenuItem(text);
    if (key != null) {
      i.setAccelerator(key);
    }
    i.setOnAction(e -> action.run());
    return i;
  }
}
