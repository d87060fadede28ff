package org.duetstudio.core.model.dl4j;

import java.util.Random;

/**
 * The noise a generator trains with (a VAE's ε, a GAN's z), one seeded stream per epoch: an epoch's noise
 * depends on the seed and the epoch only, so training resumed from an epoch's checkpoint draws exactly
 * what the uninterrupted run drew.
 */
final class EpochNoise {
  private final long seed;
  private int epoch = -1;
  private Random current;

  EpochNoise(long seed) {
    this.seed = seed;
  }

  /** The stream of {@code epoch}; the same object for consecutive calls in one epoch. */
  Random of(int epoch) {
    if (epoch != this.epoch) {
      this.epoch = epoch;
      current = new Random((seed ^ 0x5DEECE66DL) * 1_000_003L + epoch);
    }
    return current;
  }
}
