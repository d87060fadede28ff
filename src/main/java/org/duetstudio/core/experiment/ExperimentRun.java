package org.duetstudio.core.experiment;

/**
 * A finished experiment with what produced it: the experiment, its input, its settings and its result —
 * everything its report and its files are made of.
 */
public record ExperimentRun(
    Experiment experiment, ExperimentInput input, ExperimentSettings settings, ExperimentResult result) {
  public ExperimentRun {
    if (settings.experiment() != experiment) {
      throw new IllegalArgumentException(
          "settings of " + settings.experiment().id() + " for " + experiment.id());
    }
  }

  /** Runs {@code experiment} on the calling thread and keeps what produced its result. */
  public static ExperimentRun run(
      Experiment experiment, ExperimentInput input, ExperimentSettings settings, ExperimentMonitor monitor) {
    return new ExperimentRun(experiment, input, settings, experiment.run(input, settings, monitor));
  }
}
