/** The training engine: runs on their own threads, immutable TrainingEvents, pause/resume/cancel between steps, jobs that measure models after each epoch. */
package org.duetstudio.core.training;
