package org.duetstudio.core.training;

import java.util.Map;
import org.duetstudio.core.model.ModelState;

/**
 * Where a run interrupted after an epoch goes on from: its id (so its events read as one run), the
 * counters after the last finished epoch, that epoch's metrics, and the model's checkpoint.
 *
 * @param epochsDone finished epochs; training goes on with the next
 * @param elapsedSeconds training time up to the checkpoint; the clock goes on from there
 */
public record Resume(
    String runId,
    int epochsDone,
    int iteration,
    long imagesSeen,
    double elapsedSeconds,
    Map<String, Double> metrics,
    ModelState model) {
  public Resume {
    metrics = Map.copyOf(metrics);
    if (epochsDone < 1 || iteration < 0 || imagesSeen < 0) {
      throw new IllegalArgumentException("a resumed run starts after a finished epoch");
    }
  }
}
