package org.duetstudio.core.model;

import org.duetstudio.core.data.ImageDataset;

/**
 * A model that learns one step at a time, so the engine can pause, cancel and report between steps; its
 * owner closes it when nobody needs it any more.
 */
public interface Trainable extends AutoCloseable {
  /** Prepares to learn from {@code train} (the model keeps its current weights). */
  Trainer trainer(ImageDataset train);

  /**
   * Frees what the model holds outside the Java heap (a SameDiff graph's arrays) at once, rather than
   * whenever the garbage collector gets round to it. Every use after it fails with an {@link
   * IllegalStateException}; closing twice does nothing. A call under way on another thread ends first.
   * Models without native memory need nothing (the default).
   */
  @Override
  default void close() {}
}
