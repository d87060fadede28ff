package org.duetstudio.core.model;

import org.duetstudio.core.data.ImageDataset;

/** A model that learns one step at a time, so the engine can pause, cancel and report between steps. */
public interface Trainable {
  /** Prepares to learn from {@code train} (the model keeps its current weights). */
  Trainer trainer(ImageDataset train);
}
