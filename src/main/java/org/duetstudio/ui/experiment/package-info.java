/**
 * The experiments window: one tab per entry of the core registry
 * ({@link org.duetstudio.core.experiment.Experiment}), laid out by {@code ExperimentTab} from an
 * {@link org.duetstudio.ui.experiment.ExperimentViewModel}, which holds the settings as text, runs the
 * experiment in the background and writes the same report and CSV as the command line.
 */
package org.duetstudio.ui.experiment;
