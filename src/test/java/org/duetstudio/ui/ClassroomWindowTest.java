package org.duetstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.duetstudio.app.AppContext;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.classifier.PredictionGrid;
import org.duetstudio.ui.common.FxTaskExecutor;
import org.duetstudio.ui.curves.AxisRange;
import org.duetstudio.ui.curves.CurveChart;
import org.duetstudio.ui.shell.MainWindow;
import org.duetstudio.ui.shell.PresenterView;
import org.duetstudio.ui.shell.StartPane;
import org.duetstudio.ui.shell.StudioViewModel;
import org.duetstudio.ui.shell.Theme;
import org.duetstudio.ui.shell.WindowSettings;
import org.duetstudio.ui.shell.WindowState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a 1280×720 screen, as in a classroom: it fits, every tab is usable, the keyboard reaches
 * and drives what matters, presenter view shows the two pictures side by side, zoom and theme work and are
 * remembered.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomWindowTest {
  private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1280, 720);

  private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
  private AppContext context;
  private MainWindow window;
  private StudioViewModel vm;
  private Path home;
  private Scene scene;

  @Start
  void start(Stage stage) throws IOException {
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> fxErrors.add(e));
    home = Files.createTempDirectory("duet-home");
    FxTaskExecutor tasks = new FxTaskExecutor();
    context = new AppContext(new DatasetLocator(), tasks, home);
    vm = context.studio();
    window = new MainWindow(context.shell(), context.stallMeter(), new WindowState(home, tasks));
    scene = window.showOn(stage, List.of(SCREEN), SCREEN);
    stage.show();
    vm.backendLoaded(Nd4jRuntime.ensureLoaded());
    vm.dataset().open("sample");
  }

  @AfterEach
  void tearDown() throws Exception {
    fx(() -> {
      Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet()); // the theme is the whole JVM's
      return null;
    });
    context.close();
    assertThat(fxErrors).as("exceptions on the FX thread").isEmpty();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
  }

  private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
  }

  private Bounds inScene(Node n) throws Exception {
    return fx(() -> n.localToScene(n.getLayoutBounds()));
  }

  /** {@code n} lies wholly inside the scene and is at least {@code minHeight} high. */
  private void assertOnScreen(String what, Node n, double minWidth, double minHeight) throws Exception {
    Bounds b = inScene(n);
    assertThat(b.getMinX()).as(what + " left edge " + b).isGreaterThanOrEqualTo(-0.5);
    assertThat(b.getMinY()).as(what + " top " + b).isGreaterThanOrEqualTo(-0.5);
    assertThat(b.getMaxX()).as(what + " right edge " + b).isLessThanOrEqualTo(fx(scene::getWidth) + 0.5);
    assertThat(b.getMaxY()).as(what + " bottom " + b).isLessThanOrEqualTo(fx(scene::getHeight) + 0.5);
    assertThat(b.getWidth()).as(what + " width " + b).isGreaterThanOrEqualTo(minWidth);
    assertThat(b.getHeight()).as(what + " height " + b).isGreaterThanOrEqualTo(minHeight);
  }

  /** Whether {@code n} and every parent of it are visible (a hidden tab's content is in the scene too). */
  private static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return n.getScene() != null;
  }

  private void everyTabUsable(FxRobot robot, TabPane tabs, String side) throws Exception {
    for (Tab t : fx(() -> List.copyOf(tabs.getTabs()))) {
      robot.interact(() -> tabs.getSelectionModel().select(t));
      WaitForAsyncUtils.waitForFxEvents();
      Node content = fx(t::getContent);
      assertOnScreen(side + " tab " + t.getText(), content, 400, 150);
    }
    robot.interact(() -> tabs.getSelectionModel().selectFirst());
  }

  @Test
  void onA1280x720ScreenTheWindowFitsAndEveryTabIsUsableAtItsSize(FxRobot robot) throws Exception {
    waitUntil(60, () -> vm.canTrainProperty().get());
    robot.interact(() -> window.startPane().close());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(scene::getWidth)).isLessThanOrEqualTo(1280);
    assertThat(fx(scene::getHeight)).isLessThanOrEqualTo(720);
    Stage stage = (Stage) fx(scene::getWindow);
    assertThat(SCREEN.contains(fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
        stage.getHeight())))).as("the stage inside the screen").isTrue();

    assertOnScreen("Train both", window.trainBothButton(), 40, 10);
    assertOnScreen("the menu bar", window.menuBar(), 600, 10);
    assertOnScreen("the status bar", window.statusBar(), 600, 10);
    assertThat(fx(() -> window.stallLabel().isVisible())).as("no developer figure").isFalse();

    everyTabUsable(robot, window.classifierPane().tabs(), "classifier");
    everyTabUsable(robot, window.generatorPane().tabs(), "generator");
    for (CurveChart c :
        List.of(window.classifierPane().lossChart(), window.classifierPane().accuracyChart(),
            window.generatorPane().lossChart(), window.generatorPane().partsChart())) {
      assertThat(fx(c::getHeight)).as("a chart keeps a readable height").isGreaterThanOrEqualTo(150);
      assertThat(fx(c::isEmpty)).as("before training a chart shows no made-up scale").isTrue();
    }
    // the judge is a strip under the panes on a low screen; Ctrl+J gives it room, and back
    robot.press(KeyCode.CONTROL).press(KeyCode.J).release(KeyCode.J).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    everyTabUsable(robot, window.judgePane().tabs(), "judge");
    robot.press(KeyCode.CONTROL).press(KeyCode.J).release(KeyCode.J).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    everyTabUsable(robot, window.classifierPane().tabs(), "classifier again");
    // the judge's own button does the same, and says which way it goes
    Button room = window.judgePane().roomButton();
    assertOnScreen("the judge's Larger button", room, 20, 10);
    assertThat(fx(room::getText)).isEqualTo("Larger");
    robot.clickOn(room);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(room::getText)).isEqualTo("Smaller");
    everyTabUsable(robot, window.judgePane().tabs(), "judge, by its button");
    robot.clickOn(room);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(room::getText)).isEqualTo("Larger");

    // every "?" is a tab stop: Tab from the first control on reaches them all, and Train both
    List<Node> helpButtons = fx(() -> List.copyOf(scene.getRoot().lookupAll(".help-button")));
    assertThat(helpButtons).hasSizeGreaterThanOrEqualTo(4);
    List<Node> reached = new ArrayList<>();
    robot.interact(() -> window.datasetBar().openMenu().requestFocus());
    for (int i = 0; i < 80; i++) {
      robot.type(KeyCode.TAB);
      reached.add(fx(scene::getFocusOwner));
    }
    assertThat(reached).as("Tab reaches Train both").contains(window.trainBothButton());
    for (Node help : helpButtons) {
      if (fx(() -> shown(help) && !help.isDisabled())) {
        assertThat(reached).as("Tab reaches the ? at " + inScene(help)).contains(help);
      }
    }
  }

  /** Every label, button and link under {@code root} shows its whole text (none cut short with "…"). */
  private static void noTextCut(String what, Parent root) throws Exception {
    List<String> cut = fx(() -> {
      List<String> found = new ArrayList<>();
      for (Node n : root.lookupAll(".labeled")) {
        if (n instanceof Labeled l && shown(l) && l.getText() != null && !l.getText().isEmpty()
            && l.lookup(".text") instanceof Text t && !l.getText().equals(t.getText())) {
          found.add(t.getText());
        }
      }
      return found;
    });
    assertThat(cut).as(what + ": texts cut short").isEmpty();
  }

  /** The start card is whole on screen, none of its texts cut short, with no need to scroll it. */
  private void startCardWhole(String what) throws Exception {
    StartPane card = fx(window::startPane);
    assertOnScreen(what + " start card", card, 600, 200);
    noTextCut(what + " start card", card);
    ScrollPane scroll = fx(() -> (ScrollPane) card.lookup(".start-scroll"));
    assertThat(fx(() -> scroll.getContent().getLayoutBounds().getHeight()))
        .as(what + " start card needs no scrolling")
        .isLessThanOrEqualTo(fx(() -> scroll.getViewportBounds().getHeight()) + 0.5);
  }

  /** Every tool bar button is on screen, none hidden behind the tool bar's overflow menu. */
  private void toolBarWhole(String what) throws Exception {
    for (Node item : fx(() -> List.copyOf(window.toolBar().getItems()))) {
      assertThat(fx(() -> shown(item))).as(what + " tool bar item " + item + " shown").isTrue();
      if (item instanceof Button || item instanceof MenuButton) {
        assertOnScreen(what + " tool bar item " + item, item, 10, 10);
      }
    }
  }

  @Test
  void onA1280x720ScreenTheStartCardAndTheToolBarAreWholeAlsoInPresenterView(FxRobot robot) throws Exception {
    waitUntil(60, () -> vm.dataset().dataProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    startCardWhole("normal view:");
    toolBarWhole("normal view:");
    robot.type(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> window.presenterProperty().get())).isTrue();
    startCardWhole("presenter view:");
    toolBarWhole("presenter view:");
    // the presenter's larger fonts are for the pictures; the card grows with them, the tool bar does not
    assertThat(fx(() -> window.toolBar().getHeight())).isLessThan(fx(() -> window.startPane().getWidth()) / 10);
    robot.type(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void zoomScalesTheRootFontAndZoomAndThemeAreRememberedForTheNextStart(FxRobot robot) throws Exception {
    double before = fx(() -> window.trainBothButton().getFont().getSize());
    assertThat(before).isEqualTo(WindowSettings.BASE_FONT);
    robot.press(KeyCode.CONTROL).press(KeyCode.PLUS).release(KeyCode.PLUS).release(KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL).press(KeyCode.PLUS).release(KeyCode.PLUS).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    double larger = fx(() -> window.trainBothButton().getFont().getSize());
    assertThat(larger).as("Ctrl + twice").isGreaterThan(before * 1.15);
    assertThat(fx(() -> window.classifierPane().tabs().getTabs().get(0).getTabPane().lookup(".tab-label")))
        .isNotNull();
    robot.press(KeyCode.CONTROL).press(KeyCode.MINUS).release(KeyCode.MINUS).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> window.trainBothButton().getFont().getSize())).isBetween(before, larger - 0.1);
    robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> window.trainBothButton().getFont().getSize())).isEqualTo(before);
    robot.press(KeyCode.CONTROL).press(KeyCode.PLUS).release(KeyCode.PLUS).release(KeyCode.CONTROL);

    // dark theme: the window's root says so, and the panes' colours follow
    robot.interact(() -> window.windowState().themeProperty().set(Theme.DARK));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> window.getStyleClass())).contains("dark");
    assertThat(fx(Application::getUserAgentStylesheet)).contains("dark");

    // presenter view is larger still, but for its tool bar (the teacher's), which keeps the zoom's size
    double zoomed = fx(() -> window.stallLabel().getFont().getSize());
    double zoomedTools = fx(() -> window.trainBothButton().getFont().getSize());
    robot.type(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> window.presenterProperty().get())).isTrue();
    assertThat(fx(() -> window.stallLabel().getFont().getSize())).isGreaterThan(zoomed * 1.3);
    assertThat(fx(() -> window.trainBothButton().getFont().getSize())).isEqualTo(zoomedTools);

    // what a next start finds: the zoom and the theme, not presenter view
    robot.interact(() -> window.windowState().flush());
    WindowSettings next = WindowSettings.read(home.resolve(WindowState.FILE));
    assertThat(next.fontSize()).isEqualTo(fx(() -> window.windowState().fontSizeProperty().get()));
    assertThat(next.fontSize()).isGreaterThan(WindowSettings.BASE_FONT);
    assertThat(next.chosenTheme()).isEqualTo(Theme.DARK);
    assertThat(next.width()).isEqualTo(1280);
    WindowState again = fx(() -> new WindowState(home, context.shell().tasks()));
    assertThat(fx(() -> again.themeProperty().get())).isEqualTo(Theme.DARK);
    assertThat(fx(() -> again.presenterProperty().get())).isFalse();
  }

  @Test
  void theKeyboardTrainsPausesAndStopsAndPresenterViewShowsPredictionsBesideSamples(FxRobot robot)
      throws Exception {
    waitUntil(60, () -> vm.canTrainProperty().get());
    robot.interact(
        () -> {
          window.startPane().close();
          vm.dataset().trainLimitProperty().set(2000);
          vm.dataset().testLimitProperty().set(300);
          vm.classifier().specProperty().set(ClassifierSpec.defaults(ClassifierKind.MLP).withEpochs(30));
          vm.generator().specProperty().set(new GeneratorSpec(GeneratorKind.VAE, false, 30, 100, 1e-3, 2, 256, 0.2, 42));
        });
    // Ctrl+Enter: Train both; Space pauses both and resumes them; Esc stops them
    robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
    waitUntil(10, () -> vm.anyActiveProperty().get());
    waitUntil(60, () -> vm.classifier().stateProperty().get() == RunState.RUNNING
        && vm.generator().stateProperty().get() == RunState.RUNNING);
    robot.interact(() -> window.pauseBothButton().requestFocus()); // while training, Space is the studio's
    robot.type(KeyCode.SPACE);
    waitUntil(10, () -> vm.classifier().stateProperty().get() == RunState.PAUSED
        && vm.generator().stateProperty().get() == RunState.PAUSED);
    robot.type(KeyCode.SPACE);
    waitUntil(10, () -> vm.classifier().stateProperty().get() == RunState.RUNNING);
    waitUntil(120, () -> vm.classifier().predictionsProperty().get() != null
        && vm.generator().samplesProperty().get() != null
        && vm.generator().samplesProperty().get().iteration() > 0);
    CurveChart loss = window.classifierPane().lossChart();
    assertThat(fx(loss::isEmpty)).as("the loss chart has its scale").isFalse();
    // its axes' ranges are the chart's own, round, and hold every point it draws
    List<double[]> drawn = fx(() -> loss.getData().stream()
        .flatMap(s -> s.getData().stream())
        .map(d -> new double[] {d.getXValue().doubleValue(), d.getYValue().doubleValue()})
        .toList());
    AxisRange[] ranges = fx(loss::ranges);
    assertThat(drawn).isNotEmpty();
    for (int k = 0; k < 2; k++) {
      AxisRange r = ranges[k];
      double f = r.tick() / Math.pow(10, Math.floor(Math.log10(r.tick())));
      assertThat(Math.min(Math.abs(f - 1), Math.min(Math.abs(f - 2), Math.abs(f - 5))))
          .as("a round tick: " + r).isLessThan(1e-9);
      for (double[] p : drawn) {
        if (Double.isFinite(p[k])) {
          assertThat(p[k]).as("a point inside " + r).isBetween(r.lower() - 1e-9, r.upper() + 1e-9);
        }
      }
    }
    robot.type(KeyCode.ESCAPE);
    waitUntil(30, () -> !vm.anyActiveProperty().get());
    assertThat(fx(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.CANCELLED);
    WaitForAsyncUtils.waitForFxEvents();
    noTextCut("the classifier pane after a run", window.classifierPane());
    noTextCut("the generator pane after a run", window.generatorPane());

    // presenter view (F5): the predictions beside the samples, both on screen, and no developer figure
    robot.type(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    PresenterView p = fx(window::presenterView);
    assertThat(p).isNotNull();
    assertOnScreen("presenter predictions", p.predictionsArea(), 300, 200);
    assertOnScreen("presenter samples", p.samplesView(), 200, 200);
    assertThat(inScene(p.predictionsArea()).getMaxX()).isLessThanOrEqualTo(inScene(p.samplesView()).getMinX());
    assertOnScreen("presenter accuracy", p.accuracyChart(), 300, 150);
    assertOnScreen("presenter loss", p.lossChart(), 300, 150);
    assertOnScreen("Train both", window.trainBothButton(), 40, 10);
    assertThat(fx(() -> p.predictionGrid().shownCells())).isGreaterThan(10);
    assertThat(fx(() -> p.samplesView().getImage())).isNotNull();
    assertThat(fx(() -> window.stallLabel().isVisible())).isFalse();
    assertThat(fx(() -> window.datasetBar().isVisible())).isFalse();
    robot.type(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> p.isVisible())).isFalse();

    // right and wrong by a mark as well as by colour
    var cp = window.classifierPane();
    robot.interact(() -> cp.tabs().getSelectionModel().select(cp.predictionsTab()));
    waitUntil(10, () -> cp.predictionGrid().shownCells() > 0);
    for (int i = 0; i < fx(() -> cp.predictionGrid().shownCells()); i++) {
      int k = i;
      assertThat(fx(() -> cp.predictionGrid().cellText(k)))
          .matches("^[" + PredictionGrid.RIGHT_MARK + PredictionGrid.WRONG_MARK + "] .+");
    }
    // the confusion matrix from the keyboard: its tab stop, arrows to a cell, Enter shows its images
    robot.interact(() -> cp.tabs().getSelectionModel().select(cp.confusionTab()));
    waitUntil(10, () -> cp.confusionMatrix().cell(0, 0) != null);
    robot.interact(() -> cp.confusionMatrix().cell(0, 0).requestFocus());
    assertThat(fx(() -> cp.confusionMatrix().cell(0, 0).isFocusTraversable())).isTrue();
    robot.type(KeyCode.DOWN).type(KeyCode.RIGHT);
    assertThat(fx(scene::getFocusOwner)).isSameAs(fx(() -> cp.confusionMatrix().cell(1, 1)));
    robot.type(KeyCode.ENTER);
    int expected = fx(() -> Math.min(60, vm.classifier().cell(1, 1).size()));
    assertThat(expected).isPositive();
    assertThat(fx(() -> cp.cellImages().getChildren().size())).isEqualTo(expected);
  }
}
