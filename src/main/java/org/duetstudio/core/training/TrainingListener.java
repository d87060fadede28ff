package org.duetstudio.core.training;

/**
 * Receives a run's events, on the run's own thread. Implementations must return quickly: copy what they
 * need and hand it on (the window queues events and draws them in batches; the CLI prints).
 */
@FunctionalInterface
public interface TrainingListener {
  void onEvent(TrainingEvent event);
}
