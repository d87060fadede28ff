package org.duetstudio.core.model;

import java.util.Map;

/** Steps through training for one model and one training set. Used from one thread at a time. */
public interface Trainer {
  /** Steps in one pass over the training set. */
  int stepsPerEpoch();

  /** Begins a pass (reshuffles the images); {@code epoch} counts from 1. */
  void startEpoch(int epoch);

  /** One update on the next batch. */
  Step step();

  /**
   * What one step did.
   *
   * @param images images in the batch
   * @param losses named loss values for the batch; "loss" is the value that was minimised, other keys
   *     are its parts (e.g. a VAE's "reconstruction" and "kl")
   */
  record Step(int images, Map<String, Double> losses) {
    public static final String LOSS = "loss";

    public Step {
      losses = Map.copyOf(losses);
      if (!losses.containsKey(LOSS)) {
        throw new IllegalArgumentException("a step must report \"loss\"");
      }
    }

    public double loss() {
      return losses.get(LOSS);
    }
  }
}
