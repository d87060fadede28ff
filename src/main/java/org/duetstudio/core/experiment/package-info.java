/**
 * Experiments built on the models: each trains several models on the calling thread, reports which point
 * is training through a {@link org.duetstudio.core.experiment.ExperimentMonitor}, can be stopped between
 * steps, and returns a table ({@link org.duetstudio.core.experiment.ExperimentResult}).
 */
package org.duetstudio.core.experiment;
