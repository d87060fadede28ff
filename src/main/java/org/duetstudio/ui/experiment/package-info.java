/**
 * The experiments window: one tab per entry of the core registry
 * ({@link org.duetstudio.core.experiment.Experiment}), laid out by {@code ExperimentTab} from an
 * {@link org.duetstudio.ui.experiment.ExperimentViewModel}, which holds the settings as text, runs the
 * experiment as a background task (progress and partial results come back through it) and writes the
 * same report and CSV as the command line.
 */
package org.duetstudio.ui.experiment;
