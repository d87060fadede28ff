package org.duetstudio.app;

import java.io.IOException;
import java.nio.file.Path;
import org.duetstudio.core.data.DatasetLocator;
import org.duetstudio.core.model.dl4j.Nd4jRuntime;
import org.duetstudio.core.store.RecentItems;
import org.duetstudio.core.studio.RunFolder;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingJob;
import org.duetstudio.core.training.TrainingListener;
import org.duetstudio.core.training.TrainingRun;
import org.duetstudio.ui.classifier.ClassifierViewModel;
import org.duetstudio.ui.common.BackgroundTasks;
import org.duetstudio.ui.common.FxEventRelay;
import org.duetstudio.ui.common.RunViewModel;
import org.duetstudio.ui.common.StallMeter;
import org.duetstudio.ui.compare.JudgeViewModel;
import org.duetstudio.ui.dataset.DatasetViewModel;
import org.duetstudio.ui.generator.GeneratorViewModel;
import org.duetstudio.ui.shell.AutosaveViewModel;
import org.duetstudio.ui.shell.RecentViewModel;
import org.duetstudio.ui.shell.SessionsViewModel;
import org.duetstudio.ui.shell.ShellModels;
import org.duetstudio.ui.shell.StudioViewModel;
import org.slf4j.LoggerFactory;

/**
 * Wires the studio once: one training engine, one data locator, the background executor, the view
 * models. Everything is passed through constructors from here; there are no global singletons.
 */
public final class AppContext implements AutoCloseable {
  /** How long closing waits for background work under way (a session being saved) to end. */
  static final long CLOSE_WAIT_MILLIS = 30_000;

  private final TrainingEngine engine = new TrainingEngine();
  private final StallMeter stallMeter = new StallMeter();
  private final StudioViewModel studio;
  private final ShellModels shell;
  private final RunFolder autosave;
  private final BackgroundTasks tasks;
  private boolean closed;

  /** The studio with its recent items and autosave in the user's home ({@code ~/.duet-studio}). */
  public AppContext(DatasetLocator locator, BackgroundTasks tasks) {
    this(locator, tasks, RecentItems.home());
  }

  /** The same with its recent items and autosave under {@code home}. */
  public AppContext(DatasetLocator locator, BackgroundTasks tasks, Path home) {
    this.tasks = tasks;
    this.autosave = new RunFolder(home.resolve("autosave"));
    RunViewModel.RunStarter starter = this::start;
    DatasetViewModel dataset = new DatasetViewModel(locator, tasks);
    BackgroundTasks modelWork = tasks.oneAtATime();
    ClassifierViewModel classifier = new ClassifierViewModel(starter, FxEventRelay::new, modelWork);
    GeneratorViewModel generator = new GeneratorViewModel(starter, FxEventRelay::new, modelWork);
    JudgeViewModel judge = new JudgeViewModel(classifier, generator, modelWork);
    this.studio = new StudioViewModel(dataset, classifier, generator, judge);
    RecentViewModel recent = new RecentViewModel(new RecentItems(home.resolve("recent.json")), tasks);
    dataset.sourceProperty().addListener((o, a, src) -> {
      if (src != null) {
        recent.remember("data", src.spec());
      }
    });
    SessionsViewModel sessions = new SessionsViewModel(studio, locator, tasks, modelWork, recent);
    AutosaveViewModel restore = new AutosaveViewModel(autosave, studio, locator, tasks);
    this.shell = new ShellModels(studio, sessions, recent, restore, tasks, modelWork);
  }

  /**
   * Starts a side's run on the engine, writing it into the autosave folder as it goes (a run the folder
   * cannot take still trains, without autosave). The folder is opened on the run's own thread, at its
   * first event: opening it fingerprints the data (a hash of every pixel) and writes files, which the
   * JavaFX thread that pressed Train must not wait for.
   */
  private TrainingRun start(TrainingJob job, TrainingListener listener) {
    TrainingListener kept = new AutosaveListener(job);
    return engine.start(
        job,
        e -> {
          kept.onEvent(e);
          listener.onEvent(e);
        });
  }

  /** Records a run into the autosave folder, opened at its first event. */
  private final class AutosaveListener implements TrainingListener {
    private final TrainingJob job;
    private TrainingListener recorder;
    private boolean opened;

    AutosaveListener(TrainingJob job) {
      this.job = job;
    }

    @Override
    public synchronized void onEvent(TrainingEvent e) {
      if (!opened) {
        opened = true;
        try {
          recorder = autosave.record(job, Nd4jRuntime.ensureLoaded());
        } catch (IOException | RuntimeException ex) {
          LoggerFactory.getLogger(AppContext.class).warn("autosave is off for this run", ex);
        }
      }
      if (recorder != null) {
        recorder.onEvent(e);
      }
    }
  }

  public TrainingEngine engine() {
    return engine;
  }

  public StudioViewModel studio() {
    return studio;
  }

  /** Every view model of the window. */
  public ShellModels shell() {
    return shell;
  }

  public StallMeter stallMeter() {
    return stallMeter;
  }

  /**
   * Stops training (waiting briefly for the runs to end), closes both sides' models once the work queued
   * on the model lane has ended (a session being saved is written in full first), stops the background
   * executor and the helper threads. Closing twice does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stallMeter.stop();
    engine.close();
    studio.closeModels();
    tasks.close();
    if (!tasks.awaitTermination(CLOSE_WAIT_MILLIS)) {
      LoggerFactory.getLogger(AppContext.class)
          .warn("background work still running after {} ms; leaving it", CLOSE_WAIT_MILLIS);
    }
    shell.autosave().close();
  }
}
