package org.duetstudio.core.training;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.duetstudio.core.model.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run on its own thread: the loop that steps a {@link TrainingJob}, reports events, and
 * obeys pause, resume, step-once (slow motion) and cancel between steps (so cancel takes effect within one
 * step).
 */
public final class TrainingRun {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

  private final String id;
  private final TrainingJob job;
  private final TrainingListener listener;
  private final Resume resume;
  private final CompletableFuture<TrainingEvent> completion = new CompletableFuture<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition resumed = lock.newCondition();
  private volatile RunState state = RunState.STARTING;
  private boolean pauseRequested;
  private int stepsReleased;
  private boolean steppedOnce;
  private volatile boolean cancelRequested;

  private long startNanos;
  private long pausedNanos;

  TrainingRun(String id, TrainingJob job, TrainingListener listener, Resume resume) {
    this.id = resume == null ? id : resume.runId();
    this.job = job;
    this.listener = listener;
    this.resume = resume;
  }

  public String id() {
    return id;
  }

  public TrainingJob job() {
    return job;
  }

  public RunState state() {
    return state;
  }

  /** Completes with the last event, {@link TrainingEvent.Finished} or {@link TrainingEvent.Failed}. */
  public CompletableFuture<TrainingEvent> completion() {
    return completion;
  }

  /** Holds the run after the current step; no-op once it has ended. */
  public void pause() {
    lock.lock();
    try {
      pauseRequested = true;
    } finally {
      lock.unlock();
    }
  }

  public void resume() {
    lock.lock();
    try {
      pauseRequested = false;
      stepsReleased = 0;
      resumed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Slow motion: while paused, trains exactly one more step (events as usual) and holds again; the run
   * stays paused. Ignored unless a pause was asked for; steps asked for faster than they run queue up.
   */
  public void stepOnce() {
    lock.lock();
    try {
      if (pauseRequested && !cancelRequested) {
        stepsReleased++;
        resumed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Stops the run after the current step; it then reports {@link TrainingEvent.Finished} (cancelled). */
  public void cancel() {
    cancelRequested = true;
    resume();
  }

  public boolean isPaused() {
    return state == RunState.PAUSED;
  }

  void run() {
    startNanos = System.nanoTime();
    int epochsDone = resume == null ? 0 : resume.epochsDone();
    Map<String, Double> lastMetrics = resume == null ? Map.of() : resume.metrics();
    try {
      Trainer trainer = job.prepare();
      if (resume != null) {
        job.resume(resume.model());
        startNanos -= (long) (resume.elapsedSeconds() * 1e9);
      }
      state = RunState.RUNNING;
      emit(
          new TrainingEvent.Started(
              id, elapsed(), job.modelName(), job.epochs(), trainer.stepsPerEpoch(), job.trainImages()));
      double interval = job.sampleIntervalSeconds().orElse(Double.NaN);
      double lastSamples = elapsed();
      int iteration = resume == null ? 0 : resume.iteration();
      long imagesSeen = resume == null ? 0 : resume.imagesSeen();
      if (!Double.isNaN(interval)) {
        emitSamples(epochsDone, iteration);
      }
      for (int epoch = epochsDone + 1; epoch <= job.epochs(); epoch++) {
        trainer.startEpoch(epoch);
        Map<String, Double> sums = new HashMap<>();
        long epochImages = 0;
        for (int s = 0; s < trainer.stepsPerEpoch(); s++) {
          if (!waitWhilePaused()) {
            finish(true, epochsDone, lastMetrics);
            return;
          }
          long stepStart = System.nanoTime();
          Trainer.Step step = trainer.step();
          double stepSeconds = (System.nanoTime() - stepStart) / 1e9;
          iteration++;
          imagesSeen += step.images();
          epochImages += step.images();
          for (Map.Entry<String, Double> e : step.losses().entrySet()) {
            if (!Double.isFinite(e.getValue())) {
              fail(
                  String.format(
                      "Training diverged: the %s became %s at epoch %d, step %d. Try a smaller"
                          + " learning rate.",
                      e.getKey().equals(Trainer.Step.LOSS) ? "loss" : e.getKey() + " loss",
                      e.getValue().isNaN() ? "NaN" : "infinite",
                      epoch,
                      iteration));
              return;
            }
            sums.merge(e.getKey(), e.getValue() * step.images(), Double::sum);
          }
          emit(
              new TrainingEvent.IterationDone(
                  id, elapsed(), epoch, iteration, imagesSeen, step.losses(), stepSeconds));
          boolean released = steppedOnce;
          steppedOnce = false;
          if (!Double.isNaN(interval) && (released || elapsed() - lastSamples >= interval)) {
            // a step taken in slow motion shows its samples at once
            emitSamples(epoch, iteration);
            lastSamples = elapsed();
          }
        }
        Map<String, Double> means = new HashMap<>();
        final long n = Math.max(1, epochImages);
        sums.forEach((k, v) -> means.put(k, v / n));
        TrainingJob.EpochReport report = job.endEpoch(epoch, means);
        epochsDone = epoch;
        lastMetrics = report.metrics();
        emit(
            new TrainingEvent.EpochDone(
                id,
                elapsed(),
                epoch,
                iteration,
                imagesSeen,
                report.metrics(),
                report.predictions(),
                report.generator()));
        if (!Double.isNaN(interval)) {
          emitSamples(epoch, iteration);
          lastSamples = elapsed();
        }
      }
      finish(false, epochsDone, lastMetrics);
    } catch (RuntimeException | Error e) {
      LOG.error("run {} failed", id, e);
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      fail(job.modelName() + " failed: " + why);
    }
  }

  private void emitSamples(int epoch, int iteration) {
    TrainingJob.Samples s = job.samples();
    emit(new TrainingEvent.SamplesReady(
            id, elapsed(), epoch, iteration, s.shape(), s.images(), s.columns(), s.diversity()));
  }

  /** Blocks while paused; false when the run should stop. */
  private boolean waitWhilePaused() {
    if (cancelRequested) {
      return false;
    }
    lock.lock();
    try {
      if (!pauseRequested) {
        return true;
      }
      long pausedAt = System.nanoTime();
      state = RunState.PAUSED;
      while (pauseRequested && !cancelRequested && stepsReleased == 0) {
        resumed.awaitUninterruptibly();
      }
      pausedNanos += System.nanoTime() - pausedAt;
      if (pauseRequested && !cancelRequested) {
        // one step released: train it and stay paused
        stepsReleased--;
        steppedOnce = true;
        return true;
      }
      state = RunState.RUNNING;
    } finally {
      lock.unlock();
    }
    return !cancelRequested;
  }

  private double elapsed() {
    return (System.nanoTime() - startNanos - pausedNanos) / 1e9;
  }

  private void finish(boolean cancelled, int epochsDone, Map<String, Double> metrics) {
    state = cancelled ? RunState.CANCELLED : RunState.COMPLETED;
    TrainingEvent e = new TrainingEvent.Finished(id, elapsed(), cancelled, epochsDone, metrics);
    emit(e);
    completion.complete(e);
  }

  private void fail(String message) {
    state = RunState.FAILED;
    TrainingEvent e = new TrainingEvent.Failed(id, elapsed(), message);
    emit(e);
    completion.complete(e);
  }

  private void emit(TrainingEvent e) {
    try {
      listener.onEvent(e);
    } catch (RuntimeException ex) {
      // a broken view must not kill training; it is logged once per event
      LOG.warn("listener failed on {}", e.getClass().getSimpleName(), ex);
    }
  }
}
