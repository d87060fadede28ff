package org.duetstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.duetstudio.app.AppContext;
import org.duetstudio.core.config.ClassifierKind;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorKind;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.config.LossPart;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.experiment.Experiment;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.training.RunState;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.common.Exports;
import org.duetstudio.ui.common.FxTaskExecutor;
import org.duetstudio.ui.common.SameThreadTasks;
import org.duetstudio.ui.compare.JudgeViewModel;
import org.duetstudio.ui.shell.MainWindow;
import org.duetstudio.ui.shell.StudioViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless: nodes are clicked by reference, and an exception on the FX thread fails the
 * test.
 */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
  @TempDir Path tmp;
  private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
  private AppContext context;
  private MainWindow window;
  private StudioViewModel vm;
  private Path home;

  @Start
  void start(Stage stage) throws IOException {
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> fxErrors.add(e));
    // each test its own ~/.duet-studio: recent items and the autosave
    home = Files.createTempDirectory("duet-home");
    context = new AppContext(new DatasetLocator(), new FxTaskExecutor(), home);
    vm = context.studio();
    window = new MainWindow(context.shell(), context.stallMeter());
    Scene scene = new Scene(window, 1500, 950);
    scene.getStylesheets().add(getClass().getResource("/assets/css/studio.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
    vm.backendLoaded(Nd4jRuntime.ensureLoaded());
    vm.dataset().open("sample");
  }

  @AfterEach
  void tearDown() {
    context.close();
    assertThat(fxErrors).as("exceptions on the FX thread").isEmpty();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
  }

  private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
  }

  private void tinySettings(FxRobot robot, int trainImages) throws Exception {
    waitUntil(60, () -> vm.canTrainProperty().get());
    robot.interact(
        () -> {
          vm.dataset().trainLimitProperty().set(trainImages);
          vm.dataset().testLimitProperty().set(300);
          vm.classifier().specProperty().set(ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(1));
          vm.generator()
              .specProperty()
              .set(
                  new GeneratorSpec(GeneratorKind.VAE, false, 2, 100, 1e-3, 2, 256, 0.2, 42));
        });
  }

  @Test
  void aConditionalGeneratorIsJudgedDrawsToOrderAndBothModelsAnswerADrawing(FxRobot robot)
      throws Exception {
    waitUntil(60, () -> vm.canTrainProperty().get());
    robot.interact(
        () -> {
          vm.dataset().trainLimitProperty().set(2000);
          vm.dataset().testLimitProperty().set(300);
          vm.classifier()
              .specProperty()
              .set(ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withEpochs(2));
          vm.generator()
              .specProperty()
              .set(new GeneratorSpec(GeneratorKind.VAE, false, 3, 100, 1e-3, 8, 256, 0.2, 42));
        });
    var gp = window.generatorPane();
    assertThat(fx(() -> window.startPane().isVisible())).as("the start screen greets").isTrue();
    robot.interact(() -> window.startPane().close()); // it covers the panes
    robot.clickOn(gp.conditionalBox());
    assertThat(fx(() -> vm.generator().specProperty().get().conditional())).isTrue();
    robot.clickOn(window.trainBothButton());
    waitUntil(5, () -> vm.anyActiveProperty().get());
    waitUntil(240, () -> !vm.anyActiveProperty().get());
    // one class per column in the sample grid
    assertThat(fx(() -> vm.generator().samplesProperty().get().columns())).isEqualTo(10);

    // the judge: label fidelity well above chance, a latent map and an interpolation, labelled
    waitUntil(60, () -> vm.judge().fidelityProperty().get() != null);
    assertThat(fx(() -> vm.judge().fidelityProperty().get().overall())).isGreaterThan(0.3);
    assertThat(fx(() -> window.judgePane().fidelityText().getText())).contains("agreed");
    waitUntil(60, () -> vm.judge().interpolationProperty().get() != null);
    waitUntil(10, () -> window.judgePane().interpolationImages().shown() == 10);
    waitUntil(60, () -> vm.judge().decisionMapProperty().get() != null);
    assertThat(fx(() -> vm.judge().decisionMapProperty().get().size())).isEqualTo(225);
    waitUntil(60, () -> vm.judge().judgementProperty().get() != null);
    robot.interact(
        () -> window.judgePane().tabs().getSelectionModel().select(window.judgePane().memorisationTab()));
    int pairs = fx(() -> vm.judge().findingsProperty().get().settings().memorisationPairs());
    waitUntil(30, () -> window.judgePane().memorisationImages().shown() == 2 * pairs);

    // ten of a class, asked for by name
    robot.interact(() -> gp.tabs().getSelectionModel().select(1));
    robot.interact(() -> vm.generator().trained().drawToOrder(7, 10));
    waitUntil(30, () -> vm.generator().trained().orderedProperty().get() != null);
    assertThat(fx(() -> vm.generator().trained().orderedProperty().get())).hasSize(10);

    // a drawing: the classifier's probabilities and the VAE's reconstruction and code
    robot.interact(
        () -> window.judgePane().tabs().getSelectionModel().select(window.judgePane().drawingPadTab()));
    var pad = window.judgePane().drawingPad();
    robot.interact(() -> {
      for (int y = 40; y < 190; y += 4) {
        pad.dab(70, y);
        pad.dab(150, y);
      }
    });
    robot.interact(
        () -> vm.judge().drawing().answer(pad.pixels(vm.generator().model().shape())));
    waitUntil(30, () -> vm.judge().drawing().answerProperty().get() != null);
    var answer = fx(() -> vm.judge().drawing().answerProperty().get());
    double sum = 0;
    for (float p : answer.probabilities()) {
      sum += p;
    }
    assertThat(sum).isCloseTo(1.0, Offset.offset(1e-3));
    assertThat(answer.reconstruction()).hasSize(784);
    assertThat(answer.code()).hasSize(8);
    // the drawing reached the models as ink on black: bright where drawn, dark elsewhere
    assertThat(answer.drawing()[28 * 14 + 8]).isGreaterThan(0.5f);
    assertThat(answer.drawing()[0]).isLessThan(0.1f);

    // ask the classifier about a PNG of one's own (here a test image, three times its size): its
    // probabilities and the VAE's reconstruction, on the drawing pad's tab
    float[] item = fx(() -> vm.dataset().trainingDataProperty().get().test().image(0));
    BufferedImage big = new BufferedImage(84, 84, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 84; y++) {
      for (int x = 0; x < 84; x++) {
        big.getRaster().setSample(x, y, 0, Math.round(255 * item[(y / 3) * 28 + x / 3]));
      }
    }
    Path png = tmp.resolve("my-item.png");
    ImageIO.write(big, "png", png.toFile());
    robot.interact(() -> window.judgePane().tabs().getSelectionModel().select(0));
    robot.interact(() -> window.judgePane().ask(png));
    waitUntil(30, () -> {
      var a = vm.judge().drawing().answerProperty().get();
      return a != null && png.equals(a.file());
    });
    var asked = fx(() -> vm.judge().drawing().answerProperty().get());
    assertThat(fx(() -> window.judgePane().tabs().getSelectionModel().getSelectedItem()))
        .isSameAs(window.judgePane().drawingPadTab());
    assertThat(asked.inverted()).isFalse();
    assertThat(asked.reconstruction()).hasSize(784);
    double total = 0;
    for (float p : asked.probabilities()) {
      total += p;
    }
    assertThat(total).isCloseTo(1.0, Offset.offset(1e-3));
  }

  @Test
  void foldedSettingsOpenWithTheirFieldsAndAStagedWindowShowsEveryPane(FxRobot robot) throws Exception {
    robot.interact(() -> window.startPane().close()); // it covers the panes
    Node sheet = window.classifierPane().sheet().node();
    assertThat(sheet.getScene()).as("a folded sheet is not in the scene").isNull();
    robot.clickOn(window.classifierPane().settingsPane());
    waitUntil(10, () -> sheet.getScene() != null && sheet.isVisible());
    // a second window, revealed a pane per frame: all three end up shown and sized
    MainWindow staged = fx(() -> new MainWindow(context.shell(), context.stallMeter()));
    Stage[] stage = new Stage[1];
    robot.interact(
        () -> {
          staged.revealInStages();
          assertThat(staged.judgePane().isVisible()).as("hidden until its frame").isFalse();
          stage[0] = new Stage();
          stage[0].setScene(new Scene(staged, 1200, 800));
          stage[0].show();
        });
    List<Node> panes = List.of(staged.classifierPane(), staged.generatorPane(), staged.judgePane());
    waitUntil(
        10,
        () -> panes.stream()
            .allMatch(n -> n.isVisible() && n.isManaged() && n.getLayoutBounds().getHeight() > 50));
    robot.interact(() -> stage[0].close());
  }

  @Test
  void anExperimentRunsInItsWindowWithProgressAndATable(FxRobot robot) throws Exception {
    waitUntil(60, () -> vm.canTrainProperty().get());
    robot.interact(() -> vm.dataset().trainLimitProperty().set(1000));
    var pane = fx(() -> window.openExperiments());
    List<String> statuses = new CopyOnWriteArrayList<>();
    List<Integer> partialRows = new CopyOnWriteArrayList<>();
    robot.interact(
        () -> {
          pane.viewModel(Experiment.GEN_VS_DISC).statusProperty().addListener((o, a, t) -> statuses.add(t));
          pane.viewModel(Experiment.GEN_VS_DISC).partialProperty().addListener((o, a, r) -> {
            if (r != null) {
              partialRows.add(r.rows().size());
            }
          });
        });
    robot.interact(() -> pane.start("gen-vs-disc"));
    waitUntil(120, () -> pane.viewModel(Experiment.GEN_VS_DISC).resultProperty().get() != null);
    var r = fx(() -> pane.viewModel(Experiment.GEN_VS_DISC).resultProperty().get());
    // sizes up to the 1,000 training images, each with both models' accuracy
    assertThat(r.rows()).extracting(row -> row.x()).containsExactly(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0);
    assertThat(statuses).anyMatch(t -> t.startsWith("Point 1 of 6"));
    assertThat(partialRows).as("the table fills while it runs").isNotEmpty().isSorted();
    assertThat(fx(() -> pane.viewModel(Experiment.GEN_VS_DISC).statusProperty().get())).startsWith("Done");
    // the synthetic-data experiment refuses without a conditional generator, saying why
    robot.interact(() -> pane.start("synthetic"));
    assertThat(fx(() -> pane.viewModel(Experiment.SYNTHETIC).statusProperty().get())).contains("class-conditional");
  }

  @Test
  void aSavedSessionOpensAgainShowingWhatItShowed(FxRobot robot) throws Exception {
    waitUntil(60, () -> vm.canTrainProperty().get());
    robot.interact(
        () -> {
          vm.dataset().trainLimitProperty().set(800);
          vm.dataset().testLimitProperty().set(200);
          vm.classifier()
              .specProperty()
              .set(ClassifierSpec.defaults(ClassifierKind.LOGISTIC_REGRESSION).withEpochs(2));
          vm.generator()
              .specProperty()
              .set(new GeneratorSpec(GeneratorKind.VAE, false, 2, 100, 1e-3, 2, 256, 0.2, 42));
        });
    robot.clickOn(window.trainBothButton());
    waitUntil(5, () -> vm.anyActiveProperty().get());
    waitUntil(240, () -> !vm.anyActiveProperty().get());
    waitUntil(60, () -> vm.judge().judgementProperty().get() != null);
    int lossPoints = fx(() -> vm.classifier().lossCurves().size(ClassifierViewModel.TRAIN_LOSS));
    double accuracy = fx(() -> vm.classifier().predictionsProperty().get().accuracy());
    double meanConfidence = fx(() -> vm.judge().judgementProperty().get().verdict().meanConfidence());
    int latentPoints = fx(() -> vm.generator().snapshotProperty().get().latentPoints().size());
    int confidencePoints =
        fx(() -> vm.judge().confidenceCurves().size(JudgeViewModel.CONFIDENCE));

    // the window kept both runs as they trained, and a studio started after a crash offers them
    Path autosave = home.resolve("autosave");
    assertThat(autosave.resolve("classifier-checkpoint.bin")).isRegularFile();
    assertThat(autosave.resolve("generator-checkpoint.bin")).isRegularFile();
    assertThat(Files.readAllLines(autosave.resolve("generator-events.jsonl"))).hasSizeGreaterThan(3);
    AppContext restarted = new AppContext(new DatasetLocator(), new SameThreadTasks(), home);
    try {
      restarted.shell().autosave().check();
      assertThat(restarted.shell().autosave().offeredProperty().get()).as("a restart offers it").isTrue();
      restarted.shell().autosave().restore();
      assertThat(restarted.shell().autosave().statusProperty().get()).startsWith("Restored");
      assertThat(restarted.studio().classifier().predictionsProperty().get().accuracy()).isEqualTo(accuracy);
      assertThat(restarted.studio().generator().stateProperty().get()).isEqualTo(RunState.COMPLETED);
    } finally {
      restarted.close(); // a clean exit: the next start offers nothing
    }
    AppContext again = new AppContext(new DatasetLocator(), new SameThreadTasks(), home);
    try {
      again.shell().autosave().check();
      assertThat(again.shell().autosave().offeredProperty().get()).isFalse();
    } finally {
      again.close();
    }

    Path file = tmp.resolve("demo.duet");
    robot.interact(() -> context.shell().sessions().save(file));
    waitUntil(60, () -> context.shell().sessions().statusProperty().get().startsWith("Saved"));
    assertThat(file).isRegularFile();
    // the start screen offers it among the recent sessions, and the sample among the data sets
    robot.interact(() -> window.startPane().show());
    Callable<List<String>> links =
        () ->
            robot.from(window.startPane()).lookup(".hyperlink").queryAll().stream()
                .map(n -> ((Hyperlink) n).getText())
                .toList();
    // the data sets on this machine are looked up in the background
    waitUntil(10, () -> links.call().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("sample")));
    assertThat(fx(links)).contains("demo.duet");

    // something else on screen, then the session again
    robot.interact(() -> vm.classifier().kindProperty().set(ClassifierKind.CNN));
    robot.interact(() -> vm.dataset().trainLimitProperty().set(300));
    robot.interact(() -> context.shell().sessions().open(file));
    waitUntil(60, () -> context.shell().sessions().statusProperty().get().startsWith("Opened"));
    assertThat(fx(() -> window.startPane().isVisible())).as("steps aside for the session").isFalse();
    assertThat(fx(() -> vm.classifier().kindProperty().get())).isEqualTo(ClassifierKind.LOGISTIC_REGRESSION);
    assertThat(fx(() -> vm.dataset().trainLimitProperty().get())).isEqualTo(800);
    assertThat(fx(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.COMPLETED);
    assertThat(fx(() -> vm.generator().stateProperty().get())).isEqualTo(RunState.COMPLETED);
    assertThat(fx(() -> vm.classifier().lossCurves().size(ClassifierViewModel.TRAIN_LOSS))).isEqualTo(lossPoints);
    assertThat(fx(() -> vm.classifier().predictionsProperty().get().accuracy())).isEqualTo(accuracy);
    assertThat(fx(() -> vm.generator().snapshotProperty().get().latentPoints().size())).isEqualTo(latentPoints);
    // the judge's confidence over the generator's training comes back with the session
    assertThat(fx(() -> vm.judge().confidenceCurves().size(JudgeViewModel.CONFIDENCE)))
        .isGreaterThanOrEqualTo(confidencePoints);
    // the judge judges the restored models again, and finds what it found before
    waitUntil(60, () -> vm.judge().judgementProperty().get() != null);
    assertThat(fx(() -> vm.judge().judgementProperty().get().verdict().meanConfidence())).isEqualTo(meanConfidence);

    // a report of what both sides show, as one HTML page
    Path report = tmp.resolve("report.html");
    robot.interact(() -> context.shell().sessions().report(report));
    waitUntil(30, () -> context.shell().sessions().statusProperty().get().startsWith("Wrote the report"));
    assertThat(Files.readString(report)).contains("Test accuracy").contains("data:image/png;base64");

    // Train both after opening reruns the session: same settings, seeds and data, same numbers
    robot.clickOn(window.trainBothButton());
    waitUntil(5, () -> vm.anyActiveProperty().get());
    waitUntil(240, () -> !vm.anyActiveProperty().get());
    assertThat(fx(() -> vm.classifier().predictionsProperty().get().accuracy())).isEqualTo(accuracy);

    // any chart saves as PNG and its points as CSV
    Path png = tmp.resolve("loss.png");
    robot.interact(() -> {
      try {
        Exports.writePng(
            window.classifierPane().lossChart().snapshot(null, null), png);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(100);
    String csv = fx(() -> Exports.csv(vm.classifier().lossCurves()));
    assertThat(csv.lines().filter(l -> l.startsWith(ClassifierViewModel.TRAIN_LOSS + ","))).hasSize(lossPoints);

    // a broken file: one sentence, and what is shown stays
    Path broken = tmp.resolve("broken.duet");
    Files.writeString(broken, "not a session");
    robot.interact(() -> context.shell().sessions().open(broken));
    waitUntil(30, () -> context.shell().sessions().statusProperty().get().startsWith("Could not open"));
    assertThat(fx(() -> context.shell().sessions().statusProperty().get())).contains("is not a Duet Studio session");
    assertThat(fx(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.COMPLETED);
  }

  @Test
  void trainBothFillsCurvesGridsAndAMatrixThatAddsUp(FxRobot robot) throws Exception {
    tinySettings(robot, 600);
    robot.clickOn(window.trainBothButton());
    waitUntil(5, () -> vm.anyActiveProperty().get());
    waitUntil(240, () -> !vm.anyActiveProperty().get());

    assertThat(fx(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.COMPLETED);
    assertThat(fx(() -> vm.generator().stateProperty().get())).isEqualTo(RunState.COMPLETED);
    var cp = window.classifierPane();
    var gp = window.generatorPane();
    // charts redraw at most 5 times a second: the last points arrive within one throttle window
    waitUntil(5, () -> cp.lossChart().drawnPoints(ClassifierViewModel.TRAIN_LOSS) == 10);
    waitUntil(5, () -> cp.accuracyChart().drawnPoints(ClassifierViewModel.TEST_ACCURACY) == 1);
    waitUntil(5, () -> gp.partsChart().drawnPoints(LossPart.KL.displayName()) == 12);
    robot.interact(() -> cp.tabs().getSelectionModel().select(cp.predictionsTab())); // drawn when in view
    assertThat(fx(() -> cp.predictionGrid().shownCells())).isEqualTo(40);
    assertThat(fx(() -> gp.samplesView().getImage())).isNotNull();
    assertThat(fx(() -> gp.reconstructionsView().getImage())).isNotNull();
    assertThat(fx(() -> vm.generator().snapshotProperty().get().latentPoints().size())).isEqualTo(300);
    // the judge has seen the newest grid through the finished classifier's eyes
    waitUntil(30, () -> vm.judge().verdictProperty().get() != null);
    assertThat(fx(() -> vm.judge().verdictProperty().get().total())).isEqualTo(64);
    waitUntil(5, () -> window.judgePane().histogram().getData().size() == 1);
    // with both finished, the full judgement: Fréchet distance in the CNN's features, above the floor
    waitUntil(90, () -> vm.judge().judgementProperty().get() != null);
    var j = fx(() -> vm.judge().judgementProperty().get());
    assertThat(j.frechet()).isGreaterThan(j.frechetRealHalves());

    // the heat map's cells add up to the test set
    robot.interact(() -> cp.tabs().getSelectionModel().select(cp.confusionTab()));
    int sum =
        fx(
            () -> {
              int s = 0;
              for (int a = 0; a < 10; a++) {
                for (int p = 0; p < 10; p++) {
                  s += Integer.parseInt(cp.confusionMatrix().cell(a, p).getText());
                }
              }
              return s;
            });
    assertThat(sum).isEqualTo(300);
    // a click on a cell shows its images
    Label diagonal = fx(() -> cp.confusionMatrix().cell(1, 1));
    int expected = Integer.parseInt(fx(diagonal::getText));
    // the cell from the keyboard, which calls the click's handler: on a loaded machine the robot's
    // pointer click met a cell's tooltip now and then
    robot.interact(diagonal::requestFocus);
    robot.type(KeyCode.ENTER);
    waitUntil(20, () -> cp.cellImages().getChildren().size() == Math.min(60, expected));
  }

  @Test
  void aFolderOfMixedSizePhotosOffersItsSizeAndGreyInTheDataBar(FxRobot robot) throws Exception {
    waitUntil(60, () -> vm.dataset().dataProperty().get() != null);
    var bar = window.datasetBar();
    assertThat(fx(() -> bar.sizeChoice().getParent().isVisible())).as("not for the sample").isFalse();
    Path root = tmp.resolve("photos");
    int[][] sizes = {{120, 90}, {120, 90}, {300, 200}};
    for (String cls : new String[] {"red", "blue"}) {
      Path d = Files.createDirectories(root.resolve(cls));
      for (int i = 0; i < sizes.length; i++) {
        BufferedImage img = new BufferedImage(sizes[i][0], sizes[i][1], BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(cls.equals("red") ? Color.RED : Color.BLUE);
        g.fillRect(0, 0, sizes[i][0], sizes[i][1]);
        g.dispose();
        ImageIO.write(img, "png", d.resolve(i + ".png").toFile());
      }
    }
    robot.interact(() -> vm.dataset().openDropped(List.of(root)));
    waitUntil(30, () -> vm.dataset().dataProperty().get().train().classNames().equals(List.of("blue", "red")));
    assertThat(fx(() -> vm.dataset().dataProperty().get().shape().toString())).isEqualTo("64x48 RGB");
    assertThat(fx(() -> bar.sizeChoice().getParent().isVisible())).isTrue();
    assertThat(fx(() -> bar.sizeChoice().getValue())).isEqualTo("automatic");
    assertThat(fx(() -> vm.dataset().noticeProperty().get())).contains("6 resized to it (first: 0.png, 120x90)");

    robot.interact(() -> bar.sizeChoice().setValue("32x32"));
    waitUntil(30, () -> vm.dataset().dataProperty().get().shape().toString().equals("32x32 RGB"));
    robot.clickOn(bar.greyChoice());
    waitUntil(30, () -> vm.dataset().dataProperty().get().shape().toString().equals("32x32 grey"));
    assertThat(fx(() -> bar.sizeChoice().getValue())).isEqualTo("32x32");
    assertThat(fx(() -> vm.dataset().errorProperty().get())).isEmpty();
  }

  @Test
  void pauseHoldsResumeContinuesStopEnds(FxRobot robot) throws Exception {
    tinySettings(robot, 3000);
    robot.interact(
        () -> vm.classifier().specProperty().set(ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(3)));
    var controls = window.classifierPane().controls();
    robot.clickOn(controls.trainButton());
    waitUntil(60, () -> vm.classifier().progressProperty().get() > 0.05);
    robot.clickOn(controls.pauseButton());
    assertThat(fx(() -> controls.pauseButton().getText())).isEqualTo("Resume");
    Thread.sleep(400); // the step in flight ends and its events arrive
    double held = fx(() -> vm.classifier().progressProperty().get());
    Thread.sleep(600);
    assertThat(fx(() -> vm.classifier().progressProperty().get())).isEqualTo(held);
    assertThat(fx(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.PAUSED);

    // slow motion: Step trains one batch, the curves move, the run stays paused
    assertThat(fx(() -> controls.stepButton().isDisabled())).isFalse();
    robot.clickOn(controls.stepButton());
    waitUntil(30, () -> vm.classifier().progressProperty().get() > held);
    Thread.sleep(600);
    double stepped = fx(() -> vm.classifier().progressProperty().get());
    Thread.sleep(400);
    assertThat(fx(() -> vm.classifier().progressProperty().get())).isEqualTo(stepped);
    assertThat(fx(() -> vm.classifier().stateProperty().get())).isEqualTo(RunState.PAUSED);
    assertThat(fx(() -> vm.classifier().statusProperty().get())).matches("Paused at step [0-9,]+; .*");

    robot.clickOn(controls.pauseButton()); // now "Resume"
    assertThat(fx(() -> controls.stepButton().isDisabled())).isTrue();
    waitUntil(30, () -> vm.classifier().progressProperty().get() > stepped);
    robot.clickOn(controls.stopButton());
    waitUntil(30, () -> vm.classifier().stateProperty().get() == RunState.CANCELLED);
    assertThat(fx(() -> vm.classifier().progressProperty().get())).isLessThan(1.0);
    assertThat(fx(() -> controls.trainButton().isDisabled())).isFalse();
  }

  @Test
  void closingWhileTrainingStopsBothRuns(FxRobot robot) throws Exception {
    tinySettings(robot, 6000);
    robot.interact(
        () -> vm.classifier().specProperty().set(ClassifierSpec.defaults(ClassifierKind.CNN).withEpochs(5)));
    robot.clickOn(window.trainBothButton());
    waitUntil(60, () -> vm.classifier().progressProperty().get() > 0 && vm.generator().progressProperty().get() > 0);
    long t0 = System.nanoTime();
    robot.interact(() -> context.close()); // what the window's close request does
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    assertThat(context.engine().activeRuns()).isEmpty();
    waitUntil(10, () -> vm.classifier().stateProperty().get() == RunState.CANCELLED
        && vm.generator().stateProperty().get() == RunState.CANCELLED);
  }

  @Test
  void aBadSettingIsRefusedInPlace(FxRobot robot) throws Exception {
    waitUntil(60, () -> vm.canTrainProperty().get());
    robot.interact(() -> window.startPane().close()); // it covers the panes
    var pane = window.classifierPane();
    robot.interact(() -> pane.settingsPane().setExpanded(true));
    Node field = fx(() -> pane.sheet().field("epochs"));
    int before = fx(() -> vm.classifier().specProperty().get().epochs());
    robot.doubleClickOn(field).eraseText(6).write("0").type(KeyCode.ENTER);
    waitUntil(5, () -> !pane.sheet().errorProperty().get().isEmpty());
    assertThat(fx(() -> pane.sheet().errorProperty().get())).isEqualTo("Epochs must be between 1 and 1000, got 0");
    assertThat(fx(() -> vm.classifier().specProperty().get().epochs())).isEqualTo(before);
    assertThat(fx(() -> field.getStyleClass().contains("invalid"))).isTrue();

    robot.doubleClickOn(field).eraseText(6).write("7").type(KeyCode.ENTER);
    waitUntil(5, () -> pane.sheet().errorProperty().get().isEmpty());
    assertThat(fx(() -> vm.classifier().specProperty().get().epochs())).isEqualTo(7);
  }

  @Test
  void aCorruptFileShowsItsErrorAndKeepsTheLoadedData(FxRobot robot) throws Exception {
    waitUntil(60, () -> vm.dataset().dataProperty().get() != null);
    TrainTestData loaded = fx(() -> vm.dataset().dataProperty().get());
    Path bad = Files.createDirectories(tmp.resolve("broken"));
    byte[] notGzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
    Files.write(bad.resolve("train-images-idx3-ubyte.gz"), notGzip);
    Files.write(bad.resolve("train-labels-idx1-ubyte.gz"), notGzip);
    robot.interact(() -> vm.dataset().open(bad.toString()));
    waitUntil(30, () -> !vm.dataset().errorProperty().get().isEmpty());
    Label error = window.datasetBar().errorLabel();
    assertThat(fx(error::getText)).contains("train-images-idx3-ubyte.gz").contains("gzip");
    assertThat(fx(error::isVisible)).isTrue();
    assertThat(fx(() -> vm.dataset().dataProperty().get())).isSameAs(loaded);
    assertThat(fx(() -> vm.canTrainProperty().get())).isTrue();
  }
}
