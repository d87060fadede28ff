package org.duetstudio.core.model;

/** A model that can hand over what it learned and take it back (into a fresh model of the same spec). */
public interface Persistent {
  ModelState state();

  /** Takes {@code state} (from {@link #state()} of a model built from the same spec and data shape). */
  void restore(ModelState state);

  /**
   * What training needs to go on exactly where it stopped: {@link #state()} plus an optimiser's state
   * (Adam's moments, the step count). Models without such state return {@link #state()}.
   */
  default ModelState checkpoint() {
    return state();
  }

  /** Takes a {@link #checkpoint()} (into a fresh model of the same spec), to train on from there. */
  default void resume(ModelState checkpoint) {
    restore(checkpoint);
  }
}
