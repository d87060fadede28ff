package org.duetstudio.ui.common;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duetstudio.core.training.RunState;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingJob;
import org.duetstudio.core.training.TrainingListener;
import org.duetstudio.core.training.TrainingRun;
import org.duetstudio.ui.curves.CurvePoint;
import org.slf4j.LoggerFactory;

/**
 * The life of one side's training run, as properties a pane binds to: state, progress, a status line and
 * the failure message. Subclasses turn the run's events into their curves and pictures. Used on the FX
 * thread only; events arrive in batches through {@link #accept(List)} (from an {@link FxEventRelay} in the
 * window, directly in tests).
 */
public abstract class RunViewModel {
  /** Starts a job on the engine; {@code TrainingEngine::start} in the app. */
  @FunctionalInterface
  public interface RunStarter {
    TrainingRun start(TrainingJob job, TrainingListener listener);
  }

  private final RunStarter starter;
  private final Function<Consumer<List<TrainingEvent>>, TrainingListener> relay;
  private final BackgroundTasks modelWork;
  private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not trained yet");
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
  private final BooleanBinding active;
  private final RunRecording recording = new RunRecording();
  private TrainingRun run;
  private String runId;
  private final RunProgress clock = new RunProgress();

  /** A side whose replaced models are closed at once, on the caller's thread (for tests). */
  protected RunViewModel(
      RunStarter starter, Function<Consumer<List<TrainingEvent>>, TrainingListener> relay) {
    this(starter, relay, BackgroundTasks.sameThread());
  }

  /**
   * @param modelWork the lane for work on trained models: a model this side lets go of is closed there,
   *     after the work queued before (a session being saved, the judge)
   */
  protected RunViewModel(
      RunStarter starter,
      Function<Consumer<List<TrainingEvent>>, TrainingListener> relay,
      BackgroundTasks modelWork) {
    this.starter = starter;
    this.relay = relay;
    this.modelWork = modelWork;
    this.active =
        Bindings.createBooleanBinding(
            () -> state.get() != null && !state.get().isTerminal(), state);
  }

  /** Null before the first run. */
  public ReadOnlyObjectProperty<RunState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** True from start until the run has ended. */
  public BooleanBinding activeProperty() {
    return active;
  }

  public boolean isActive() {
    return active.get();
  }

  /** 0 to 1 over the whole run. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The last run's failure, one sentence; empty otherwise. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /** Starts {@code job}; whatever the previous run showed is cleared. */
  protected void start(TrainingJob job) {
    if (isActive()) {
      throw new IllegalStateException("a run is already active");
    }
    reset();
    failure.set("");
    progress.set(0);
    status.set("Building " + job.modelName() + "…");
    state.set(RunState.STARTING);
    runId = null;
    run = starter.start(job, relay.apply(this::accept));
    runId = run.id();
  }

  /**
   * Closes {@code model} (its native memory), which this side no longer shows: a run or a session has
   * replaced it, or the window is closing. It happens on the lane for trained models, so work queued there
   * before (a session being saved, the judge's measurements) still has it; null does nothing.
   */
  protected void retire(AutoCloseable model) {
    if (model != null) {
      modelWork.closeLater(model);
    }
  }


  /** Pauses a running run, resumes a paused one. */
  public void togglePause() {
    if (run == null || !isActive()) {
      return;
    }
    if (state.get() == RunState.PAUSED) {
      run.resume();
      state.set(RunState.RUNNING);
      status.set("Resumed");
    } else {
      run.pause();
      state.set(RunState.PAUSED);
      status.set("Paused");
    }
  }

  public void pause() {
    if (run != null && isActive() && state.get() != RunState.PAUSED) {
      togglePause();
    }
  }

  public void resume() {
    if (run != null && state.get() == RunState.PAUSED) {
      togglePause();
    }
  }

  /**
   * Slow motion: while paused, trains exactly one more batch; its events update every view as usual and
   * the run stays paused. Does nothing unless paused.
   */
  public void step() {
    if (run != null && isActive() && state.get() == RunState.PAUSED) {
      run.stepOnce();
      status.set("Paused; one step at a time");
    }
  }

  /** Cancels the run; it reports Finished (cancelled) after its current step. */
  public void stop() {
    if (run != null && isActive()) {
      status.set("Stopping…");
      run.cancel();
    }
  }

  /** The current run's events so far, in order (of the grids only the newest), for saving a session. */
  public List<TrainingEvent> recordedEvents() {
    return recording.events();
  }

  /**
   * Shows a finished run again from its events (a session's), as it was shown when it ran. Refused while a
   * run is active.
   */
  protected void replay(List<TrainingEvent> events) {
    if (isActive()) {
      throw new IllegalStateException("a run is active");
    }
    reset();
    failure.set("");
    progress.set(0);
    run = null;
    runId = events.isEmpty() ? null : events.get(0).runId();
    state.set(RunState.STARTING);
    accept(events);
    if (state.get() == RunState.STARTING || state.get() == RunState.RUNNING) {
      state.set(RunState.CANCELLED); // a run saved before it ended
    }
  }

  /** Handles a batch of events in order; events of earlier runs are ignored. */
  public void accept(List<TrainingEvent> batch) {
    for (TrainingEvent e : batch) {
      if (runId != null && !runId.equals(e.runId())) {
        continue;
      }
      recording.record(e);
      try {
        handle(e);
      } catch (RuntimeException ex) {
        // a view that fails on one event must not lose the rest (above all the run's end): the state
        // would stay "active" for good
        LoggerFactory.getLogger(RunViewModel.class)
            .warn("showing {} failed", e.getClass().getSimpleName(), ex);
      }
    }
    afterBatch();
  }

  private void handle(TrainingEvent e) {
    switch (e) {
      case TrainingEvent.Started s -> {
        status.set(clock.started(s));
        if (state.get() != RunState.PAUSED) {
          state.set(RunState.RUNNING);
        }
      }
      case TrainingEvent.IterationDone it -> {
        progress.set(clock.fraction(it.iteration()));
        if (state.get() == RunState.PAUSED) {
          status.set(String.format("Paused at step %,d; Step trains one more", it.iteration()));
        }
        onIteration(it, at(it.iteration(), it.imagesSeen(), it.elapsedSeconds()));
      }
      case TrainingEvent.EpochDone ep -> {
        status.set(clock.epochDone(ep));
        onEpoch(ep, at(ep.iteration(), ep.imagesSeen(), ep.elapsedSeconds()));
      }
      case TrainingEvent.SamplesReady s -> onSamples(s);
      case TrainingEvent.Finished f -> {
        state.set(f.cancelled() ? RunState.CANCELLED : RunState.COMPLETED);
        if (!f.cancelled()) {
          progress.set(1);
        }
        status.set(RunProgress.finished(f));
      }
      case TrainingEvent.Failed f -> {
        state.set(RunState.FAILED);
        failure.set(f.message());
        status.set("Failed");
      }
    }
  }

  /** Epochs done at a step of this run (fractional), for events that carry only the step. */
  public double epochsAt(int iteration) {
    return clock.epochsAt(iteration);
  }

  /** Training images seen at a step of this run, assuming full batches. */
  public double imagesAt(int iteration) {
    return clock.imagesAt(iteration);
  }

  /** A point builder for curves: the run's position on every clock. */
  protected interface At {
    CurvePoint value(double v);
  }

  private At at(int iteration, long images, double seconds) {
    double ep = clock.epochsAt(iteration);
    return v -> new CurvePoint(ep, images, seconds, v);
  }

  /** Clears curves and pictures before a new run. */
  protected abstract void reset();

  protected abstract void onIteration(TrainingEvent.IterationDone e, At at);

  protected abstract void onEpoch(TrainingEvent.EpochDone e, At at);

  protected void onSamples(TrainingEvent.SamplesReady e) {}

  /** Called once per batch, after its events: tell charts to redraw. */
  protected abstract void afterBatch();
}
