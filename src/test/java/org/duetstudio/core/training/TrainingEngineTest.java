package org.duetstudio.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import org.duetstudio.core.model.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's loop, with a scripted job so that each behaviour is exact. */
class TrainingEngineTest {
  private final TrainingEngine engine = new TrainingEngine();

  @AfterEach
  void close() {
    engine.close();
  }

  /** A job whose step k (from 1) returns loss(k) after sleeping {@code stepMillis}. */
  private static final class ScriptedJob implements TrainingJob {
    final int epochs;
    final int steps;
    final long stepMillis;
    final IntToDoubleFunction loss;
    final AtomicInteger stepsTaken = new AtomicInteger();
    volatile RuntimeException failAtPrepare;

    ScriptedJob(int epochs, int steps, long stepMillis, IntToDoubleFunction loss) {
      this.epochs = epochs;
      this.steps = steps;
      this.stepMillis = stepMillis;
      this.loss = loss;
    }

    @Override
    public String modelName() {
      return "scripted";
    }

    @Override
    public int epochs() {
      return epochs;
    }

    @Override
    public int trainImages() {
      return steps * 10;
    }

    @Override
    public Trainer prepare() {
      if (failAtPrepare != null) {
        throw failAtPrepare;
      }
      return new Trainer() {
        @Override
        public int stepsPerEpoch() {
          return steps;
        }

        @Override
        public void startEpoch(int epoch) {}

        @Override
        public Step step() {
          int k = stepsTaken.incrementAndGet();
          if (stepMillis > 0) {
            try {
              Thread.sleep(stepMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return new Step(10, Map.of(Step.LOSS, loss.applyAsDouble(k)));
        }
      };
    }

    @Override
    public EpochReport endEpoch(int epoch, Map<String, Double> mean) {
      return new EpochReport(Map.of(Metrics.TRAIN_LOSS, mean.get(Trainer.Step.LOSS)), null, null);
    }
  }

  @Test
  void reportsEventsInOrderWithEpochMeans() throws Exception {
    RecordingListener rec = new RecordingListener();
    TrainingRun run = engine.start(new ScriptedJob(2, 3, 0, k -> k), rec);
    TrainingEvent end = run.completion().get(10, TimeUnit.SECONDS);

    assertThat(end).isInstanceOf(TrainingEvent.Finished.class);
    assertThat(run.state()).isEqualTo(RunState.COMPLETED);
    List<String> kinds = rec.events().stream().map(e -> e.getClass().getSimpleName()).toList();
    assertThat(kinds)
        .containsExactly(
            "Started", "IterationDone", "IterationDone", "IterationDone", "EpochDone",
            "IterationDone", "IterationDone", "IterationDone", "EpochDone", "Finished");
    List<TrainingEvent.IterationDone> its = rec.of(TrainingEvent.IterationDone.class);
    assertThat(its).extracting(TrainingEvent.IterationDone::iteration).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(its.get(5).imagesSeen()).isEqualTo(60);
    assertThat(its.get(3).epoch()).isEqualTo(2);
    List<TrainingEvent.EpochDone> eps = rec.of(TrainingEvent.EpochDone.class);
    assertThat(eps.get(0).metrics().get(Metrics.TRAIN_LOSS)).isEqualTo(2.0); // mean of 1, 2, 3
    assertThat(eps.get(1).metrics().get(Metrics.TRAIN_LOSS)).isEqualTo(5.0); // mean of 4, 5, 6
    TrainingEvent.Finished f = (TrainingEvent.Finished) end;
    assertThat(f.cancelled()).isFalse();
    assertThat(f.epochsCompleted()).isEqualTo(2);
    assertThat(rec.events()).extracting(TrainingEvent::runId).containsOnly(run.id());
    double last = -1;
    for (TrainingEvent e : rec.events()) {
      assertThat(e.elapsedSeconds()).isGreaterThanOrEqualTo(last);
      last = e.elapsedSeconds();
    }
  }

  @Test
  void cancelTakesEffectWithinOneStep() throws Exception {
    RecordingListener rec = new RecordingListener();
    ScriptedJob job = new ScriptedJob(100, 100, 5, k -> 1);
    TrainingRun run = engine.start(job, rec);
    rec.awaitCount(TrainingEvent.IterationDone.class, 3, 10_000);
    int before = job.stepsTaken.get();
    run.cancel();
    TrainingEvent end = run.completion().get(10, TimeUnit.SECONDS);
    assertThat(end).isInstanceOfSatisfying(
        TrainingEvent.Finished.class, f -> assertThat(f.cancelled()).isTrue());
    assertThat(run.state()).isEqualTo(RunState.CANCELLED);
    assertThat(job.stepsTaken.get()).isLessThanOrEqualTo(before + 1);
  }

  @Test
  void pauseHoldsTheRunAndResumeContinuesIt() throws Exception {
    RecordingListener rec = new RecordingListener();
    ScriptedJob job = new ScriptedJob(1, 400, 2, k -> 1);
    long wallStart = System.nanoTime();
    TrainingRun run = engine.start(job, rec);
    rec.awaitCount(TrainingEvent.IterationDone.class, 2, 10_000);
    run.pause();
    long deadline = System.currentTimeMillis() + 5000;
    while (run.state() != RunState.PAUSED && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertThat(run.state()).isEqualTo(RunState.PAUSED);
    int held = job.stepsTaken.get();
    Thread.sleep(200);
    assertThat(job.stepsTaken.get()).isEqualTo(held);
    run.resume();
    TrainingEvent end = run.completion().get(20, TimeUnit.SECONDS);
    assertThat(end).isInstanceOf(TrainingEvent.Finished.class);
    double wall = (System.nanoTime() - wallStart) / 1e9;
    assertThat(job.stepsTaken.get()).isEqualTo(400);
    // each event carries how long the model's own step took (2 ms sleeps here)
    assertThat(rec.of(TrainingEvent.IterationDone.class))
        .allSatisfy(it -> assertThat(it.stepSeconds()).isGreaterThanOrEqualTo(0.0019));
    // the run's clock leaves out the time it was held (at least the 200 ms slept above)
    assertThat(end.elapsedSeconds()).isLessThan(wall - 0.19);
  }

  @Test
  void stepWhilePausedTrainsExactlyOneStepAndStaysPaused() throws Exception {
    RecordingListener rec = new RecordingListener();
    ScriptedJob job = new ScriptedJob(1, 400, 2, k -> 1);
    TrainingRun run = engine.start(job, rec);
    rec.awaitCount(TrainingEvent.IterationDone.class, 2, 10_000);
    run.pause();
    long deadline = System.currentTimeMillis() + 5000;
    while (run.state() != RunState.PAUSED && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertThat(run.state()).isEqualTo(RunState.PAUSED);
    int held = rec.of(TrainingEvent.IterationDone.class).size();
    assertThat(job.stepsTaken.get()).isEqualTo(held);

    run.stepOnce();
    rec.awaitCount(TrainingEvent.IterationDone.class, held + 1, 10_000);
    Thread.sleep(150); // time for a wrongly released second step to show
    assertThat(rec.of(TrainingEvent.IterationDone.class)).hasSize(held + 1);
    assertThat(job.stepsTaken.get()).isEqualTo(held + 1);
    assertThat(rec.of(TrainingEvent.IterationDone.class).get(held).iteration()).isEqualTo(held + 1);
    assertThat(run.state()).isEqualTo(RunState.PAUSED);

    // two asked for at once: two, no more
    run.stepOnce();
    run.stepOnce();
    rec.awaitCount(TrainingEvent.IterationDone.class, held + 3, 10_000);
    Thread.sleep(150);
    assertThat(job.stepsTaken.get()).isEqualTo(held + 3);
    assertThat(run.state()).isEqualTo(RunState.PAUSED);

    run.resume();
    assertThat(run.completion().get(20, TimeUnit.SECONDS)).isInstanceOf(TrainingEvent.Finished.class);
    assertThat(job.stepsTaken.get()).isEqualTo(400);
  }

  @Test
  void stepIsIgnoredWhileRunning() throws Exception {
    RecordingListener rec = new RecordingListener();
    ScriptedJob job = new ScriptedJob(1, 30, 1, k -> 1);
    TrainingRun run = engine.start(job, rec);
    run.stepOnce();
    rec.awaitCount(TrainingEvent.IterationDone.class, 1, 10_000);
    run.pause();
    long deadline = System.currentTimeMillis() + 5000;
    while (run.state() != RunState.PAUSED && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    int held = job.stepsTaken.get();
    Thread.sleep(100);
    // the step asked for while running was not kept for later
    assertThat(job.stepsTaken.get()).isEqualTo(held);
    run.cancel();
    run.completion().get(10, TimeUnit.SECONDS);
  }

  @Test
  void cancelWhilePausedEndsTheRun() throws Exception {
    RecordingListener rec = new RecordingListener();
    TrainingRun run = engine.start(new ScriptedJob(1, 1000, 2, k -> 1), rec);
    rec.awaitCount(TrainingEvent.IterationDone.class, 1, 10_000);
    run.pause();
    Thread.sleep(50);
    run.cancel();
    assertThat(run.completion().get(10, TimeUnit.SECONDS))
        .isInstanceOf(TrainingEvent.Finished.class);
  }

  @Test
  void nanOrInfiniteLossFailsTheRunWithAClearMessage() throws Exception {
    RecordingListener rec = new RecordingListener();
    TrainingRun run = engine.start(new ScriptedJob(3, 5, 0, k -> k == 7 ? Double.NaN : 1), rec);
    TrainingEvent end = run.completion().get(10, TimeUnit.SECONDS);
    assertThat(end).isInstanceOf(TrainingEvent.Failed.class);
    assertThat(((TrainingEvent.Failed) end).message())
        .isEqualTo(
            "Training diverged: the loss became NaN at epoch 2, step 7. Try a smaller learning rate.");
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    assertThat(rec.of(TrainingEvent.IterationDone.class)).hasSize(6);

    TrainingEvent inf =
        engine
            .start(new ScriptedJob(1, 5, 0, k -> k == 2 ? Double.POSITIVE_INFINITY : 1), e -> {})
            .completion()
            .get(10, TimeUnit.SECONDS);
    assertThat(((TrainingEvent.Failed) inf).message()).contains("became infinite");
  }

  @Test
  void anExceptionInTheModelBecomesAFailedEvent() throws Exception {
    ScriptedJob job = new ScriptedJob(1, 1, 0, k -> 1);
    job.failAtPrepare = new IllegalArgumentException("images of 2x2 grey are too small");
    TrainingEvent end = engine.start(job, e -> {}).completion().get(10, TimeUnit.SECONDS);
    assertThat(((TrainingEvent.Failed) end).message())
        .isEqualTo("scripted failed: images of 2x2 grey are too small");
  }

  @Test
  void aThrowingListenerDoesNotStopTraining() throws Exception {
    TrainingEvent end =
        engine
            .start(
                new ScriptedJob(1, 5, 0, k -> 1),
                e -> {
                  throw new IllegalStateException("broken view");
                })
            .completion()
            .get(10, TimeUnit.SECONDS);
    assertThat(end).isInstanceOf(TrainingEvent.Finished.class);
  }

  @Test
  void twoRunsTrainAtTheSameTime() throws Exception {
    RecordingListener a = new RecordingListener();
    RecordingListener b = new RecordingListener();
    TrainingRun ra = engine.start(new ScriptedJob(1, 200, 2, k -> 1), a);
    TrainingRun rb = engine.start(new ScriptedJob(1, 200, 2, k -> 2), b);
    a.awaitCount(TrainingEvent.IterationDone.class, 5, 10_000);
    b.awaitCount(TrainingEvent.IterationDone.class, 5, 10_000);
    assertThat(engine.activeRuns()).contains(ra, rb);
    assertThat(ra.id()).isNotEqualTo(rb.id());
    // both progress while the other is still running
    assertThat(ra.state()).isEqualTo(RunState.RUNNING);
    assertThat(rb.state()).isEqualTo(RunState.RUNNING);
    assertThat(engine.cancelAll(10_000)).isTrue();
    assertThat(engine.activeRuns()).isEmpty();
  }
}
