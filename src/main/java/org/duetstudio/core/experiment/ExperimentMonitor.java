package org.duetstudio.core.experiment;

import java.util.List;
import org.duetstudio.core.training.Fit;

/** Told which point of an experiment is training; asked between steps whether to stop. */
public interface ExperimentMonitor extends Fit.Monitor {
  ExperimentMonitor NONE = new ExperimentMonitor() {};

  /** Point {@code index} (from 0) of {@code total} starts: {@code what} says what it trains. */
  default void point(int index, int total, String what) {}

  /**
   * A point is measured: the rows so far (in the final result's order) under {@code series}, so a view
   * can fill its table and chart while the experiment runs.
   */
  default void measured(List<String> series, List<ExperimentResult.Row> rowsSoFar) {}
}
