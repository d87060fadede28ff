package org.duetstudio.ui.common;

import java.util.Locale;
import org.duetstudio.core.training.TrainingEvent;

/** How far one run has got, from its start event's sizes, and how the status line says it. */
final class RunProgress {
  private int epochs = 1;
  private int stepsPerEpoch = 1;
  private double imagesPerStep = 1;

  /** Takes the run's sizes. */
  String started(TrainingEvent.Started s) {
    epochs = Math.max(1, s.epochs());
    stepsPerEpoch = Math.max(1, s.stepsPerEpoch());
    imagesPerStep = s.trainImages() / (double) stepsPerEpoch;
    return String.format(Locale.ROOT, "Training on %,d images", s.trainImages());
  }

  /** The share of the whole run done after step {@code iteration}, in [0, 1]. */
  double fraction(int iteration) {
    return Math.min(1, iteration / (double) (epochs * stepsPerEpoch));
  }

  String epochDone(TrainingEvent.EpochDone e) {
    return String.format(Locale.ROOT, "Epoch %d of %d done", e.epoch(), epochs);
  }

  static String finished(TrainingEvent.Finished f) {
    return String.format(
        Locale.ROOT,
        "%s after %d epoch%s (%.1f s)",
        f.cancelled() ? "Stopped" : "Done",
        f.epochsCompleted(),
        f.epochsCompleted() == 1 ? "" : "s",
        f.elapsedSeconds());
  }

  /** Epochs done at a step (fractional). */
  double epochsAt(int iteration) {
    return iteration / (double) stepsPerEpoch;
  }

  /** Training images seen at a step, assuming full batches. */
  double imagesAt(int iteration) {
    return iteration * imagesPerStep;
  }
}
