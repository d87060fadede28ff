package org.duetstudio.core.model;

/** A model that can hand over what it learned and take it back (into a fresh model of the same spec). */
public interface Persistent {
  ModelState state();

  /** Takes {@code state} (from {@link #state()} of a model built from the same spec and data shape). */
  void restore(ModelState state);
}
