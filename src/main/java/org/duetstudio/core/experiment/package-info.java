/**
 * The studio's experiments, defined once for every front end. {@link org.duetstudio.core.experiment.Experiment}
 * is the registry: for each experiment its id, title, description, typed settings (one record each —
 * {@link org.duetstudio.core.experiment.GenVsDiscSettings}, {@link org.duetstudio.core.experiment.FewLabelsSettings},
 * {@link org.duetstudio.core.experiment.SyntheticSettings} — holding every default), the
 * {@link org.duetstudio.core.experiment.Setting} descriptions front ends show, parsing of settings from
 * text, and {@code run}. The experiments themselves ({@code GenerativeVsDiscriminative}, {@code FewLabels},
 * {@code SyntheticData}, with {@code Augment}) train several models on the calling thread, report which
 * point is training through an {@link org.duetstudio.core.experiment.ExperimentMonitor}, can be stopped
 * between steps, and return a table ({@link org.duetstudio.core.experiment.ExperimentResult}, with its CSV);
 * an {@link org.duetstudio.core.experiment.ExperimentRun} keeps a result with the input and settings that
 * produced it.
 */
package org.duetstudio.core.experiment;
