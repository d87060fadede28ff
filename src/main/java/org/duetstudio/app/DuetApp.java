package org.duetstudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.duetstudio.core.config.Preset;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.store.RecentItems;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.FxImages;
import org.duetstudio.ui.common.FxTaskExecutor;
import org.duetstudio.ui.common.StallMeter;
import org.duetstudio.ui.shell.MainWindow;
import org.duetstudio.ui.shell.StudioViewModel;
import org.duetstudio.ui.shell.WindowState;
import org.slf4j.LoggerFactory;

/**
 * The studio window. It shows at once; the native libraries and the default data set load in the
 * background, with their state in the status bar, and training is enabled when both are there.
 */
public final class DuetApp extends Application {
  /** When the launcher began, for the window's start time; 0 when started otherwise. */
  static volatile long startMillis;

  private AppContext context;
  private MainWindow window;

  @Override
  public void start(Stage stage) {
    Path logFile = LogFile.install(RecentItems.home().resolve("logs"));
    LoggerFactory.getLogger(DuetApp.class)
        .info("studio starting: Java {}, {} {}", Runtime.version(), System.getProperty("os.name"),
            System.getProperty("os.arch"));
    StudioOptions options = StudioOptions.parse(getParameters().getRaw());
    BackgroundTasks tasks = new FxTaskExecutor();
    context = new AppContext(new DatasetLocator(), tasks);
    // the window remembers its size, place, dividers, theme and zoom in the studio's home folder
    window =
        new MainWindow(context.shell(), context.stallMeter(), new WindowState(RecentItems.home(), tasks));
    stage.setTitle("Duet Studio — predict and create, side by side");
    window.revealInStages(); // the first frame in parts: the UI thread never waits for all of it at once
    window.showOn(stage);
    if (options.theme() != null) {
      window.windowState().themeProperty().set(options.theme());
    }
    window.presenterProperty().set(options.presenter());
    stage.setOnCloseRequest(e -> context.close());
    stage.show();
    UncaughtErrors.install(stage, logFile); // one dialog instead of a silent failure
    if (!options.exitWhenDone()) { // that path ends with Platform.exit(): no notification may show then
      Notices.install(stage, context.shell());
    }
    long shownMillis = System.currentTimeMillis();
    context.stallMeter().start();

    StudioViewModel studio = context.studio();
    context.shell().autosave().check(); // a studio that crashed left runs to restore
    tasks.run(() -> {
      FxImages.warmUp();
      return Nd4jRuntime.ensureLoaded();
    },
        studio::backendLoaded,
        t -> studio.backendFailed(String.valueOf(t.getMessage())));
    studio.dataset().trainLimitProperty().set(options.trainLimit());
    if (options.classifier() != null) {
      studio.classifier().kindProperty().set(options.classifier());
    }
    if (options.generator() != null) {
      studio.generator().kindProperty().set(options.generator());
    }
    if (options.train() || options.preset() != null || options.experiment() != null) {
      window.startPane().close(); // started from the command line: no start screen
    }
    if (options.preset() != null) {
      Preset p = Preset.named(options.preset());
      System.out.println(p.name() + ": " + p.announcement());
      studio.applyPreset(p);
    }
    if (options.conditional()) {
      studio.generator().specProperty().set(studio.generator().specProperty().get().withConditional(true));
    }
    if (options.epochs() > 0) {
      studio.generator().specProperty().set(studio.generator().specProperty().get().withEpochs(options.epochs()));
      studio.classifier().specProperty().set(studio.classifier().specProperty().get().withEpochs(options.epochs()));
    }
    if (options.latent() > 0) {
      studio.generator().specProperty().set(studio.generator().specProperty().get().withLatentDim(options.latent()));
    }
    for (String name : options.tabs()) {
      for (TabPane tabs :
          List.of(
              window.classifierPane().tabs(),
              window.generatorPane().tabs(),
              window.judgePane().tabs())) {
        tabs.getTabs().stream()
            .filter(t -> t.getText().equalsIgnoreCase(name.strip()))
            .findFirst()
            .ifPresent(t -> tabs.getSelectionModel().select(t));
      }
    }
    if (options.open() != null) {
      window.startPane().close(); // a session asked for: it, not the start screen
      if (Files.isDirectory(options.open())) {
        context.shell().sessions().openRun(options.open());
      } else {
        context.shell().sessions().open(options.open());
      }
    } else if (options.data() != null) {
      studio.dataset().open(options.data());
    } else {
      studio.dataset().locator().preferred().ifPresent(s -> studio.dataset().open(s));
    }
    Runnable experiment =
        options.experiment() == null
            ? () -> {}
            : () -> Platform.runLater(() -> window.openExperiments().start(options.experiment()));
    if (options.train()) {
      UiFigures figures =
          new UiFigures(startMillis == 0 ? shownMillis : startMillis, shownMillis, context.stallMeter());
      startWhenReady(studio, context.stallMeter(), options.exitWhenDone() ? () -> {
        System.out.println(figures.report());
        stage.close();
        context.close();
        Platform.exit();
      } : experiment);
    } else if (options.experiment() != null) {
      InvalidationListener[] ready = new InvalidationListener[1];
      ready[0] =
          o -> {
            if (studio.canTrainProperty().get()) {
              studio.canTrainProperty().removeListener(ready[0]);
              experiment.run();
            }
          };
      studio.canTrainProperty().addListener(ready[0]);
      ready[0].invalidated(null);
    }
  }

  /** Presses "Train both" once data and back-end are ready; runs {@code whenDone} after both end. */
  private static void startWhenReady(
      StudioViewModel studio, StallMeter stalls, Runnable whenDone) {
    InvalidationListener[] start = new InvalidationListener[1];
    start[0] =
        o -> {
          if (studio.canTrainProperty().get()) {
            studio.canTrainProperty().removeListener(start[0]);
            studio.trainBoth();
            stalls.endStartUp(); // the training figure is about training, not start-up
            studio.anyActiveProperty().addListener((obs, was, is) -> {
              if (!is) {
                whenDone.run();
              }
            });
          }
        };
    studio.canTrainProperty().addListener(start[0]);
    start[0].invalidated(null);
  }

  @Override
  public void stop() {
    if (context != null) {
      context.close();
    }
  }

  MainWindow window() {
    return window;
  }

  AppContext context() {
    return context;
  }
}
