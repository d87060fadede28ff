package org.duetstudio.core.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duetstudio.core.eval.Predictions;
import org.duetstudio.core.model.Persistent;
import org.duetstudio.core.store.RunRecorder;
import org.duetstudio.core.training.GeneratorSnapshot;
import org.duetstudio.core.training.TrainingEvent;

/**
 * One side's run after it has ended (or been stopped): its spec (seed included), its events in order — of
 * the sample grids only the newest — and the trained model. What the window shows, a session keeps, the
 * run folder holds and the report prints are all read from here.
 */
public sealed interface FinishedRun permits ClassifierRun, GeneratorRun {
  Role role();

  Record spec();

  /** The model kind's id ("cnn", "vae", …): the prefix of the run's files. */
  String kindId();

  long seed();

  List<TrainingEvent> events();

  /** The trained model, to save or check-point. */
  Persistent persistent();

  /** The per-epoch summary as {@code metrics.json} holds it. */
  default Map<String, Object> summary() {
    RunRecorder r = new RunRecorder(kindId());
    events().forEach(r::onEvent);
    return r.summary();
  }

  /** True when the run trained every epoch it was asked for. */
  default boolean completed() {
    return !events().isEmpty()
        && events().get(events().size() - 1) instanceof TrainingEvent.Finished f
        && !f.cancelled();
  }

  /** The last epoch's report; null before the first. */
  default TrainingEvent.EpochDone lastEpoch() {
    for (int i = events().size() - 1; i >= 0; i--) {
      if (events().get(i) instanceof TrainingEvent.EpochDone e) {
        return e;
      }
    }
    return null;
  }

  /** A classifier's last test predictions; null for a generator or before the first epoch. */
  default Predictions lastPredictions() {
    TrainingEvent.EpochDone e = lastEpoch();
    return e == null ? null : e.predictions();
  }

  /** A generator's last reconstructions and latent map; null without an encoder. */
  default GeneratorSnapshot lastSnapshot() {
    TrainingEvent.EpochDone e = lastEpoch();
    return e == null ? null : e.generator();
  }

  /** The newest sample grid; null for a classifier. */
  default TrainingEvent.SamplesReady lastSamples() {
    for (int i = events().size() - 1; i >= 0; i--) {
      if (events().get(i) instanceof TrainingEvent.SamplesReady s) {
        return s;
      }
    }
    return null;
  }

  /** Keeps only the newest sample grid of {@code events}, in place of the others. */
  static List<TrainingEvent> lean(List<TrainingEvent> events) {
    int last = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof TrainingEvent.SamplesReady) {
        last = i;
      }
    }
    final int keep = last;
    List<TrainingEvent> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (!(events.get(i) instanceof TrainingEvent.SamplesReady) || i == keep) {
        out.add(events.get(i));
      }
    }
    return List.copyOf(out);
  }
}
