/**
 * The training engine: runs on their own threads, immutable TrainingEvents, pause/resume/cancel between
 * steps and slow motion (one step released while paused, the run staying paused), resuming an interrupted run after its last checkpoint ({@link
 * org.duetstudio.core.training.Resume}); the jobs that build and measure a classifier or a generator
 * after each epoch (on one base, {@link org.duetstudio.core.training.ModelJob}); and {@link
 * org.duetstudio.core.training.Fit}, the plain loop for the judge's and the experiments' own trainings.
 */
package org.duetstudio.core.training;
