package org.duetstudio.core.experiment;

import java.util.Map;

/**
 * The settings of one experiment, typed: one record per experiment, each with its {@code DEFAULTS} (every
 * default is written there, once). {@link #values()} gives them as text under their {@link Setting} keys,
 * which is what front ends show and edit; {@link Experiment#parse} reads such text back.
 */
public sealed interface ExperimentSettings permits GenVsDiscSettings, FewLabelsSettings, SyntheticSettings {
  /** The seed every experiment starts from unless told otherwise. */
  long DEFAULT_SEED = 42;

  /** The experiment these settings are for. */
  Experiment experiment();

  long seed();

  /** Each setting as text, under its key, in the order of {@link Experiment#settings()}. */
  Map<String, String> values();
}
