package org.duetstudio.core.experiment;

import org.duetstudio.core.training.Fit;

/** Told which point of an experiment is training; asked between steps whether to stop. */
public interface ExperimentMonitor extends Fit.Monitor {
  /** Point {@code index} (from 0) of {@code total} starts: {@code what} says what it trains. */
  default void point(int index, int total, String what) {}

  ExperimentMonitor NONE = new ExperimentMonitor() {};
}
