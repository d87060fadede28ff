package org.duetstudio.ui.common;

import java.util.ArrayList;
import java.util.List;
import org.duetstudio.core.training.TrainingEvent;

/**
 * The events of one side's current run, in order, for saving a session: of the sample grids only the
 * newest is kept (each grid is as large as many steps). Used on the FX thread only.
 */
final class RunRecording {
  private final List<TrainingEvent> events = new ArrayList<>();
  private int lastSamples = -1;

  /** Keeps {@code e}; a run's start forgets the run before. */
  void record(TrainingEvent e) {
    if (e instanceof TrainingEvent.Started) {
      events.clear();
      lastSamples = -1;
    }
    if (e instanceof TrainingEvent.SamplesReady) {
      if (lastSamples >= 0) {
        events.remove(lastSamples);
      }
      lastSamples = events.size();
    }
    events.add(e);
  }

  List<TrainingEvent> events() {
    return List.copyOf(events);
  }
}
