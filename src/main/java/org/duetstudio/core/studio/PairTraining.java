package org.duetstudio.core.studio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.duetstudio.core.config.ClassifierSpec;
import org.duetstudio.core.config.GeneratorSpec;
import org.duetstudio.core.data.TrainTestData;
import org.duetstudio.core.training.ClassifierJob;
import org.duetstudio.core.training.GeneratorJob;
import org.duetstudio.core.training.Resume;
import org.duetstudio.core.training.TrainingEngine;
import org.duetstudio.core.training.TrainingEvent;
import org.duetstudio.core.training.TrainingJob;
import org.duetstudio.core.training.TrainingListener;
import org.duetstudio.core.training.TrainingRun;

/**
 * Trains both sides on one data set at the same time, each on its own engine thread, writing both into a
 * {@link RunFolder} as they go, and hands back the {@link RunPair}: what {@code train} and {@code train
 * --resume} do. Each side's events also reach the listener {@link Watch} gives for it (the console's
 * progress lines).
 */
public final class PairTraining {
  private final TrainingEngine engine;
  private final TrainTestData data;
  private final RunFolder folder;
  private final String backend;
  private final Watch watch;
  private final List<Side> sides = new ArrayList<>();
  private ClassifierRun classifierDone;
  private GeneratorRun generatorDone;

  public PairTraining(
      TrainingEngine engine,
      TrainTestData data,
      RunFolder folder,
      String backend,
      Watch watch) {
    this.engine = engine;
    this.data = data;
    this.folder = folder;
    this.backend = backend;
    this.watch = watch;
  }

  /** Who else hears a side's events: {@code kindId} is the model kind's id ("cnn", "vae", …). */
  @FunctionalInterface
  public interface Watch {
    TrainingListener of(Role role, String kindId);
  }

  private record Side(Role role, TrainingJob job, TrainingRun run, EventLog log) {}

  /** Starts the classifier. */
  public void start(ClassifierSpec spec) throws IOException {
    start(Role.CLASSIFIER, new ClassifierJob(spec, data), List.of(), null);
  }

  /** Starts the generator. */
  public void start(GeneratorSpec spec) throws IOException {
    start(Role.GENERATOR, new GeneratorJob(spec, data), List.of(), null);
  }

  /**
   * Goes on with a recorded side: one that ended is taken as it is (its model from its last
   * checkpoint); one that did not resumes after its last checkpoint, or starts again without one.
   */
  public void resume(RunFolder.Recorded.Side side) throws IOException {
    if (side.ended() && side.checkpoint() != null) {
      if (side.role() == Role.CLASSIFIER) {
        classifierDone = Sessions.classifier(side.classifierSpec(), side.events(), side.checkpoint(), data);
      } else {
        generatorDone = Sessions.generator(side.generatorSpec(), side.events(), side.checkpoint(), data);
      }
      return;
    }
    Resume from = side.ended() ? null : side.resume();
    TrainingJob job =
        side.role() == Role.CLASSIFIER
            ? new ClassifierJob(side.classifierSpec(), data)
            : new GeneratorJob(side.generatorSpec(), data);
    start(side.role(), job, from == null ? List.of() : side.events(), from);
  }

  private void start(Role role, TrainingJob job, List<TrainingEvent> prior, Resume resume)
      throws IOException {
    TrainingListener file = prior.isEmpty() ? folder.record(job, backend) : folder.resume(job, backend, prior);
    EventLog log = new EventLog(prior);
    TrainingListener watcher =
        watch.of(
            role,
            job instanceof ClassifierJob c
                ? c.spec().kind().id()
                : ((GeneratorJob) job).spec().kind().id());
    TrainingListener all =
        e -> {
          file.onEvent(e);
          log.onEvent(e);
          watcher.onEvent(e);
        };
    sides.add(new Side(role, job, engine.start(job, all, resume), log));
  }

  /** Waits until every side has ended; the pair of those whose model was built. */
  public RunPair await() throws IOException {
    ClassifierRun c = classifierDone;
    GeneratorRun g = generatorDone;
    for (Side s : sides) {
      try {
        s.run().completion().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        sides.forEach(x -> x.run().cancel());
        throw new IOException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IOException(e.getCause());
      }
      if (s.job() instanceof ClassifierJob cj && cj.model() != null) {
        c = new ClassifierRun(cj.spec(), s.log().events(), cj.model());
      } else if (s.job() instanceof GeneratorJob gj && gj.model() != null) {
        g = new GeneratorRun(gj.spec(), s.log().events(), gj.model());
      }
    }
    return new RunPair(data, c, g, null, List.of());
  }

  /** A run's events as they arrive, of the sample grids only the newest. */
  private static final class EventLog implements TrainingListener {
    private final List<TrainingEvent> events;

    EventLog(List<TrainingEvent> prior) {
      this.events = new ArrayList<>(prior);
    }

    @Override
    public synchronized void onEvent(TrainingEvent e) {
      if (e instanceof TrainingEvent.SamplesReady) {
        events.removeIf(x -> x instanceof TrainingEvent.SamplesReady);
      }
      events.add(e);
    }

    synchronized List<TrainingEvent> events() {
      return List.copyOf(events);
    }
  }
}
